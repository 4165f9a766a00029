import type { SubgraphName } from "@itsm/runtime";
import type { SubgraphConfig } from "../config";
import type { SubgraphServer } from "../subgraph-server";
import { testConfig } from "./index";

/**
 * A subgraph on a test database (loaded with the sample) for one test file: started before its
 * tests, stopped after them. Construct it at the top of the file; read `server` inside tests and hooks.
 */
export class TestServer<C extends object> {
  server: SubgraphServer<C>;

  constructor(name: SubgraphName, createServer: (config: SubgraphConfig) => Promise<SubgraphServer<C>>) {
    beforeAll(async () => {
      this.server = await createServer(await testConfig(name));
    });
    afterAll(() => this.server.stop());
  }
}
