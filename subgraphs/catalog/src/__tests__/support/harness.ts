import type { SubgraphServer } from "@itsm/kit";
import { testConfig } from "@itsm/kit/testing";
import { createServer } from "../../server";
import type { CatalogContext } from "../../catalog.context";
import type { FakeAgreements } from "./fake-agreements";
import { startFakeAgreements } from "./fake-agreements";

/**
 * The catalog subgraph on a test database, its agreements peer a fake (reset before each test):
 * made once per test file, stopped after it.
 */
export class CatalogHarness {
  server: SubgraphServer<CatalogContext>;
  agreements: FakeAgreements;

  constructor() {
    beforeAll(async () => {
      this.agreements = await startFakeAgreements();
      const config = await testConfig("catalog");
      config.peerUrls.agreements = this.agreements.url;
      this.server = await createServer(config);
    });
    afterAll(async () => {
      await this.server.stop();
      await this.agreements.close();
    });
    beforeEach(() => this.agreements.reset());
  }
}
