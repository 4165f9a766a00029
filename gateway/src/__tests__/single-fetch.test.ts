import { composeServices } from "@apollo/composition";
import type { GraphQLDataSource } from "@apollo/gateway";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { buildSchema, parse } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LearntPlans } from "../plan-learning";

const SUPERGRAPH = readFileSync(join(__dirname, "..", "..", "..", "schema", "supergraph.graphql"), "utf8");

/** Subgraphs that answer nothing: the plans are what these tests look at, learnt while executing. */
const silent: GraphQLDataSource = { process: async () => ({ data: null }) };

/** A gateway over `supergraphSdl` teaching `plans` what it executes. */
async function gatewayLearning(supergraphSdl: string, bounds?: ConstructorParameters<typeof LearntPlans>[0]) {
  const plans = new LearntPlans(bounds);
  const planned = new Set<string | undefined>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: () => silent,
    experimental_didResolveQueryPlan: (resolved) => {
      planned.add(resolved.requestContext.request.query);
      plans.learn(resolved);
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => plans.schemaChanged(apiSchema, coreSupergraphSdl));
  const server = new ApolloServer({ gateway });
  await server.start();
  /** What the plans learnt of an operation once the gateway executed it. */
  const learntPlan = async (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
    const response = await server.executeOperation({ query, variables, operationName });
    // Planned and executed, not refused before: the plan is what decided.
    if (!planned.has(query)) throw new Error(`not planned: ${JSON.stringify(response.body)}`);
    return plans.get(query, operationName);
  };
  /** The single fetch learnt of an operation (none: undefined). */
  const learnt = async (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
    const plan = await learntPlan(query, variables, operationName);
    if (plan?.kind === "compiled") throw new Error("compiled, not a single fetch");
    return plan;
  };
  return { plans, server, learnt, learntPlan };
}

/** The supergraph of one subgraph, `docs`. */
function supergraphOf(subgraph: string): string {
  const composed = composeServices([{ name: "docs", url: "http://docs.invalid/graphql", typeDefs: parse(subgraph) }]);
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join("; "));
  return composed.supergraphSdl;
}

describe("single-fetch eligibility on the ITSM supergraph", () => {
  let gateway: Awaited<ReturnType<typeof gatewayLearning>>;
  beforeAll(async () => {
    gateway = await gatewayLearning(SUPERGRAPH);
  });
  afterAll(() => gateway.server.stop());

  it("takes a one-subgraph query, with its subgraph operation and the variables it uses", async () => {
    const query =
      "query OneSubgraph($after: String) { services(first: 20, after: $after) { nodes { code name lifecycle } } }";
    const fetch = await gateway.learnt(query, {}, "OneSubgraph");
    expect(fetch).toMatchObject({
      serviceName: "catalog",
      operationName: "OneSubgraph",
      fetchOperationName: "OneSubgraph__catalog__0",
      variableUsages: ["after"],
    });
    expect(fetch?.fetchOperation).toBe(
      "query OneSubgraph__catalog__0($after:String){services(first:20 after:$after){nodes{code name lifecycle}}}",
    );
    // Another operation name (or none) is another entry: not learnt yet.
    expect(gateway.plans.get(query, undefined)).toBeUndefined();
  });

  it("takes aliases, arguments and __typename on an object type as the subgraph gets them", async () => {
    const fetch = await gateway.learnt(
      '{ live: services(first: 3) { nodes { __typename c: code } } first: serviceByCode(code: "EMAIL") { name } }',
    );
    expect(fetch?.serviceName).toBe("catalog");
  });

  it("keeps @include/@skip with a variable on a field inside the subgraph operation: eligible", async () => {
    const fetch = await gateway.learnt(
      "query Q($withName: Boolean!) { services(first: 2) { nodes { code name @include(if: $withName) } } }",
      { withName: false },
    );
    expect(fetch?.variableUsages).toEqual(["withName"]);
  });

  it.each([
    ["a cross-subgraph query", "{ services(first: 2) { nodes { code agreements { number } } } }", {}],
    ["a mutation", 'mutation { attachComponent(input: { serviceId: "s", componentId: "c" }) { id code } }', {}],
    [
      "@include with a variable on the root field (a Condition node)",
      "query Q($all: Boolean!) { services(first: 2) @include(if: $all) { nodes { code } } }",
      { all: true },
    ],
    [
      "a fragment spread",
      "query Q { services(first: 2) { nodes { ...Names } } } fragment Names on Service { code name }",
      {},
    ],
    [
      "an argument the planner rewrites (one value for a list: `[LIVE]`)",
      "{ services(first: 3, filter: { lifecycle: LIVE }) { nodes { code } } }",
      {},
    ],
    ["an inline fragment", "{ services(first: 2) { nodes { ... on Service { code } } } }", {}],
    ["the schema's own fields", "{ __schema { queryType { name } } services(first: 1) { nodes { code } } }", {}],
    ["__typename of the root", "{ __typename services(first: 1) { nodes { code } } }", {}],
  ])("leaves out %s", async (_name, query, variables) => {
    expect(await gateway.learnt(query, variables)).toBeUndefined();
  });

  it("never sees @defer: the gateway's schema refuses it before any plan", async () => {
    const query = "{ services(first: 2) { nodes { code ... @defer { name } } } }";
    await expect(gateway.learnt(query)).rejects.toThrow('Unknown directive \\"@defer\\"');
    expect(gateway.plans.get(query, undefined)).toBeUndefined();
  });

  it("forgets everything when the supergraph changes", async () => {
    const query = "{ components(first: 2) { nodes { name kind } } }";
    expect(await gateway.learnt(query)).toBeDefined();
    gateway.plans.schemaChanged(buildSchema("type Query { x: Int }"), "type Query { x: Int }");
    expect(gateway.plans.get(query, undefined)).toBeUndefined();
  });
});

describe("single-fetch eligibility on abstract types", () => {
  const subgraph = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    interface Node { id: ID! }
    type Document implements Node @key(fields: "id") { id: ID! title: String }
    type Query { nodes: [Node!]! document: Document }
  `;
  let gateway: Awaited<ReturnType<typeof gatewayLearning>>;
  beforeAll(async () => {
    gateway = await gatewayLearning(supergraphOf(subgraph));
  });
  afterAll(() => gateway.server.stop());

  it("leaves out a selection of an interface (the plan adds __typename)", async () => {
    expect(await gateway.learnt("{ nodes { id } }")).toBeUndefined();
  });

  it("takes the same subgraph's object type", async () => {
    expect((await gateway.learnt("{ document { id title } }"))?.serviceName).toBe("docs");
  });
});

describe("single-fetch eligibility with members hidden by @inaccessible", () => {
  // The gateway checks the subgraph's answer against the API schema (`computeResponse`): a hidden
  // enum value or __typename becomes null and an error there, so these are not passed through.
  const subgraph = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])
    enum Kind { A B @inaccessible }
    enum Shown { X Y }
    interface Node { id: ID! }
    type Document implements Node @key(fields: "id") { id: ID! title: String kind: Kind shown: Shown }
    type Draft implements Node @key(fields: "id") @inaccessible { id: ID! }
    union Thing = Document | Draft
    type Query { nodes: [Node!]! document: Document things: [Thing!]! }
  `;
  let gateway: Awaited<ReturnType<typeof gatewayLearning>>;
  beforeAll(async () => {
    gateway = await gatewayLearning(supergraphOf(subgraph));
  });
  afterAll(() => gateway.server.stop());

  it.each([
    ["an enum with a hidden value", "{ document { kind } }"],
    ["__typename of an interface with a hidden implementation", "{ nodes { __typename id } }"],
    ["__typename of a union with a hidden member", "{ things { __typename } }"],
  ])("leaves out %s", async (_name, query) => {
    expect(await gateway.learnt(query)).toBeUndefined();
  });

  it("takes an enum without hidden values, and the object types beside them", async () => {
    expect((await gateway.learnt("{ document { id title shown } }"))?.serviceName).toBe("docs");
  });
});

describe("single-fetch plans remembered", () => {
  const [a, b, c] = ["code", "name", "lifecycle"].map((field) => `{ services(first: 2) { nodes { ${field} } } }`);

  it("forgets the least recently used operation first", async () => {
    const gateway = await gatewayLearning(SUPERGRAPH, { maxOperations: 2 });
    try {
      await gateway.learnt(a);
      await gateway.learnt(b);
      expect(gateway.plans.get(a, undefined)).toBeDefined();
      await gateway.learnt(c);
      expect([a, b, c].map((query) => gateway.plans.get(query, undefined) !== undefined)).toEqual([true, false, true]);
    } finally {
      await gateway.server.stop();
    }
  });

  it("counts the subgraph operation kept with an operation, not only its text", async () => {
    // Room for both texts, not for both texts and their subgraph operations.
    const gateway = await gatewayLearning(SUPERGRAPH, { maxCharacters: 2 * JSON.stringify([null, b]).length + 20 });
    try {
      await gateway.learnt(a);
      await gateway.learnt(b);
      expect(gateway.plans.get(a, undefined)).toBeUndefined();
      expect(gateway.plans.get(b, undefined)).toBeDefined();
    } finally {
      await gateway.server.stop();
    }
  });
});
