import type { Identity } from "@itsm/kit";
import { partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { OperationsHarness, RECORD } from "../../__tests__/support/harness";
import {
  CALENDARS,
  CUSTOMER,
  INCIDENTS,
  installFixture,
  MEASUREMENTS,
  NOW,
  OUTAGES,
  SERVICE,
} from "./performance.fixture";

// Expectations are worked out by hand in the comments (service minutes in Europe/Berlin); see
// performance.fixture.ts for the history and catalogue they are computed from.
const harness = new OperationsHarness({ now: () => NOW });
const analyst = TEST_IDENTITIES.analyst;
const SALES = partnerIdentity("SALES");

const FIGURES = `status achieved sampleSize breaches errorBudget { allowed consumed remaining unit }
  forecast { projectedConsumed projectedRemaining exhausts } period { label from to } customer { id }
  target { id } agreement { id } service { id }`;
const TARGET = `query ($ids: [_Any!]!, $period: String!, $customerId: ID) {
  _entities(representations: $ids) { ... on ServiceLevelTarget { id performance(period: $period, customerId: $customerId) { ${FIGURES} } } } }`;
const REPORT = `query ($period: String!, $filter: ServiceLevelReportFilter, $first: Int, $after: String) {
  serviceLevelReport(period: $period, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${FIGURES} } } }`;

interface Figures {
  status: string;
  achieved: number | null;
  sampleSize: number;
  breaches: number;
  errorBudget: { allowed: number; consumed: number; remaining: number; unit: string } | null;
  forecast: { projectedConsumed: number; projectedRemaining: number; exhausts: boolean } | null;
  period: { label: string; from: string; to: string };
  customer: { id: string } | null;
  target: { id: string };
}
interface Report {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Figures[];
}

async function performanceOf(
  targetId: string,
  period: string,
  identity: Identity = analyst,
  customerId: string | null = null,
): Promise<Figures | null> {
  const result = await harness.execute(
    TARGET,
    { ids: [{ __typename: "ServiceLevelTarget", id: targetId }], period, customerId },
    identity,
  );
  expect(result.errors).toBeUndefined();
  return (result.data?._entities as { performance: Figures | null }[])[0].performance;
}

async function report(
  period: string,
  identity: Identity = analyst,
  filter: object | null = null,
  first = 50,
  after: string | null = null,
): Promise<Report> {
  const result = await harness.execute(REPORT, { period, filter, first, after }, identity);
  expect(result.errors).toBeUndefined();
  return result.data?.serviceLevelReport as Report;
}

beforeAll(async () => {
  installFixture(harness.peers);
  for (const [mutation, input] of [
    [RECORD.outages, { outages: OUTAGES }],
    [RECORD.incidents, { incidents: INCIDENTS }],
    [RECORD.measurements, { measurements: MEASUREMENTS }],
  ] as const) {
    const result = await harness.execute(mutation, { input }, TEST_IDENTITIES.editor);
    expect(result.errors).toBeUndefined();
  }
});
beforeEach(() => installFixture(harness.peers));

describe("availability", () => {
  it("counts a month with the summer-time change, overlapping outages once, planned ones as agreed downtime", async () => {
    // March 2026 in Berlin: 31 × 1440 − 60 (02:00 → 03:00 on the 29th) = 44,580 minutes; 60 planned
    // → 44,520 agreed; downtime: 60 (PO-1's March half) + 50 (PO-2 ∪ PO-3) = 110; allowed 0.1 % = 44.52.
    expect(await performanceOf("t-dst", "2026-03")).toMatchObject({
      status: "BREACHED",
      achieved: (100 * (44520 - 110)) / 44520,
      sampleSize: 44520,
      breaches: 3,
      errorBudget: { allowed: 44.52, consumed: 110, remaining: 0, unit: "MINUTES" },
      forecast: null,
      period: { label: "2026-03", from: "2026-03-01", to: "2026-03-31" },
    });
  });

  it("splits an outage spanning two months at local midnight", async () => {
    // February 2026: 28 × 1440 = 40,320 minutes, PO-1 from 23:00 to midnight Berlin: 60.
    expect(await performanceOf("t-dst", "2026-02")).toMatchObject({
      status: "BREACHED",
      achieved: (100 * (40320 - 60)) / 40320,
      breaches: 1,
      errorBudget: { allowed: 40.32, consumed: 60 },
    });
    // The quarter: 44,640 + 40,320 + 44,580 − 60 planned = 129,480 agreed; 170 down.
    expect(await performanceOf("t-dst", "2026-Q1")).toMatchObject({
      status: "BREACHED",
      achieved: (100 * (129480 - 170)) / 129480,
      errorBudget: { allowed: 129.48, consumed: 170 },
      period: { label: "2026-Q1", from: "2026-01-01", to: "2026-03-31" },
    });
    // April: nothing went wrong.
    expect(await performanceOf("t-dst", "2026-04")).toMatchObject({
      status: "MET",
      achieved: 100,
      breaches: 0,
      errorBudget: { allowed: 43.2, consumed: 0, remaining: 43.2 },
    });
  });

  it("counts only service hours: holidays, weekends and time after the window are not agreed", async () => {
    // April 2026 Mon–Fri 08–18: 22 working days less Good Friday and Easter Monday = 20 × 600 =
    // 12,000; PO-5 counts 17:00–18:00 (60), PO-6 falls on Good Friday, PO-7 on a Saturday.
    // Allowed 0.5 % = 60, exactly what was consumed: met.
    expect(await performanceOf("t-biz", "2026-04")).toMatchObject({
      status: "MET",
      achieved: 99.5,
      sampleSize: 12000,
      breaches: 1,
      errorBudget: { allowed: 60, consumed: 60, remaining: 0 },
    });
  });

  it("ends a window at midnight", async () => {
    // May 2026 Mon–Fri 18:00–24:00: 21 days × 360 = 7,560; PO-8 (Fri 23:30 – Sat 00:30) counts 30.
    expect(await performanceOf("t-late", "2026-05")).toMatchObject({
      status: "BREACHED",
      achieved: (100 * 7530) / 7560,
      errorBudget: { allowed: 7.56, consumed: 30 },
    });
  });

  it("counts an ongoing component outage against a dependent service in the running month", async () => {
    // June to NOW (15 June 12:00 UTC): from 31 May 22:00 UTC, 14 d 14 h = 21,000 minutes; the
    // component outage PO-9 has run 60. Allowed: 0.15 % of the whole month's 43,200 = 64.8 → 92.6 %
    // spent: at risk. At this rate 60 × 43,200 / 21,000 would be spent by the end.
    const june = await performanceOf("t-dep", "2026-06");
    expect(june).toMatchObject({
      status: "AT_RISK",
      achieved: (100 * (21000 - 60)) / 21000,
      breaches: 1,
      errorBudget: { allowed: 64.8, consumed: 60, remaining: 4.8, unit: "MINUTES" },
      forecast: { projectedRemaining: 0, exhausts: true },
    });
    expect(june?.forecast?.projectedConsumed).toBeCloseTo((60 * 43200) / 21000, 9);
    // Service.performance: around the clock in UTC, 14 d 12 h = 20,880 minutes, 60 down.
    const result = await harness.execute(
      `query ($ids: [_Any!]!) { _entities(representations: $ids) { ... on Service {
        performance(period: "2026-06") { availability targets { target { id } status } } } } }`,
      { ids: [{ __typename: "Service", id: SERVICE.dep }] },
      analyst,
    );
    expect(result.errors).toBeUndefined();
    expect((result.data?._entities as unknown[])[0]).toEqual({
      performance: {
        availability: (100 * (20880 - 60)) / 20880,
        targets: [{ target: { id: "t-dep" }, status: "AT_RISK" }],
      },
    });
  });
});

describe("response and resolution", () => {
  it("counts an SLA's customers' tickets in service hours, pauses excluded, open ones past target breached", async () => {
    // P2 tickets of SALES and ACME in March: PI-1 (20 min), PI-2 (Fri 17:50 → Mon 08:15: 25 min),
    // PI-3 (45 min: breached), PI-5 (open since 30 March: breached). FINANCE's PI-4 and the P3 are not counted.
    expect(await performanceOf("t-resp-sla", "2026-03")).toMatchObject({
      status: "BREACHED",
      achieved: 50,
      sampleSize: 4,
      breaches: 2,
      errorBudget: { allowed: 0, consumed: 2, remaining: 0, unit: "TICKETS" },
    });
    // Resolution within 8 h: PI-2 took 10 + 540 = 550 minutes (breached); PI-3 took 480 + 180 − 240
    // paused = 420 (met only because the pause is excluded); PI-5 is open (breached).
    expect(await performanceOf("t-resp-sla", "2026-03", analyst, CUSTOMER.acme)).toMatchObject({
      sampleSize: 1,
      breaches: 1,
      customer: { id: CUSTOMER.acme },
    });
    expect(await performanceOf("t-reso-sla", "2026-03")).toMatchObject({
      status: "BREACHED",
      sampleSize: 4,
      breaches: 2,
    });
  });

  it("counts every customer's tickets for an OLA, against its compliance share", async () => {
    // Within 10 h, 50 % must comply: 5 tickets (PI-4 included), only the open PI-5 breached; allowed floor(2.5) = 2.
    expect(await performanceOf("t-reso-ola", "2026-03")).toMatchObject({
      status: "MET",
      achieved: 80,
      sampleSize: 5,
      breaches: 1,
      errorBudget: { allowed: 2, consumed: 1, remaining: 1 },
    });
  });

  it("recomputes the clocks when a calendar changes", async () => {
    const clockOf = async (externalId: string) =>
      (
        await harness.server.dataSource.query(
          "SELECT c.calendarVersion AS version, c.responseMinutes AS response FROM incident_clocks c JOIN incidents i ON i.id = c.incidentId WHERE i.externalId = ? AND c.calendarId = ?",
          [externalId, CALENDARS.business.id],
        )
      )[0] as { version: number; response: number };
    expect(await clockOf("PI-2")).toEqual({ version: 1, response: 25 });
    // Version 2 closes at 17:00: PI-2, opened Friday 17:50, responds after 15 service minutes.
    const changed = { ...CALENDARS.business, version: 2, windows: [{ ...CALENDARS.business.windows[0], to: "17:00" }] };
    try {
      installFixture(harness.peers, "r2", [CALENDARS.always, changed, CALENDARS.evenings]);
      expect(await performanceOf("t-resp-sla", "2026-03")).toMatchObject({ sampleSize: 4, breaches: 2 });
      expect(await clockOf("PI-2")).toEqual({ version: 2, response: 15 });
    } finally {
      installFixture(harness.peers);
      await performanceOf("t-resp-sla", "2026-03");
    }
    expect(await clockOf("PI-2")).toEqual({ version: 1, response: 25 });
  });
});

describe("measurements", () => {
  it("averages an SLA's customers' figures, and an OLA's figures over all customers", async () => {
    expect(await performanceOf("t-csat-sla", "2026-03")).toMatchObject({
      status: "MET",
      achieved: 4.3,
      sampleSize: 2,
      breaches: 1,
      errorBudget: null,
    });
    expect(await performanceOf("t-csat-ola", "2026-03")).toMatchObject({ status: "MET", achieved: 4.5, sampleSize: 1 });
    expect(await performanceOf("t-csat-sla", "2026-04")).toMatchObject({ status: "NO_DATA", achieved: null });
  });
});

describe("the report", () => {
  const STAFF_ORDER = [
    "t-reso-sla", // BREACHED, 2 tickets against an allowance of 0
    "t-resp-sla",
    "t-dst", // BREACHED, 110 / 44.52 minutes
    "t-reso-ola", // MET, half the budget
    "t-csat-ola", // MET, no budget: by agreement number then id
    "t-biz",
    "t-dep",
    "t-late",
    "t-csat-sla",
    "t-fin",
  ];

  it("orders worst first and leaves out agreements not in force", async () => {
    const march = await report("2026-03");
    expect(march.nodes.map((n) => n.target.id)).toEqual(STAFF_ORDER);
    expect(march.totalCount).toBe(STAFF_ORDER.length);
  });

  it("pages through the same order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const part: Report = await report("2026-03", analyst, null, 4, after);
      seen.push(...part.nodes.map((n) => n.target.id));
      expect(part.totalCount).toBe(STAFF_ORDER.length);
      if (!part.pageInfo.hasNextPage) break;
      after = part.pageInfo.endCursor;
    }
    expect(seen).toEqual(STAFF_ORDER);
  });

  it("filters by status, agreement type, provider and customer", async () => {
    const ids = async (filter: object) => (await report("2026-03", analyst, filter)).nodes.map((n) => n.target.id);
    expect(await ids({ status: "BREACHED" })).toEqual(["t-reso-sla", "t-resp-sla", "t-dst"]);
    expect(await ids({ agreementType: "OLA" })).toEqual(["t-reso-ola", "t-csat-ola"]);
    expect(await ids({ providerId: "prov-2" })).toEqual(["t-reso-ola", "t-csat-ola"]);
    expect(await ids({ customerId: CUSTOMER.finance })).toEqual(["t-fin"]);
    expect((await report("2026-03", analyst, { customerId: CUSTOMER.finance })).nodes[0]).toMatchObject({
      status: "MET",
      sampleSize: 1,
      customer: { id: CUSTOMER.finance },
    });
  });

  it.each(["2026-13", "2026-Q5", "26", "2026-1", "last month", ""])(
    "answers BAD_USER_INPUT for the period %p",
    async (period) => {
      const result = await harness.execute(REPORT, { period }, analyst);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    },
  );
});

describe("who sees what", () => {
  it("shows a partner only its own SLAs and only its own customers' tickets, counts included", async () => {
    const march = await report("2026-03", SALES);
    expect(march.nodes.map((n) => [n.target.id, n.status])).toEqual([
      ["t-reso-sla", "BREACHED"],
      ["t-resp-sla", "BREACHED"],
      ["t-dst", "BREACHED"],
      ["t-csat-sla", "BREACHED"], // SALES's own 4.0 is below 4.2
      ["t-biz", "MET"],
      ["t-dep", "MET"],
      ["t-late", "MET"],
    ]);
    expect(march.totalCount).toBe(7);
    // SALES's P2 tickets: PI-1, PI-2 and the open PI-5.
    expect(await performanceOf("t-resp-sla", "2026-03", SALES)).toMatchObject({ sampleSize: 3, breaches: 1 });
    expect(await performanceOf("t-fin", "2026-03", SALES)).toBeNull();
    expect(await performanceOf("t-reso-ola", "2026-03", SALES)).toBeNull();
    const agreement = await harness.execute(
      `{ _entities(representations: [{ __typename: "Agreement", id: "agr-ola-1" }]) { ... on Agreement { performance(period: "2026-03") { status } } } }`,
      {},
      SALES,
    );
    expect(agreement.data?._entities).toEqual([{ performance: [] }]);
  });

  it("refuses a partner another customer's figures on every path", async () => {
    const forbidden = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    forbidden(
      await harness.execute(
        TARGET,
        { ids: [{ __typename: "ServiceLevelTarget", id: "t-resp-sla" }], period: "2026-03", customerId: CUSTOMER.acme },
        SALES,
      ),
    );
    forbidden(await harness.execute(REPORT, { period: "2026-03", filter: { customerId: CUSTOMER.acme } }, SALES));
    for (const typename of ["Agreement", "Service"]) {
      forbidden(
        await harness.execute(
          `query ($c: ID) { _entities(representations: [{ __typename: "${typename}", id: "x" }]) { ... on ${typename} { performance(period: "2026-03", customerId: $c) { __typename } } } }`,
          { c: CUSTOMER.acme },
          SALES,
        ),
      );
    }
    // Its own customer is fine.
    expect(await performanceOf("t-resp-sla", "2026-03", SALES, CUSTOMER.sales)).toMatchObject({ sampleSize: 3 });
  });

  it("answers nothing to anonymous callers", async () => {
    const result = await harness.execute(REPORT, { period: "2026-03" }, TEST_IDENTITIES.anonymous);
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the catalogue", () => {
  const agreementsCalls = () => harness.peers.calls().filter((c) => c.peer === "agreements");

  it("is read as the operations service identity and fetched again only when its revision changed", async () => {
    await report("2026-03");
    await report("2026-03");
    expect(agreementsCalls().map((c) => [c.typename, c.subject])).toEqual([
      ["serviceLevelCatalogueRevision", "system:operations"],
      ["serviceLevelCatalogueRevision", "system:operations"],
    ]);
    harness.peers.catalogue = { ...harness.peers.catalogue, revision: "r1-changed" };
    await report("2026-03");
    expect(
      agreementsCalls()
        .map((c) => c.typename)
        .slice(2),
    ).toEqual(["serviceLevelCatalogueRevision", "serviceLevelCatalogue"]);
  });

  it("fails the performance fields with SERVICE_UNAVAILABLE while agreements is down; the records still answer", async () => {
    for (const mode of ["drop", "errors"] as const) {
      harness.peers.mode.agreements = mode;
      const result = await harness.execute(REPORT, { period: "2026-03" }, analyst);
      expect(result.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(result.errors?.[0].message).toMatch(/agreements subgraph/);
      const incidents = await harness.execute("{ incidents(first: 1) { totalCount } }", {}, analyst);
      expect(incidents.errors).toBeUndefined();
    }
  });
});

describe("recording again", () => {
  it("leaves an identical re-sent file unchanged, and the figures with it", async () => {
    const before = await report("2026-03");
    const result = await harness.execute(RECORD.incidents, { input: { incidents: INCIDENTS } }, TEST_IDENTITIES.editor);
    expect(result.data?.recordIncidents).toEqual({ created: 0, updated: 0, unchanged: INCIDENTS.length });
    expect(await report("2026-03")).toEqual(before);
  });
});

describe("statements per report page", () => {
  it("costs the same statements for a page of 5 as of 50, and with five times the targets", async () => {
    await report("2026-03"); // clocks are up to date from here on
    const small = await harness.statementsFor(REPORT, { period: "2026-03", first: 5 }, analyst);
    expect(await harness.statementsFor(REPORT, { period: "2026-03", first: 50 }, analyst)).toBe(small);
    // Outages, clocks to compute, ticket counts, open tickets, their incidents and pauses, measurements.
    expect(small).toBe(7);
    const more = harness.peers.catalogue.targets.flatMap((t) =>
      [1, 2, 3, 4, 5].map((n) => ({
        ...t,
        targetId: `${t.targetId}-${n}`,
        agreementNumber: `${t.agreementNumber}-${n}`,
      })),
    );
    harness.peers.catalogue = { ...harness.peers.catalogue, revision: "r-more", targets: more };
    await report("2026-03");
    expect(await harness.statementsFor(REPORT, { period: "2026-03", first: 50 }, analyst)).toBe(small);
    expect(await harness.statementsFor(REPORT, { period: "2026-03", first: 50 }, SALES)).toBe(small);
  });
});
