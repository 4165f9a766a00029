import type { TokenRole } from "./support/graph";
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { loadSubgraphConfig, loadTestDatabaseSettings, openDataSource } from "@itsm/kit";
import { createTestDatabase, TEST_DATABASE_PREFIX } from "@itsm/kit/testing";
import { subgraph as customers } from "@itsm/customers";
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { as, Graph, post, ROOT, startedForSuite, startProcess, stopProcess, TEST_DRIVER } from "./support/graph";

// Issue 18: what an adversarial probe and a careless operator still got through.
const graph = startedForSuite(new Graph());

/** A gateway process in front of the graph's subgraphs, with extra settings. */
async function gatewayWith(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const subgraphs = Object.fromEntries(
    [...graph.subgraphPorts.keys()].map((name) => [`${name.toUpperCase()}_URL`, graph.subgraphUrl(name)]),
  );
  return startProcess("gateway", { ...process.env, LOG_LEVEL: "silent", PORT: "0", ...subgraphs, ...env });
}

/**
 * Requests that fail validation or variable coercion, each with the suggestion graphql-js would add.
 * (Every row has its three cells: jest takes a test function with more parameters than cells as `done`.)
 */
const MISTAKES: [string, string, Record<string, unknown> | undefined][] = [
  ["an unknown field", "{ agreemenz { totalCount } }", undefined],
  ["an unknown type", "query ($code: Strin) { serviceByCode(code: $code) { name } }", undefined],
  ["an unknown argument", "{ services(frist: 1) { totalCount } }", undefined],
  ["an unknown input field", '{ services(filter: { serach: "mail" }) { totalCount } }', undefined],
  ["an unknown enum value", "{ services(filter: { lifecycle: [LIV] }) { totalCount } }", undefined],
  [
    "an unknown enum value in variables",
    "query ($lifecycle: [ServiceLifecycle!]) { services(filter: { lifecycle: $lifecycle }) { totalCount } }",
    { lifecycle: ["LIV"] },
  ],
];

const CALLERS: [string, Record<string, string>][] = [
  ["anonymous", {}],
  ["partner", as("partner", ["STADTWERKE_RHEINTAL"])],
];

describe.each([
  ["test", "test"],
  ["production", "production"],
])("schema suggestions with NODE_ENV=%s: only for roles that may introspect", (_, nodeEnv) => {
  let gateway: { child: ChildProcess; url: string };
  beforeAll(async () => {
    gateway = await gatewayWith({ NODE_ENV: nodeEnv });
  });
  afterAll(() => stopProcess(gateway.child));

  it.each(MISTAKES)(
    "%s: staff get the suggestion, anonymous and partner callers the same error without it",
    async (_, query, variables) => {
      const staff = await post(gateway.url, query, variables, as("analyst"));
      const suggested = staff.errors?.find((e) => /Did you mean/.test(e.message));
      expect(suggested).toBeDefined();
      for (const [, headers] of CALLERS) {
        const other = await post(gateway.url, query, variables, headers);
        expect(other.status).toBe(staff.status);
        expect(other.errors?.map((e) => e.extensions?.code)).toEqual(staff.errors?.map((e) => e.extensions?.code));
        expect(JSON.stringify(other)).not.toMatch(/did you mean/i);
        const without = suggested!.message.replace(/ ?Did you mean .*\?$/s, "");
        expect(other.errors?.map((e) => e.message)).toContain(without);
      }
    },
  );
});

describe("MAX_ALIASES counts every alias", () => {
  it("refuses 1000 aliases of __typename before execution, like other limit refusals", async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(" ");
    const response = await graph.query(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.errors?.[0].message).toMatch(/aliases limit of 30 exceeded, found 1000/i);
  });

  it("counts __typename aliases inside selections and fragments too", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(" ");
    const response = await graph.query(
      `{ services(first: 1) { ...F } } fragment F on ServiceConnection { ${aliases} }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("still runs a document within the limit", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `t${i}: __typename`).join(" ");
    const response = await graph.query(`{ ${aliases} }`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.data ?? {})).toHaveLength(30);
  });
});

describe("text that is not well-formed Unicode", () => {
  // Found by the fuzz suite: class-validator's IsEmail throws "URI malformed" on a lone surrogate.
  it("is refused before anything runs: BAD_USER_INPUT in variables, GRAPHQL_PARSE_FAILED in the document", async () => {
    const customer = await graph.query<{ customerByCode: { id: string; version: number } }>(
      '{ customerByCode(code: "STADTWERKE_RHEINTAL") { id version } }',
      undefined,
      as("admin"),
    );
    const { id, version } = customer.data!.customerByCode;
    const input = { customerId: id, expectedVersion: version, name: "Ann", email: "\udc00\ud800", role: "BILLING" };
    const inVariables = await graph.query(
      "mutation ($input: AddContactInput!) { addContact(input: $input) { __typename } }",
      { input },
      as("admin"),
    );
    expect(inVariables.status).toBe(400);
    expect(inVariables.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(inVariables.errors?.[0].message).toContain("input.email");
    const inDocument = await graph.query('{ serviceByCode(code: "\ud800") { name } }', undefined, as("admin"));
    expect(inDocument.status).toBe(400);
    expect(inDocument.errors?.[0].extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });
});

describe("RATE_LIMIT_BURST: requests per second per client, on top of the window", () => {
  let gateway: { child: ChildProcess; url: string };
  beforeAll(async () => {
    gateway = await gatewayWith({ RATE_LIMIT_POINTS: "600", RATE_LIMIT_WINDOW_SECONDS: "60", RATE_LIMIT_BURST: "5" });
  });
  afterAll(() => stopProcess(gateway.child));

  const burst = (headers: Record<string, string>, n: number) =>
    Promise.all(
      Array.from({ length: n }, () =>
        fetch(gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query: "{ __typename }" }),
        }),
      ),
    );

  it.each<[string, TokenRole | undefined]>([
    ["a token", "analyst"],
    ["an address", undefined],
  ])("refuses a burst from %s with the window's 429 answer, then lets it back in", async (_, role) => {
    const headers = role ? as(role) : {};
    const started = Date.now();
    const responses = await burst(headers, 30);
    // The allowance is 5 per second from a client's first request: a burst that lasts longer than a
    // second (a loaded machine) meets one fresh allowance per second it lasts.
    const seconds = Math.floor((Date.now() - started) / 1000) + 1;
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5 * seconds);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - 5 * seconds);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    const limited = responses.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await limited.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect(body.errors[0].message).toMatch(/per second/);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await burst(headers, 1))[0].status).toBe(200);
  });
});

const describeOnMariaDb = TEST_DRIVER === "mariadb" ? describe : describe.skip;

describeOnMariaDb("a MariaDB database not in utf8mb4", () => {
  const serverUrl = () => {
    const url = loadTestDatabaseSettings().serverUrl!;
    return url.endsWith("/") ? url : `${url}/`;
  };

  /** A database created with the server's old default, latin1 (the teardown drops it: itsm_test_ prefix). */
  async function latin1Database(): Promise<{ name: string; url: string }> {
    const name = `${TEST_DATABASE_PREFIX}latin1_${randomBytes(4).toString("hex")}`;
    const connection = await mysql.createConnection(serverUrl());
    try {
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET latin1 COLLATE latin1_swedish_ci`);
    } finally {
      await connection.end();
    }
    return { name, url: new URL(name, serverUrl()).toString() };
  }

  /** Runs the statements a refusal names, in one session (`run A; B; C; (check …)`). */
  async function runFix(refusal: string, url: string): Promise<void> {
    const statements = /: run (.*); \(check /.exec(refusal)![1].split("; ");
    const connection = await mysql.createConnection(url);
    try {
      for (const statement of statements) await connection.query(statement);
    } finally {
      await connection.end();
    }
  }

  const migrate = (url: string) =>
    spawnSync(process.execPath, ["scripts/db.mjs", "migrate"], {
      cwd: ROOT,
      env: { ...process.env, CUSTOMERS_DATABASE_URL: url, LOG_LEVEL: "silent" },
      encoding: "utf8",
    });

  it("npm run migrate refuses a latin1 database with one line naming it and the statement that fixes it", async () => {
    const database = await latin1Database();
    const result = migrate(database.url);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(database.name);
    expect(lines[0]).toContain(`ALTER DATABASE \`${database.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    expect(lines[0]).toContain("CUSTOMERS_DATABASE_URL");
    expect(lines[0]).not.toContain("itsm:itsm@");
  });

  it("a subgraph refuses to start on it, and on a database whose table was converted to latin1", async () => {
    const database = await latin1Database();
    const start = (url: string) =>
      startProcess("customers", {
        ...process.env,
        CUSTOMERS_DATABASE_URL: url,
        CUSTOMERS_PORT: "0",
        MIGRATE_ON_START: "true",
        SEED_ON_START: "true",
        LOG_LEVEL: "silent",
      });
    const refusedDatabase = await start(database.url).then(
      () => "started",
      (error: Error) => error.message,
    );
    expect(refusedDatabase).toContain(
      `ALTER DATABASE \`${database.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    // What the line says to run is what fixes it: then the sample, "Ł" and all, loads.
    await runFix(refusedDatabase, database.url);
    const fixed = await start(database.url);
    await stopProcess(fixed.child);

    // A database created right, with one table changed by hand afterwards.
    const url = await createTestDatabase("charset_table");
    const config = loadSubgraphConfig("customers", { CUSTOMERS_DATABASE_URL: url, LOG_LEVEL: "silent" });
    const dataSource = await openDataSource(config, customers);
    try {
      await dataSource.runMigrations({ transaction: "each" });
      await dataSource.query("ALTER TABLE `contacts` CONVERT TO CHARACTER SET latin1 COLLATE latin1_swedish_ci");
    } finally {
      await dataSource.destroy();
    }
    const refused = await start(url).then(
      () => "started",
      (error: Error) => error.message,
    );
    const line = refused.split("\n").find((l) => l.includes("failed to start"));
    expect(line).toContain(new URL(url).pathname.slice(1));
    expect(line).toContain("ALTER TABLE `contacts` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    expect(line).not.toContain("`customers` CONVERT");
    await runFix(line!, url);
    await stopProcess((await start(url)).child);
  });
});
