import { PeeredHarness } from "@itsm/kit/testing";
import type { CustomersContext } from "../../customers.context";
import { createServer } from "../../server";
import type { FakeAgreements } from "./fake-agreements";
import { startFakeAgreements } from "./fake-agreements";

/** The customers subgraph on a test database, its agreements peer a fake (see `PeeredHarness`). */
export class CustomersHarness extends PeeredHarness<CustomersContext, FakeAgreements> {
  constructor() {
    super({ name: "customers", peerName: "agreements", createServer, startPeer: startFakeAgreements });
  }

  /** The fake agreements subgraph (answering, with no ACTIVE agreements, at the start of each test). */
  get agreements(): FakeAgreements {
    return this.peer;
  }
}
