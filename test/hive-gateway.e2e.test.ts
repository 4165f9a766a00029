// The same supergraph under Hive Gateway (deploy/hive-gateway, its CLI and our identity plugin) in
// front of our subgraphs, unchanged: the README's queries and the partner-scoping rules give the
// same answers as through our gateway.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphResponse } from "./support/graph";
import { as, Graph, post, ROOT, SUBGRAPH_NAMES, TEST_AUTH, token } from "./support/graph";
import type { HiveGateway } from "./support/hive-gateway";
import { startHiveGateway } from "./support/hive-gateway";

let graph: Graph;
let hive: HiveGateway;

/** The README's GraphQL examples (its ```graphql blocks, one operation per `# title` in a block), queries only. */
const README_QUERIES = [...readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)]
  .flatMap((match) => match[1].split(/^(?=# )/m))
  .filter((text) => text.includes("{"))
  .filter((text) => !/^\s*(#.*\n\s*)*(mutation|subscription)\b/.test(text));

/** Variables a README query declares, with values from the sample's time. */
function variablesOf(query: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  if (/\$code: String!/.test(query)) variables.code = "ACME_RETAIL";
  if (/\$before: LocalDate!/.test(query)) {
    variables.before = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  }
  return variables;
}

/** What a comparison looks at: the data, and each error's code and path (the messages' wording is each gateway's). */
function comparable(response: GraphResponse) {
  return {
    status: response.status,
    data: response.data,
    errors: response.errors?.map((error) => ({ code: error.extensions?.code, path: error.path })),
  };
}

async function both(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const [ours, theirs] = await Promise.all([
    post(graph.gatewayUrl, query, variables, headers),
    post(hive.url, query, variables, headers),
  ]);
  return { ours, hive: theirs };
}

beforeAll(async () => {
  graph = await new Graph().start();
  hive = await startHiveGateway({
    ...process.env,
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, graph.subgraphUrl(name)])),
  });
}, 180_000);

afterAll(async () => {
  await hive?.stop();
  await graph?.stop();
});

describe("Hive Gateway over our supergraph", () => {
  it("finds the README's queries to run", () => {
    expect(README_QUERIES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(
    README_QUERIES.map((query) => [
      query.startsWith("#") ? query.split("\n")[0] : "query every change keeps working",
      query,
    ]),
  )("answers the README's %s as our gateway does", async (_title, query) => {
    const { ours, hive: theirs } = await both(query, variablesOf(query), as("analyst"));
    expect(ours.status).toBe(200);
    expect(ours.errors).toBeUndefined();
    expect(comparable(theirs)).toEqual(comparable(ours));
  });

  it("shows a partner only its own customers' agreements, as our gateway does", async () => {
    const query = "{ agreements(first: 100) { totalCount nodes { number customers { code } } } }";
    const { ours, hive: theirs } = await both(query, undefined, as("partner", ["ACME_RETAIL"]));
    expect(comparable(theirs)).toEqual(comparable(ours));
    const nodes = (theirs.data as { agreements: { nodes: { customers: { code: string }[] }[] } }).agreements.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const agreement of nodes) expect(agreement.customers.map((c) => c.code)).toContain("ACME_RETAIL");
    // Less than staff see: the scope is applied, not just passed through.
    const staff = await post<{ agreements: { totalCount: number } }>(hive.url, query, undefined, as("analyst"));
    expect(staff.data!.agreements.totalCount).toBeGreaterThan(nodes.length);
  });

  it("refuses a partner another customer's agreements, as our gateway does", async () => {
    const query = '{ customerByCode(code: "ACME_RETAIL") { code agreements { number } } }';
    const { ours, hive: theirs } = await both(query, undefined, as("partner", ["STADTWERKE_RHEINTAL"]));
    expect(comparable(theirs)).toEqual(comparable(ours));
  });

  it("shows anonymous callers only the LIVE catalogue and no agreements, as our gateway does", async () => {
    const services = "{ services(first: 100) { totalCount nodes { code lifecycle } } }";
    const catalogue = await both(services);
    expect(comparable(catalogue.hive)).toEqual(comparable(catalogue.ours));
    const nodes = (catalogue.hive.data as { services: { nodes: { lifecycle: string }[] } }).services.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(new Set(nodes.map((service) => service.lifecycle))).toEqual(new Set(["LIVE"]));

    const agreements = await both("{ agreements(first: 5) { nodes { number } } }");
    expect(comparable(agreements.hive)).toEqual(comparable(agreements.ours));
    expect(agreements.hive.errors?.[0].extensions?.code).toBeDefined();
  });

  it("refuses a forged or expired token with 401 and UNAUTHENTICATED, as our gateway does", async () => {
    for (const bad of [
      token("admin", [], { secret: `${TEST_AUTH.secret}-forged` }),
      token("analyst", [], { expiresIn: -3600 }),
    ]) {
      const { ours, hive: theirs } = await both("{ __typename }", undefined, { authorization: `Bearer ${bad}` });
      expect(ours.status).toBe(401);
      expect(comparable(theirs)).toEqual(comparable(ours));
    }
  });

  it("cannot be talked into another identity: a client's own x-itsm-identity header is not what the subgraphs get", async () => {
    const query = "{ agreements(first: 1) { totalCount } }";
    const forged = { ...as("partner", ["ACME_RETAIL"]), "x-itsm-identity": "v1.forged" };
    const { ours, hive: theirs } = await both(query, undefined, forged);
    expect(comparable(theirs)).toEqual(comparable(ours));
    expect(theirs.errors).toBeUndefined();
  });
});
