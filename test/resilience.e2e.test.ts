import { as, Graph, startedForSuite } from "./support/graph";
import { sampleServices } from "./support/sample";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

const DESIGN_QUERY = `{ services(first: 20) { nodes { code name
  agreements { number type status provider { name } customers { name }
    targets { metric comparator value unit } responsibilities { party description } } } } }`;

type DesignAnswer = { services: { nodes: { code: string; name: string; agreements: unknown[] | null }[] } | null };

const graph = startedForSuite(new Graph());

describe("when a subgraph is down", () => {
  it("returns the other subgraphs' data plus an error naming the missing one, and recovers when it is back", async () => {
    await graph.kill("agreements");
    const degraded = await graph.query<DesignAnswer>(DESIGN_QUERY, undefined, ANALYST);
    expect(degraded.status).toBe(200);
    const nodes = degraded.data!.services!.nodes;
    expect(nodes.map((s) => s.code)).toEqual(sampleServices.map((s) => s.code).sort());
    expect(nodes.every((s) => s.name.length > 0 && s.agreements === null)).toBe(true);
    expect(degraded.errors?.[0]).toMatchObject({
      message: "The agreements subgraph is unavailable; its fields are missing from this response",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "agreements" },
    });
    // No address of the subgraph leaks to clients.
    expect(JSON.stringify(degraded.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);

    await graph.startSubgraph("agreements");
    const recovered = await graph.query<DesignAnswer>(DESIGN_QUERY, undefined, ANALYST);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.services!.nodes.some((s) => (s.agreements?.length ?? 0) > 0)).toBe(true);
  });

  it("keeps the answers of other root fields when the catalog is down", async () => {
    await graph.kill("catalog");
    const response = await graph.query<{ services: unknown; customers: { totalCount: number } }>(
      "{ services { totalCount } customers { totalCount } }",
      undefined,
      ANALYST,
    );
    expect(response.data?.services).toBeNull();
    expect(response.data?.customers.totalCount).toBeGreaterThan(0);
    expect(response.errors?.map((e) => e.extensions?.serviceName)).toEqual(["catalog"]);
    await graph.startSubgraph("catalog");
    const recovered = await graph.query<{ services: { totalCount: number } }>(
      "{ services { totalCount } }",
      undefined,
      ANALYST,
    );
    expect(recovered.data?.services.totalCount).toBe(sampleServices.length);
  });

  it("nulls only the agreements that need the customers subgraph", async () => {
    await graph.kill("customers");
    const response = await graph.query<DesignAnswer>(DESIGN_QUERY, undefined, ANALYST);
    expect(response.data!.services!.nodes).toHaveLength(Math.min(20, sampleServices.length));
    expect(response.errors?.some((e) => e.extensions?.serviceName === "customers")).toBe(true);
    await graph.startSubgraph("customers");
    expect((await graph.query(DESIGN_QUERY, undefined, ANALYST)).errors).toBeUndefined();
  });
});
