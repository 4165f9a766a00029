import { PeeredHarness } from "@itsm/kit/testing";
import type { CatalogContext } from "../../catalog.context";
import { createServer } from "../../server";
import type { FakeAgreements } from "./fake-agreements";
import { startFakeAgreements } from "./fake-agreements";

/** The catalog subgraph on a test database, its agreements peer a fake (see `PeeredHarness`). */
export class CatalogHarness extends PeeredHarness<CatalogContext, FakeAgreements> {
  constructor() {
    super({ name: "catalog", peerName: "agreements", createServer, startPeer: startFakeAgreements });
  }

  /** The fake agreements subgraph (answering, with no ACTIVE agreements, at the start of each test). */
  get agreements(): FakeAgreements {
    return this.peer;
  }
}
