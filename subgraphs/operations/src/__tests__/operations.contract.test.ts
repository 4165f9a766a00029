import { sampleId, stableId } from "@itsm/kit";
import { committedSdl, dataOf, ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { OperationsHarness } from "./support/harness";

const harness = new OperationsHarness();

describe("operations subgraph contract", () => {
  it("serves the committed SDL through _service", async () => {
    const result = await harness.execute("{ _service { sdl } }");
    expect(dataOf<{ sdl: string }>(result, "_service").sdl.trim()).toBe(committedSdl("operations").trim());
  });

  it("resolves Outage, Incident and Measurement entities by id, unknown ids to null", async () => {
    const outage = stableId("Outage", "MON-2026-0031");
    const result = await harness.execute(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Outage { externalId kind service { id } }
          ... on Incident { externalId priority }
          ... on Measurement { externalId metric } } }`,
      {
        representations: [
          { __typename: "Outage", id: outage },
          { __typename: "Outage", id: "no-such-outage" },
          { __typename: "Incident", id: stableId("Incident", "INC1000001") },
          { __typename: "Measurement", id: stableId("Measurement", "no-such") },
        ],
      },
      TEST_IDENTITIES.analyst,
    );
    const [found, missing, incident, measurement] = dataOf<unknown[]>(result, "_entities");
    expect(found).toEqual({
      externalId: "MON-2026-0031",
      kind: "UNPLANNED",
      service: { id: sampleId.service("EMAIL") },
    });
    expect(missing).toBeNull();
    expect(incident).toEqual({ externalId: "INC1000001", priority: expect.stringMatching(/^P[1-4]$/) });
    expect(measurement).toBeNull();
  });

  it("resolves a partner's incident entities only for its own customers", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => stableId("Incident", `INC${1_000_001 + i}`));
    const query = ENTITIES_QUERY("Incident", "customer { id }");
    const representations = ids.map((id) => ({ __typename: "Incident", id }));
    const staff = (await harness.execute(query, { representations }, TEST_IDENTITIES.analyst)).data?._entities as {
      customer: { id: string };
    }[];
    const partner = (await harness.execute(query, { representations }, partnerIdentity("FINANCE"))).data
      ?._entities as ({ customer: { id: string } } | null)[];
    const finance = sampleId.customer("FINANCE");
    expect(partner).toEqual(staff.map((i) => (i.customer.id === finance ? i : null)));
    expect(partner.some((i) => i !== null)).toBe(true);
  });

  it("answers an unknown id with NOT_FOUND and a page over the maximum with BAD_USER_INPUT", async () => {
    const result = await harness.execute('{ outage(id: "nope") { id } }', {}, TEST_IDENTITIES.analyst);
    expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const tooMany = await harness.execute("{ incidents(first: 101) { totalCount } }", {}, TEST_IDENTITIES.analyst);
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("pages incidents by opening time without gaps or repeats", async () => {
    const query = `query ($after: String) { incidents(first: 100, after: $after, filter: { priorities: [P1, P2] }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id openedAt } } }`;
    const seen: { id: string; openedAt: string }[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const result = await harness.execute(query, { after }, TEST_IDENTITIES.analyst);
      const page = dataOf<{
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string; openedAt: string }[];
      }>(result, "incidents");
      total = page.totalCount;
      seen.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    expect(seen.map((s) => s.openedAt)).toEqual([...seen.map((s) => s.openedAt)].sort());
    expect(total).toBeGreaterThan(100);
  });
});
