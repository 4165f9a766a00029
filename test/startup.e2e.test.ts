import { loadTestDatabaseSettings } from "@itsm/kit";
import { createTestDatabase } from "@itsm/kit/testing";
import { startProcess, TEST_DRIVER } from "./support/graph";

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

const describeOnMariaDb = TEST_DRIVER === "mariadb" ? describe : describe.skip;

describeOnMariaDb("database problems at start-up are one line naming the cause and the variable", () => {
  const serverUrl = loadTestDatabaseSettings().serverUrl!;
  const withDatabase = (path: string, credentials?: string) => {
    const url = new URL(path, serverUrl);
    if (credentials) [url.username, url.password] = credentials.split(":");
    return url.toString();
  };

  it("wrong credentials", async () => {
    const output = await failedStart("catalog", {
      CATALOG_DATABASE_URL: withDatabase("itsm_catalog", "itsm:wrong-password"),
      CATALOG_PORT: "0",
    });
    expect(output).toMatch(
      /catalog: failed to start: the database server at 127\.0\.0\.1:\d+ refused the credentials of user "itsm" \(check CATALOG_DATABASE_URL\)/,
    );
    expect(output).not.toContain("wrong-password");
  });

  it("an unreachable server", async () => {
    const output = await failedStart("catalog", {
      CATALOG_DATABASE_URL: "mysql://itsm:itsm@127.0.0.1:1/itsm_catalog",
      CATALOG_PORT: "0",
    });
    expect(output).toContain(
      "cannot reach the database server at 127.0.0.1:1 (connection refused) (check CATALOG_DATABASE_URL)",
    );
  });

  it("a database that does not exist", async () => {
    const output = await failedStart("catalog", {
      CATALOG_DATABASE_URL: withDatabase("no_such_db"),
      CATALOG_PORT: "0",
    });
    expect(output).toMatch(/database "no_such_db" does not exist on .* \(check CATALOG_DATABASE_URL\)/);
  });

  it("pending migrations", async () => {
    const output = await failedStart("catalog", {
      CATALOG_DATABASE_URL: await createTestDatabase("pending"),
      CATALOG_PORT: "0",
    });
    expect(output).toContain(
      'the catalog database has pending migrations: run "npm run migrate" or set MIGRATE_ON_START=true (database: CATALOG_DATABASE_URL)',
    );
  });
});
