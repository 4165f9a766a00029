import { startProcess } from "./support/graph";

/** Starts a process that is expected to refuse to start; resolves with what it printed. */
async function failedStart(name: "catalog" | "gateway", env: NodeJS.ProcessEnv): Promise<string> {
  try {
    await startProcess(name, { ...process.env, LOG_LEVEL: "warn", ...env }, 30_000);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} started although its configuration is wrong`);
}

describe("configuration is validated at start-up", () => {
  it("a subgraph with a malformed variable stops with one line naming it", async () => {
    const output = await failedStart("catalog", { CATALOG_PORT: "port-four", DATA_DIR: ":memory:" });
    expect(output).toContain(
      'catalog: failed to start: Invalid configuration: CATALOG_PORT must be a port number from 0 to 65535 (got "port-four")',
    );
    expect(output).toContain("exited before it was ready (1)");
  });

  it("a subgraph with a non-MySQL database URL is refused", async () => {
    const output = await failedStart("catalog", { CATALOG_DATABASE_URL: "postgres://db/catalog", CATALOG_PORT: "0" });
    expect(output).toContain("CATALOG_DATABASE_URL must be a mysql:// or mariadb:// URL");
  });

  it("the gateway without a readable supergraph says which file it looked for", async () => {
    const output = await failedStart("gateway", { SUPERGRAPH_PATH: "/nonexistent/supergraph.graphql", PORT: "0" });
    expect(output).toContain("cannot read the supergraph at SUPERGRAPH_PATH=/nonexistent/supergraph.graphql");
  });
});
