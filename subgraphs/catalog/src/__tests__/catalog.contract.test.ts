import { sampleId } from "@itsm/kit";
import { committedSdl, ENTITIES_QUERY, TEST_IDENTITIES, TestServer } from "@itsm/kit/testing";
import { createServer } from "../server";

const t = new TestServer("catalog", createServer);

describe("catalog subgraph contract", () => {
  it("serves the committed SDL through _service", async () => {
    const result = await t.server.execute("{ _service { sdl } }");
    expect(result.errors).toBeUndefined();
    expect((result.data as { _service: { sdl: string } })._service.sdl.trim()).toBe(committedSdl("catalog").trim());
  });

  it("resolves Service entities by id, unknown ids to null", async () => {
    const result = await t.server.execute(ENTITIES_QUERY("Service", "id code lifecycle"), {
      representations: [
        { __typename: "Service", id: sampleId.service("EMAIL") },
        { __typename: "Service", id: "no-such-service" },
        { __typename: "Service", id: sampleId.service("ERP") },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: sampleId.service("EMAIL"), code: "EMAIL", lifecycle: "LIVE" },
      null,
      { id: sampleId.service("ERP"), code: "ERP", lifecycle: "LIVE" },
    ]);
  });

  it("resolves Component entities by id, unknown ids to null", async () => {
    const result = await t.server.execute(
      ENTITIES_QUERY("Component", "id kind services { code }"),
      {
        representations: [
          { __typename: "Component", id: sampleId.component("dc-frankfurt") },
          { __typename: "Component", id: sampleId.component("no-such-component") },
        ],
      },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    const [dc, missing] = result.data?._entities as [{ kind: string; services: { code: string }[] }, null];
    expect(dc.kind).toBe("FACILITY");
    expect(dc.services.map((s) => s.code)).toContain("HOSTING");
    expect(missing).toBeNull();
  });

  it("answers an unknown id with NOT_FOUND", async () => {
    const result = await t.server.execute('{ service(id: "nope") { code } }');
    expect(result.data?.service).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(result.errors?.[0].message).toBe('Service "nope" does not exist');
  });

  it("answers a page over the maximum and a malformed cursor with BAD_USER_INPUT", async () => {
    const tooMany = await t.server.execute("{ services(first: 101) { totalCount } }", {}, TEST_IDENTITIES.analyst);
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const badCursor = await t.server.execute(
      '{ components(after: "garbage!") { totalCount } }',
      {},
      TEST_IDENTITIES.analyst,
    );
    expect(badCursor.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("rejects an unknown enum value before execution", async () => {
    const result = await t.server.execute("{ services(filter: { lifecycle: [ZOMBIE] }) { totalCount } }");
    expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
