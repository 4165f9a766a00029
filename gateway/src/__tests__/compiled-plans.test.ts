import { composeServices } from "@apollo/composition";
import type { GraphQLDataSource } from "@apollo/gateway";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { GraphQLError, execute, parse } from "graphql";
import type { CompiledNode } from "../compiled-plans";
import { executeCompiled } from "../compiled-execution";
import { compileShaper } from "../result-shaper";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import type { CompiledOperation } from "../plan-learning";
import { LearntPlans } from "../plan-learning";
import type { SubgraphDataSource } from "../subgraph-data-source";

// Three small subgraphs shaped like the ITSM graph's cross page: agreements refer to providers and
// customers (customers' subgraph) and services (catalog's) by id.
const SUBGRAPHS = {
  agreements: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])
    enum Status { ACTIVE DRAFT }
    enum Secret { OPEN HIDDEN @inaccessible }
    type Agreement @key(fields: "id") {
      id: ID! number: String! status: Status! secret: Secret note: String
      provider: Provider! customers: [Customer!]! services: [Service]! parties: [Party!]!
    }
    type Provider @key(fields: "id") { id: ID! }
    type Customer @key(fields: "id") { id: ID! }
    type Service @key(fields: "id") { id: ID! agreements: [Agreement!]! }
    union Party = Provider | Customer
    type Query { agreements(first: Int): [Agreement!]! }
  `,
  customers: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Provider @key(fields: "id") { id: ID! name: String! }
    type Customer @key(fields: "id") { id: ID! name: String code: String! }
    type Query { providers: [Provider!]! }
  `,
  catalog: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Service @key(fields: "id") { id: ID! code: String! name: String! }
    type Query { services: [Service!]! }
  `,
};

type Row = Record<string, unknown>;

/** The subgraphs' rows, rebuilt for each test: 50 agreements of 10 providers, 2 customers and 2 services each. */
function sample() {
  const providers = new Map<string, Row>();
  const customers = new Map<string, Row>();
  const services = new Map<string, Row>();
  for (let i = 0; i < 10; i++) providers.set(`p${i}`, { id: `p${i}`, name: `Provider ${i}` });
  for (let i = 0; i < 60; i++) customers.set(`c${i}`, { id: `c${i}`, name: `Customer ${i}`, code: `C${i}` });
  for (let i = 0; i < 80; i++) services.set(`s${i}`, { id: `s${i}`, code: `S${i}`, name: `Service ${i}` });
  const agreements = Array.from({ length: 50 }, (_, i) => ({
    id: `a${i}`,
    number: `SLA-${i}`,
    status: i % 3 ? "ACTIVE" : "DRAFT",
    secret: "OPEN",
    note: i % 2 ? `note ${i}` : null,
    providerId: `p${i % 10}`,
    customerIds: [`c${i}`, `c${i + 1}`],
    serviceIds: [`s${i}`, `s${i + 30}`],
  }));
  return { providers, customers, services, agreements, refused: new Set<string>(), down: new Set<string>() };
}
type Sample = ReturnType<typeof sample>;

function resolvers(data: () => Sample): Record<keyof typeof SUBGRAPHS, GraphQLResolverMap<unknown>> {
  const agreementRefs = (agreement: (typeof data extends () => infer S ? S : never)["agreements"][number]) => ({
    ...agreement,
    provider: { id: agreement.providerId },
    customers: agreement.customerIds.map((id) => ({ id })),
    services: agreement.serviceIds.map((id) => (id === "gap" ? null : { id })),
    parties: [{ __typename: "Provider", id: agreement.providerId }],
  });
  const referenced = (rows: (sample: Sample) => Map<string, Row>) => (reference: { id: string }) => {
    if (data().refused.has(reference.id)) throw new GraphQLError("refused", { extensions: { code: "FORBIDDEN" } });
    return rows(data()).get(reference.id) ?? null;
  };
  return {
    agreements: {
      Query: {
        agreements: (_: unknown, args: { first?: number }) =>
          data()
            .agreements.slice(0, args.first ?? 50)
            .map(agreementRefs),
      },
      Service: {
        agreements: (service: { id: string }) =>
          data()
            .agreements.filter((a) => a.serviceIds.includes(service.id))
            .map(agreementRefs),
      },
      Party: { __resolveType: (party: { __typename: string }) => party.__typename },
    },
    customers: {
      Query: { providers: () => [...data().providers.values()] },
      Provider: { __resolveReference: referenced((rows) => rows.providers) },
      Customer: { __resolveReference: referenced((rows) => rows.customers) },
    },
    catalog: {
      Query: { services: () => [...data().services.values()] },
      Service: { __resolveReference: referenced((rows) => rows.services) },
    },
  } as unknown as Record<keyof typeof SUBGRAPHS, GraphQLResolverMap<unknown>>;
}

interface Sent {
  serviceName: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The three subgraphs in this process, executed by graphql-js, answering as RemoteGraphQLDataSource
 * does (the parsed JSON with its bytes as `http`); a subgraph in `down` throws as an unreachable one.
 */
function subgraphs() {
  let rows = sample();
  const sent: Sent[] = [];
  const all = resolvers(() => rows);
  const sources = Object.fromEntries(
    (Object.keys(SUBGRAPHS) as (keyof typeof SUBGRAPHS)[]).map((name) => {
      const schema = buildSubgraphSchema({ typeDefs: parse(SUBGRAPHS[name]), resolvers: all[name] });
      const source: GraphQLDataSource = {
        process: async ({ request }) => {
          sent.push({ serviceName: name, query: request.query ?? "", variables: request.variables ?? {} });
          if (rows.down.has(name)) throw new GraphQLError(`The ${name} subgraph is unavailable`);
          const result = await execute({
            schema,
            document: parse(request.query ?? ""),
            variableValues: request.variables,
          });
          const text = JSON.stringify(result);
          const http = { headers: new Headers(), text: async () => text };
          return { ...(JSON.parse(text) as object), http } as unknown as Awaited<
            ReturnType<GraphQLDataSource["process"]>
          >;
        },
      };
      return [name, source];
    }),
  );
  const supergraph = composeServices(
    Object.entries(SUBGRAPHS).map(([name, typeDefs]) => ({
      name,
      url: `http://${name}.invalid`,
      typeDefs: parse(typeDefs),
    })),
  );
  if (!supergraph.supergraphSdl) throw new Error(supergraph.errors?.map((e) => e.message).join("; "));
  return {
    sources,
    sent,
    supergraphSdl: supergraph.supergraphSdl,
    reset: () => {
      rows = sample();
      sent.length = 0;
      return rows;
    },
  };
}

describe("compiled plans", () => {
  const graph = subgraphs();
  const plans = new LearntPlans({ compiled: true });
  let server: ApolloServer;
  beforeAll(async () => {
    const gateway = new ApolloGateway({
      supergraphSdl: graph.supergraphSdl,
      buildService: ({ name }) => graph.sources[name],
      experimental_didResolveQueryPlan: plans.learn,
    });
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) =>
      plans.schemaChanged(apiSchema, coreSupergraphSdl),
    );
    server = new ApolloServer({ gateway });
    await server.start();
  });
  afterAll(() => server.stop());

  /** The gateway's own answer (JSON as Apollo Server writes it) and what the plans learnt on the way. */
  async function viaGateway(query: string, variables: Record<string, unknown> = {}) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== "single") throw new Error("not a single result");
    return { body: JSON.stringify(response.body.singleResult), plan: plans.get(query, undefined) };
  }

  /** The compiled plan of `query`, learnt by running it once through the gateway. */
  async function compiled(query: string, variables: Record<string, unknown> = {}): Promise<CompiledOperation> {
    const { plan } = await viaGateway(query, variables);
    if (plan?.kind !== "compiled") throw new Error(`not compiled: ${JSON.stringify(plan?.kind)}`);
    return plan;
  }

  const sourceOf = (name: string) => graph.sources[name] as unknown as SubgraphDataSource;

  /** The compiled execution's answer and the gateway's, on the same rows, and what the compiled one sent. */
  async function both(query: string, variables: Record<string, unknown> = {}, change?: (rows: Sample) => void) {
    const plan = await compiled(query, variables);
    change?.(graph.reset());
    const gateway = await viaGateway(query, variables);
    graph.sent.length = 0;
    const outcome = await executeCompiled(plan.plan, variables, sourceOf, {});
    const sent = [...graph.sent];
    return { gateway: gateway.body, outcome, sent, plan };
  }

  beforeEach(() => graph.reset());

  describe("eligibility", () => {
    it("compiles the cross page: one root fetch, then customers' two entity fetches merged and catalog's", async () => {
      const plan = await compiled(
        "{ agreements { number status provider { name } customers { name } services { code name } } }",
      );
      const shape = (node: CompiledNode): unknown =>
        "nodes" in node
          ? { [node.kind]: node.nodes.map(shape) }
          : `${node.kind} ${node.fetch.serviceName}${node.kind === "Entities" ? ` ×${node.parts.length}` : ""}`;
      expect(shape(plan.plan.node)).toEqual({
        Sequence: ["Root agreements", { Parallel: ["Entities customers ×2", "Entities catalog ×1"] }],
      });
    });

    it.each([
      ["a one-subgraph query (the single fetch's)", "{ agreements { number status } }", {}, "single"],
      [
        "@include on a field",
        "query Q($x: Boolean!) { agreements { number provider @include(if: $x) { name } } }",
        { x: true },
        undefined,
      ],
      [
        "@skip on a root field (a Condition node)",
        "query Q($x: Boolean!) { agreements @skip(if: $x) { provider { name } } }",
        { x: false },
        undefined,
      ],
      ["an abstract type", "{ agreements { parties { ... on Provider { name } } } }", {}, undefined],
      ["an enum with a hidden value", "{ agreements { secret provider { name } } }", {}, undefined],
      ["introspection beside", "{ __schema { queryType { name } } agreements { provider { name } } }", {}, undefined],
      [
        "a mutation-free query of two subgraphs side by side",
        "{ agreements { number } services { code } }",
        {},
        "compiled",
      ],
    ])("%s: %s", async (_name, query, variables, kind) => {
      await viaGateway(query, variables);
      expect(plans.get(query, undefined)?.kind).toBe(kind);
    });
  });

  describe("merged and deduplicated entity fetches", () => {
    const cross = "{ agreements { number provider { name } customers { name } services { code name } } }";

    it("asks customers once for providers and customers, each distinct representation once", async () => {
      const { gateway, outcome, sent } = await both(cross);
      expect(outcome).toEqual({ data: expect.any(String) });
      expect(`{"data":${(outcome as { data: string }).data}}`).toBe(gateway);
      const customers = sent.filter((fetch) => fetch.serviceName === "customers");
      expect(customers).toHaveLength(1);
      const representations = customers[0].variables.representations as { __typename: string; id: string }[];
      // 10 providers of 50 agreements, 51 customers of 100 references: sent once each.
      expect(representations.filter((r) => r.__typename === "Provider")).toHaveLength(10);
      expect(representations.filter((r) => r.__typename === "Customer")).toHaveLength(51);
      expect(new Set(representations.map((r) => JSON.stringify(r))).size).toBe(representations.length);
      expect(customers[0].query).toMatch(/\.\.\.on Provider\{name\}\.\.\.on Customer\{name\}/);
      expect(sent.map((fetch) => fetch.serviceName).sort()).toEqual(["agreements", "catalog", "customers"]);
    });

    it("gives each entity its own copy of a shared answer", async () => {
      const { outcome } = await both("{ agreements(first: 20) { provider { name } } }");
      const data = JSON.parse((outcome as { data: string }).data) as { agreements: { provider: { name: string } }[] };
      expect(data.agreements[0].provider).toEqual(data.agreements[10].provider);
      expect(data.agreements[0].provider.name).toBe("Provider 0");
    });

    it("follows nested entity paths: services' agreements' customers", async () => {
      const { gateway, outcome } = await both("{ services { code agreements { number customers { code name } } } }");
      expect(`{"data":${(outcome as { data: string }).data}}`).toBe(gateway);
    });

    it("hands over on an entity the subgraph refuses: the root answer to reuse, the merged fetch to make again", async () => {
      // 20 agreements: no service twice, so catalog's fetch is made as the gateway makes it.
      const { gateway, outcome } = await both(cross.replace("agreements {", "agreements(first: 20) {"), {}, (rows) =>
        rows.refused.add("c3"),
      );
      expect(JSON.parse(gateway).errors[0]).toMatchObject({ message: "refused", extensions: { code: "FORBIDDEN" } });
      if (!("handover" in outcome)) throw new Error("answered");
      expect(outcome.handover.answers.map((fetch) => fetch.serviceName)).toEqual(["agreements", "catalog"]);
      expect(outcome.handover.unavailable.size).toBe(0);
      // Re-read from its bytes: the merged entities are not in the answer handed over.
      const root = outcome.handover.answers[0].outcome as {
        response: { data: { agreements: { provider: object }[] } };
      };
      expect(root.response.data.agreements[0].provider).toEqual({ __typename: "Provider", id: "p0" });
    });

    it("hands over a subgraph that could not be reached as unavailable", async () => {
      const { outcome } = await both(cross, {}, (rows) => rows.down.add("catalog"));
      if (!("handover" in outcome)) throw new Error("answered");
      expect([...outcome.handover.unavailable.keys()]).toEqual(["catalog"]);
      // Customers' merged answer split back into the two fetches the gateway makes, every representation in order.
      const answers = outcome.handover.answers;
      expect(answers.map((fetch) => fetch.serviceName)).toEqual(["agreements", "customers", "customers"]);
      const [providers, customers] = answers.slice(1).map((fetch) => ({
        query: fetch.query,
        representations: fetch.variables.representations as { id: string }[],
        entities: (fetch.outcome as { response: { data: { _entities: { name: string }[] } } }).response.data._entities,
      }));
      expect(providers.query).toMatch(
        /\{_entities\(representations:\$representations\)\{\.\.\.on Provider\{name\}\}\}$/,
      );
      expect(customers.query).toMatch(/\{\.\.\.on Customer\{name\}\}\}$/);
      expect(providers.representations).toHaveLength(50);
      expect(providers.entities.map((entity) => entity.name)).toEqual(
        providers.representations.map((r) => `Provider ${r.id.slice(1)}`),
      );
      expect(providers.entities[0]).not.toBe(providers.entities[10]);
      expect(customers.representations).toHaveLength(100);
    });
  });

  describe("the result shaper against the gateway's computeResponse", () => {
    it.each([
      ["aliases", "{ all: agreements(first: 5) { n: number p: provider { nm: name } } }"],
      ["repeated fields merged", "{ agreements(first: 5) { number provider { name } number provider { id name } } }"],
      [
        "inline fragments on the same type",
        "{ agreements(first: 5) { ... on Agreement { provider { name } number } status } }",
      ],
      [
        "named fragments, key order of first appearance",
        "{ agreements(first: 5) { status ...A provider { id } } } fragment A on Agreement { number provider { name } }",
      ],
      ["__typename, aliased too", "{ agreements(first: 3) { __typename t: __typename provider { __typename name } } }"],
      ["a null in a nullable position", "{ agreements(first: 6) { note customers { name } } }"],
    ])("answers %s as the gateway does", async (_name, query) => {
      const { gateway, outcome } = await both(query, {}, (rows) => {
        rows.customers.get("c1")!.name = null;
      });
      if (query.includes("customers")) expect(gateway).toContain('{"name":null}');
      expect(outcome).toEqual({ data: expect.any(String) });
      expect(`{"data":${(outcome as { data: string }).data}}`).toBe(gateway);
    });

    it("answers a null element of a list of nullable services as the gateway does", async () => {
      const { gateway, outcome } = await both("{ agreements(first: 3) { services { code } } }", {}, (rows) => {
        rows.agreements[1].serviceIds = ["s1", "gap", "s2"];
      });
      expect(`{"data":${(outcome as { data: string }).data}}`).toBe(gateway);
      expect(gateway).toContain('[{"code":"S1"},null,{"code":"S2"}]');
    });

    it("bails out on a null in a non-null position (the gateway makes it an error)", async () => {
      const { gateway, outcome } = await both("{ agreements(first: 3) { provider { name } } }", {}, (rows) => {
        rows.providers.get("p1")!.name = null;
      });
      expect(JSON.parse(gateway).errors).toBeDefined();
      expect("handover" in outcome).toBe(true);
    });

    it("bails out on an entity not found behind a non-null field", async () => {
      const { gateway, outcome } = await both("{ agreements(first: 3) { provider { name } } }", {}, (rows) => {
        rows.providers.delete("p2");
      });
      // The gateway's null bubbles up to `data`, its error reported under `valueCompletion`.
      expect(JSON.parse(gateway)).toMatchObject({ data: null, extensions: { valueCompletion: [expect.anything()] } });
      expect("handover" in outcome).toBe(true);
    });
  });
});

describe("the result shaper on its own", () => {
  const { supergraphSdl } = subgraphs();
  const api = Supergraph.build(supergraphSdl).apiSchema();
  const shaperOf = (query: string) => {
    const shaper = compileShaper(operationFromDocument(api, parse(query), { validate: false }));
    if (!shaper) throw new Error("not compiled");
    return shaper;
  };
  const shaper = shaperOf("{ agreements { number status note provider { name } services { code } } }");
  const agreement = (fields: Record<string, unknown> = {}) => ({
    data: {
      agreements: [
        {
          __typename: "Agreement",
          id: "a1",
          number: "SLA-1",
          status: "ACTIVE",
          note: null,
          provider: { name: "P" },
          services: [],
          ...fields,
        },
      ],
    },
  });
  const write = (fields?: Record<string, unknown>) => shaper.write(agreement(fields).data);

  it("writes the selection in its order, leaving out what was fetched but not asked", () => {
    expect(write()).toBe(
      '{"agreements":[{"number":"SLA-1","status":"ACTIVE","note":null,"provider":{"name":"P"},"services":[]}]}',
    );
  });

  it("writes a missing nullable field as null, as computeResponse does", () => {
    const { note: _note, ...without } = agreement().data.agreements[0];
    expect(shaper.write({ agreements: [without] })).toContain('"note":null');
  });

  it.each([
    ["an enum value outside the API schema", { status: "HIDDEN" }],
    ["a number for a String", { number: 1 }],
    ["a null for a non-null field", { number: null }],
    ["a missing non-null field", { number: undefined }],
    ["an object for a list", { services: { code: "S" } }],
    ["a list for an object", { provider: [{ name: "P" }] }],
    ["a string for an object", { provider: "P" }],
    ["another __typename", { __typename: "Service" }],
    ["a null non-null field inside a list", { services: [{ code: null }] }],
  ])("bails out on %s", (_name, fields) => {
    expect(write(fields)).toBeUndefined();
  });

  it("does not compile an abstract type, a directive or introspection", () => {
    for (const query of [
      "{ agreements { parties { ... on Provider { name } } } }",
      "query ($x: Boolean!) { agreements { number @include(if: $x) } }",
      '{ __type(name: "Agreement") { name } }',
    ]) {
      expect(compileShaper(operationFromDocument(api, parse(query), { validate: false }))).toBeUndefined();
    }
  });
});
