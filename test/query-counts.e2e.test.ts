import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createTestDatabase } from "@itsm/kit/testing";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import type { SubgraphName } from "./support/graph";
import { as, Graph, ROOT, SUBGRAPH_NAMES, TEST_DRIVER } from "./support/graph";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

const run = promisify(execFile);

/** SQL statements each subgraph has run so far (its `db_queries_total`). */
async function statements(graph: Graph): Promise<Record<SubgraphName, number>> {
  const counts = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const text = await (await fetch(new URL("/metrics", graph.subgraphUrl(name)))).text();
      return Number(/^db_queries_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? NaN);
    }),
  );
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, counts[i]])) as Record<SubgraphName, number>;
}

/** The SQL statements each subgraph runs to answer one operation. */
async function statementsFor(graph: Graph, query: string, variables?: Record<string, unknown>) {
  const before = await statements(graph);
  const response = await graph.query(query, variables, ANALYST);
  expect(response.errors).toBeUndefined();
  const after = await statements(graph);
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, after[name] - before[name]]));
}

const DESIGN = (first: number) => `{ services(first: ${first}) { nodes { code name
  agreements { number type status provider { name } customers { name }
    targets { metric comparator value unit } responsibilities { party description } } } } }`;

const AGREEMENTS = (first: number) => `{ agreements(first: ${first}) { totalCount nodes { number provider { name }
  customers { name contacts { email } } services { code name components { name } dependsOn { code } }
  targets { metric value service { code } } responsibilities { party } underpinnedBy { number } } } }`;

const CUSTOMERS = (first: number) => `{ customers(first: ${first}) { nodes { code contacts { role }
  agreements(status: [ACTIVE]) { number services { code lifecycle } targets { metric } } } } }`;

const COMPONENTS = (first: number) =>
  `{ components(first: ${first}) { nodes { name services { code } impactedServices { code } } } }`;

describe("batched resolution: no N+1 anywhere", () => {
  // More than 100 of everything: a page of 100 really holds 100 parents.
  const dataDir = mkdtempSync(join(tmpdir(), "itsm-counts-"));
  let graph: Graph;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const databaseUrls = new Map<SubgraphName, string>();
    if (TEST_DRIVER === "mariadb") {
      for (const name of SUBGRAPH_NAMES) {
        databaseUrls.set(name, await createTestDatabase(`counts_${name}`));
        env[`${name.toUpperCase()}_DATABASE_URL`] = databaseUrls.get(name);
      }
      await run(process.execPath, [join(ROOT, "scripts", "db.mjs"), "migrate"], { cwd: ROOT, env });
    }
    await run(process.execPath, [join(ROOT, "scripts", "db.mjs"), "seed", "--scale", "150"], { cwd: ROOT, env });
    graph = await new Graph({ dataDir, databaseUrls }).start();
  }, 180_000);
  afterAll(() => graph.stop());

  it.each([
    ["the DESIGN.md query", DESIGN],
    ["agreements with parties, services, components, targets, underpinnings", AGREEMENTS],
    ["customers with their active agreements", CUSTOMERS],
    ["components with their (transitively) impacted services", COMPONENTS],
  ])("%s: a page of 100 costs the same statements as a page of 20", async (_name, query) => {
    const small = await statementsFor(graph, query(20));
    const large = await statementsFor(graph, query(100));
    expect(large).toEqual(small);
    for (const name of SUBGRAPH_NAMES) expect(small[name]).toBeLessThanOrEqual(12);
  });

  it("answers the DESIGN.md query with a known, small number of statements per subgraph", async () => {
    // catalog: the page. agreements: coverage by service, the agreements, then customers, targets
    // and responsibilities of those agreements. customers: providers and customers by id.
    expect(await statementsFor(graph, DESIGN(20))).toEqual({ catalog: 1, customers: 2, agreements: 5, operations: 0 });
  });
});
