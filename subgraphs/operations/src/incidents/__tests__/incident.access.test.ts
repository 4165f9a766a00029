import type { Identity } from "@itsm/kit";
import { sampleId, stableId } from "@itsm/kit";
import { dataOf, ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { OperationsHarness, RECORD } from "../../__tests__/support/harness";

const harness = new OperationsHarness();
const SALES = sampleId.customer("SALES");
const ACME = sampleId.customer("ACME_RETAIL");

const ONE_INCIDENT = {
  incidents: [
    {
      externalId: "ACCESS-1",
      serviceId: sampleId.service("CRM"),
      customerId: SALES,
      priority: "P2",
      openedAt: "2026-05-01T08:00:00.000Z",
    },
  ],
};

async function count(query: string, identity: Identity = TEST_IDENTITIES.analyst, variables = {}): Promise<number> {
  const result = await harness.execute(query, variables, identity);
  expect(result.errors).toBeUndefined();
  return (Object.values(result.data ?? {})[0] as { totalCount: number }).totalCount;
}

describe("who may record", () => {
  it.each([
    ["admin", TEST_IDENTITIES.admin],
    ["editor", TEST_IDENTITIES.editor],
  ])("lets the %s record", async (_role, identity) => {
    const result = await harness.execute(RECORD.incidents, { input: ONE_INCIDENT }, identity);
    expect(result.errors).toBeUndefined();
  });

  it.each([
    ["analyst", TEST_IDENTITIES.analyst, "FORBIDDEN"],
    ["partner", partnerIdentity("SALES"), "FORBIDDEN"],
    ["anonymous", TEST_IDENTITIES.anonymous, "UNAUTHENTICATED"],
  ])("refuses the %s", async (_role, identity, code) => {
    for (const [mutation, input] of [
      [RECORD.incidents, ONE_INCIDENT],
      [RECORD.outages, { outages: [] }],
      [RECORD.measurements, { measurements: [] }],
    ] as const) {
      const result = await harness.execute(mutation, { input }, identity);
      expect(result.errors?.[0].extensions?.code).toBe(code);
    }
    expect(harness.peers.calls()).toEqual([]);
  });
});

describe("who may read", () => {
  const INCIDENTS = "{ incidents(first: 100) { totalCount nodes { customer { id } } } }";

  it("shows a partner only its own customers' incidents, counts included", async () => {
    const all = await count(INCIDENTS);
    const sales = await count(
      "query ($c: [ID!]) { incidents(filter: { customerIds: $c }) { totalCount } }",
      undefined,
      {
        c: [SALES],
      },
    );
    const acme = await count("query ($c: [ID!]) { incidents(filter: { customerIds: $c }) { totalCount } }", undefined, {
      c: [ACME],
    });
    expect(sales).toBeGreaterThan(0);
    expect(acme).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(sales + acme);

    const partner = partnerIdentity("SALES", "ACME_RETAIL");
    const result = await harness.execute(INCIDENTS, {}, partner);
    const page = dataOf<{ totalCount: number; nodes: { customer: { id: string } }[] }>(result, "incidents");
    expect(page.totalCount).toBe(sales + acme);
    expect(new Set(page.nodes.map((n) => n.customer.id))).toEqual(new Set([SALES, ACME]));
    // Asking for another customer's incidents finds none rather than widening the scope.
    const other = "query ($c: [ID!]) { incidents(filter: { customerIds: $c }) { totalCount } }";
    expect(await count(other, partnerIdentity("SALES"), { c: [ACME] })).toBe(0);
  });

  it("answers NOT_FOUND for another customer's incident and null in _entities", async () => {
    const id = stableId("Incident", "INC1000001");
    const mine = await harness.execute(
      "query ($id: ID!) { incident(id: $id) { customer { id } } }",
      { id },
      TEST_IDENTITIES.analyst,
    );
    const owner = (mine.data?.incident as { customer: { id: string } }).customer.id;
    const stranger = [...harness.peers.customers.entries()].find(([cid]) => cid !== owner)?.[1] as string;
    const result = await harness.execute(
      "query ($id: ID!) { incident(id: $id) { id } }",
      { id },
      partnerIdentity(stranger),
    );
    expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const entities = await harness.execute(
      ENTITIES_QUERY("Incident", "id"),
      { representations: [{ __typename: "Incident", id }] },
      partnerIdentity(stranger),
    );
    expect(entities.data?._entities).toEqual([null]);
  });

  it("lets partners read every outage, and anonymous callers nothing", async () => {
    const outages = "{ outages { totalCount } }";
    expect(await count(outages, partnerIdentity("SALES"))).toBe(await count(outages));
    for (const query of [outages, "{ incidents { totalCount } }", "{ measurements { totalCount } }"]) {
      const result = await harness.execute(query, {}, TEST_IDENTITIES.anonymous);
      expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    const entities = await harness.execute(
      ENTITIES_QUERY("Outage", "id"),
      { representations: [{ __typename: "Outage", id: stableId("Outage", "MON-2026-0023") }] },
      TEST_IDENTITIES.anonymous,
    );
    expect(entities.data?._entities).toEqual([null]);
  });

  it("keeps the history for staff", async () => {
    const result = await harness.execute(
      "{ incidents(first: 1) { nodes { history { action } } } }",
      {},
      partnerIdentity("SALES"),
    );
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("statements per page", () => {
  const PAGE = `query ($first: Int!) { incidents(first: $first) { totalCount
    nodes { externalId service { id } customer { id } pauses { from to } history { action } } } }`;

  it("costs a page of incidents the same statements at 5 as at 100", async () => {
    const small = await harness.statementsFor(PAGE, { first: 5 }, TEST_IDENTITIES.analyst);
    expect(await harness.statementsFor(PAGE, { first: 100 }, TEST_IDENTITIES.analyst)).toBe(small);
    // The page, its count, the pauses and the history: one statement each.
    expect(small).toBe(4);
    // A partner's page: its scope (from the customers subgraph, no SQL), the page, its count, the pauses.
    const partnerPage = PAGE.replace("history { action }", "");
    expect(await harness.statementsFor(partnerPage, { first: 5 }, partnerIdentity("SALES"))).toBe(3);
    expect(await harness.statementsFor(partnerPage, { first: 100 }, partnerIdentity("SALES"))).toBe(3);
  });
});
