import type { Identity, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import type { ExecutionResult } from "@itsm/kit/testing";
import { testConfig, TEST_IDENTITIES } from "@itsm/kit/testing";
import type { OperationsContext } from "../../operations.context";
import type { OperationsOptions } from "../../operations.context";
import { operationsSubgraph } from "../../subgraph";
import type { FakePeers } from "./fake-peers";
import { startFakePeers } from "./fake-peers";

/**
 * The operations subgraph on a test database (loaded with the sample), its catalog and customers
 * peers fakes (reset before each test): made once per test file, stopped after it.
 */
export class OperationsHarness {
  server: SubgraphServer<OperationsContext>;
  peers: FakePeers;

  constructor(options: OperationsOptions = {}) {
    beforeAll(async () => {
      this.peers = await startFakePeers();
      const config = await testConfig("operations");
      config.peerUrls.catalog = this.peers.urls.catalog;
      config.peerUrls.customers = this.peers.urls.customers;
      config.peerUrls.agreements = this.peers.urls.agreements;
      this.server = await createSubgraphServer(operationsSubgraph(options), config);
    });
    afterAll(async () => {
      await this.server.stop();
      await this.peers.close();
    });
    beforeEach(() => this.peers.reset());
  }

  execute(query: string, variables: Record<string, unknown> = {}, identity: Identity = TEST_IDENTITIES.editor) {
    return this.server.execute(query, variables, identity) as Promise<ExecutionResult>;
  }

  /** SQL statements this subgraph ran to answer one operation (its `db_queries_total`). */
  async statementsFor(query: string, variables: Record<string, unknown>, identity: Identity): Promise<number> {
    const count = async () =>
      Number((await this.server.metrics.registry.getSingleMetric("db_queries_total")?.get())?.values[0].value);
    const before = await count();
    const result = await this.server.execute(query, variables, identity);
    expect(result.errors).toBeUndefined();
    return (await count()) - before;
  }
}

export const RECORD = {
  outages: "mutation ($input: RecordOutagesInput!) { recordOutages(input: $input) { created updated unchanged } }",
  incidents:
    "mutation ($input: RecordIncidentsInput!) { recordIncidents(input: $input) { created updated unchanged } }",
  measurements:
    "mutation ($input: RecordMeasurementsInput!) { recordMeasurements(input: $input) { created updated unchanged } }",
};
