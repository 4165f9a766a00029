import type { SubgraphServer } from "@itsm/kit";
import { testConfig } from "@itsm/kit/testing";
import type { CustomersContext } from "../../customers.context";
import { createServer } from "../../server";
import type { FakeAgreements } from "./fake-agreements";
import { startFakeAgreements } from "./fake-agreements";

/**
 * The customers subgraph on a test database, its agreements peer a fake (answering, with no ACTIVE
 * agreements, at the start of each test): made once per test file, stopped after it.
 */
export class CustomersHarness {
  server: SubgraphServer<CustomersContext>;
  agreements: FakeAgreements;

  constructor() {
    beforeAll(async () => {
      this.agreements = await startFakeAgreements();
      const config = await testConfig("customers");
      config.peerUrls.agreements = this.agreements.url;
      this.server = await createServer(config);
    });
    afterAll(async () => {
      await this.server.stop();
      await this.agreements.close();
    });
    beforeEach(() => {
      this.agreements.mode = "answer";
      this.agreements.active.clear();
    });
  }
}
