import { sampleId } from "@itsm/kit";
import { TEST_IDENTITIES } from "@itsm/kit/testing";
import { parsePeriod } from "@itsm/service-hours";
import { OperationsHarness, RECORD } from "../../__tests__/support/harness";
import type { CatalogueTarget } from "../../catalogue/catalogue.model";
import { INCIDENT_PROFILES, SLA_COVERAGE } from "../../sample/operations.sample";
import { SampleRandom } from "../../sample/sample-random";
import { createPerformanceRefresher } from "../../server";
import { defaultPeriods } from "../performance.refresher";
import { toTargetPerformance } from "../performance.resolver";
import { reportPage } from "../performance.report";
import { inForceDuring } from "../performance.service";
import { CALENDARS } from "./performance.fixture";

// Stored figures against the in-request computation, over the operations sample (six months of
// incidents, outages and measurements up to the seed day) and a generated catalogue on its services.
// Computing a report over the whole sample in-request takes seconds (tens on a loaded machine).
jest.setTimeout(300_000);
const NOW = new Date();
const harness = new OperationsHarness({ now: () => NOW });
const analyst = TEST_IDENTITIES.analyst;
const PERIODS = defaultPeriods(NOW).map((p) => p.label);
const REPORT = `query ($period: String!, $filter: ServiceLevelReportFilter, $first: Int, $after: String) {
  serviceLevelReport(period: $period, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { status achieved sampleSize breaches errorBudget { allowed consumed remaining unit }
      forecast { projectedConsumed projectedRemaining exhausts } period { label from to } customer { id }
      target { id } agreement { id } service { id } } } }`;

/** Targets of every kind on the sample's services, with values drawn so that every status occurs. */
function generatedTargets(seed: number): CatalogueTarget[] {
  const random = new SampleRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)];
  const calendars = Object.values(CALENDARS).map((c) => c.id);
  const targets: CatalogueTarget[] = [];
  INCIDENT_PROFILES.forEach(({ service }, s) => {
    const sla = SLA_COVERAGE.find((c) => c.services.includes(service));
    for (const kind of ["SLA", "OLA"] as const) {
      const agreement = {
        agreementId: `agr-${kind}-${s}`,
        // Numbers that differ in case and length: the report orders them by code point.
        agreementNumber: `${kind === "SLA" ? "sla" : "OLA"}-${String(s % 7).repeat(1 + (s % 3))}`,
        agreementType: kind,
        agreementStatus: "ACTIVE" as const,
        effectiveFrom: "2020-01-01",
        effectiveTo: null,
        providerId: `prov-${s % 3}`,
        customerIds: kind === "SLA" ? (sla?.customers ?? ["FINANCE"]).map((c) => sampleId.customer(c)) : [],
        serviceId: sampleId.service(service),
        period: "MONTH" as const,
      };
      const common = { ...agreement, calendarId: pick(calendars), priority: null, compliancePercent: null };
      targets.push(
        {
          ...common,
          targetId: `t-${kind}-${s}-avail`,
          metric: "AVAILABILITY",
          comparator: "AT_LEAST",
          value: pick([99, 99.5, 99.9, 99.99]),
          unit: "PERCENT",
        },
        ...(["P1", "P2", "P3", "P4"] as const).flatMap((priority, p) => [
          {
            ...common,
            targetId: `t-${kind}-${s}-resp-${p}`,
            metric: "RESPONSE_TIME",
            comparator: "AT_MOST" as const,
            value: pick([5, 15, 30, 60]),
            unit: "MINUTES",
            priority,
            compliancePercent: pick([null, 80, 90, 95]),
          },
          {
            ...common,
            targetId: `t-${kind}-${s}-reso-${p}`,
            metric: "RESOLUTION_TIME",
            comparator: "AT_MOST" as const,
            value: pick([1, 4, 8, 24]),
            unit: "HOURS",
            priority,
            compliancePercent: pick([null, 90, 95]),
          },
        ]),
        {
          ...common,
          targetId: `t-${kind}-${s}-csat`,
          metric: "CUSTOMER_SATISFACTION",
          comparator: "AT_LEAST",
          value: pick([3.5, 4, 4.5]),
          unit: "SCORE",
        },
      );
    }
  });
  return targets;
}

function install(targets: CatalogueTarget[], revision: string): void {
  harness.peers.catalogue = { revision, calendars: Object.values(CALENDARS), targets };
}

/** The report as the in-request computation gives it, in report order (every target in force). */
async function computed(label: string): Promise<unknown[]> {
  const context = harness.server.createContext(analyst);
  const catalogue = await context.catalogue();
  const period = parsePeriod(label);
  const targets = catalogue.allTargets.filter((t) => inForceDuring(t, period));
  const results = await context.performance.compute(catalogue, targets, period, { kind: "staff" }, null);
  const page = reportPage(results, { first: results.length + 1, after: null }, toTargetPerformance);
  return page.nodes.map((node) => JSON.parse(JSON.stringify(node)) as unknown);
}

/** Every page of the report through the subgraph, `first` at a time. */
async function walked(period: string, first: number, filter: object | null = null) {
  const nodes: { status: string; target: { id: string } }[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const result = await harness.execute(REPORT, { period, filter, first, after }, analyst);
    expect(result.errors).toBeUndefined();
    const page = result.data?.serviceLevelReport as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { status: string; target: { id: string } }[];
    };
    totalCount = page.totalCount;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount };
    after = page.pageInfo.endCursor;
  }
}

async function fill(holder = "test") {
  const refresher = createPerformanceRefresher(harness.server, { intervalSeconds: 0, holder, budgetMs: 600_000 });
  const run = await refresher.runOnce();
  await refresher.stop();
  // A long synchronous (SQLite) run leaves idle keep-alive sockets the peer closed meanwhile: let their timers run.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return run;
}

/** The period's kept counts (keys with rows) against a real `COUNT(*) … GROUP BY` of its stored rows. */
async function expectCountsExact(period: string): Promise<number> {
  const dataSource = harness.server.dataSource;
  const rows = (list: { statusRank: unknown; agreementType: string; providerId: string; n: unknown }[]) =>
    list.map((r) => `${Number(r.statusRank)}|${r.agreementType}|${r.providerId}|${Number(r.n)}`).sort();
  const kept = rows(
    await dataSource.query(
      "SELECT statusRank, agreementType, providerId, targets AS n FROM target_figure_counts WHERE period = ? AND targets <> 0",
      [period],
    ),
  );
  const real = rows(
    await dataSource.query(
      "SELECT statusRank, agreementType, providerId, COUNT(*) AS n FROM target_figures WHERE period = ? GROUP BY statusRank, agreementType, providerId",
      [period],
    ),
  );
  expect(kept).toEqual(real);
  return real.length;
}

/** The stored rows' status ranks of a period, by target. */
async function ranks(period: string): Promise<Map<string, number>> {
  const rows: { targetId: string; statusRank: unknown }[] = await harness.server.dataSource.query(
    "SELECT targetId, statusRank FROM target_figures WHERE period = ?",
    [period],
  );
  return new Map(rows.map((r) => [r.targetId, Number(r.statusRank)]));
}

const TARGETS = generatedTargets(13);

beforeEach(() => install(TARGETS, "g1"));

describe("stored report figures", () => {
  it("answer in-request until the job has computed the period, then the same report from the stored figures", async () => {
    const before = [];
    for (const period of PERIODS) before.push(await walked(period, 100));
    const run = await fill();
    expect(run?.map((p) => p.ready)).toEqual(PERIODS.map(() => true));
    expect(run?.reduce((n, p) => n + p.computed, 0)).toBeGreaterThan(0);
    for (const [i, period] of PERIODS.entries()) {
      const expected = await computed(period);
      // Every status occurs, so the order across statuses is exercised.
      expect(new Set(expected.map((n) => (n as { status: string }).status)).size).toBeGreaterThanOrEqual(3);
      const stored = await walked(period, 7);
      expect(stored.nodes).toEqual(expected);
      expect(stored.totalCount).toBe(expected.length);
      expect(stored).toEqual(before[i]);
    }
  });

  it("cost a constant number of statements per page: snapshot, stale targets, the page, its count", async () => {
    await fill();
    const first5 = await harness.statementsFor(REPORT, { period: PERIODS[1], first: 5 }, analyst);
    expect(await harness.statementsFor(REPORT, { period: PERIODS[1], first: 50 }, analyst)).toBe(first5);
    expect(first5).toBe(4);
  });

  it("filter like the in-request report: status, agreement type, provider", async () => {
    await fill();
    const period = PERIODS[1];
    const all = await computed(period);
    const cases: [object, (n: { status: string; target: { id: string } }) => boolean][] = [
      [{ status: "BREACHED" }, (n) => n.status === "BREACHED"],
      [{ agreementType: "OLA" }, (n) => n.target.id.startsWith("t-OLA-")],
      [{ providerId: "prov-1" }, (n) => TARGETS.find((t) => t.targetId === n.target.id)?.providerId === "prov-1"],
    ];
    for (const [filter, keep] of cases) {
      const expected = (all as { status: string; target: { id: string } }[]).filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect((await walked(period, 11, filter)).nodes).toEqual(expected);
    }
  });

  it("show a record written just before the read (the touched targets are computed again on read)", async () => {
    await fill();
    const period = PERIODS[1];
    const before = await computed(period);
    const service = sampleId.service("SERVICE_DESK");
    // Three days from the period's first Wednesday 06:00 UTC: inside every fixture calendar's hours.
    const first = new Date(`${parsePeriod(period).from}T06:00:00Z`);
    const start = new Date(first.getTime() + ((10 - first.getUTCDay()) % 7) * 86_400_000);
    const write = await harness.execute(
      RECORD.outages,
      {
        input: {
          outages: [
            {
              externalId: "STORE-1",
              serviceId: service,
              kind: "UNPLANNED",
              startedAt: start.toISOString(),
              endedAt: new Date(start.getTime() + 3 * 86_400_000).toISOString(),
              description: "Written between two reads",
            },
          ],
        },
      },
      TEST_IDENTITIES.editor,
    );
    expect(write.errors).toBeUndefined();
    const after = await computed(period);
    expect(after).not.toEqual(before);
    expect((await walked(period, 50)).nodes).toEqual(after);
  });

  it("follow the catalogue: a changed, an added and a removed target show at once", async () => {
    await fill();
    const period = PERIODS[1];
    const changed = TARGETS.map((t) => (t.metric === "AVAILABILITY" ? { ...t, value: 50 } : t)).slice(1);
    changed.push({ ...TARGETS[0], targetId: "t-new", agreementNumber: "NEW-1" });
    install(changed, "g2");
    const expected = await computed(period);
    expect((await walked(period, 50)).nodes).toEqual(expected);
  });

  it("keep their totalCount in counts that equal a real COUNT(*) after every kind of change", async () => {
    const store = harness.server.createContext(analyst).performanceStore;
    const catalogue = () => harness.server.createContext(analyst).catalogue();
    // A period no other test stored (two months back: the sample has six).
    const month = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - 2, 1));
    const period = parsePeriod(`${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, "0")}`);
    expect(await store.snapshot(period)).toBeNull();
    // Kept by the changes alone (no recount): rows inserted by a reconcile, then their statuses computed.
    await store.request(period);
    await store.reconcile(period, await catalogue());
    expect(await expectCountsExact(period.label)).toBeGreaterThan(1);
    await store.compute(period, await catalogue(), [...(await ranks(period.label)).keys()]);
    expect(new Set((await ranks(period.label)).values()).size).toBeGreaterThanOrEqual(3);
    expect(await expectCountsExact(period.label)).toBeGreaterThan(3);
    await fill();
    await expectCountsExact(period.label);

    const totals = async () => {
      for (const filter of [null, { status: "BREACHED" }, { agreementType: "OLA" }, { providerId: "prov-2" }]) {
        const { nodes, totalCount } = await walked(period.label, 100, filter);
        expect({ filter, totalCount }).toEqual({ filter, totalCount: nodes.length });
      }
    };
    await totals();

    // A status change: an outage over the whole period breaches the service's availability targets.
    const service = sampleId.service("SERVICE_DESK");
    const before = await ranks(period.label);
    const write = await harness.execute(
      RECORD.outages,
      {
        input: {
          outages: [
            {
              externalId: "COUNTS-1",
              serviceId: service,
              kind: "UNPLANNED",
              startedAt: `${period.from}T00:00:00Z`,
              endedAt: new Date(new Date(`${period.from}T00:00:00Z`).getTime() + 20 * 86_400_000).toISOString(),
              description: "Moves statuses",
            },
          ],
        },
      },
      TEST_IDENTITIES.editor,
    );
    expect(write.errors).toBeUndefined();
    await totals();
    const after = await ranks(period.label);
    expect([...after].filter(([id, rank]) => before.get(id) !== rank).length).toBeGreaterThan(0);
    await expectCountsExact(period.label);

    // Targets removed, added, and moved to another agreement type and provider: the period reconciled.
    const reshaped = TARGETS.slice(5).map((t, i): CatalogueTarget =>
      i % 4 === 0 ? { ...t, agreementType: "UNDERPINNING_CONTRACT", providerId: "prov-9" } : t,
    );
    reshaped.push({ ...TARGETS[0], targetId: "t-counted", agreementNumber: "NEW-COUNTED", providerId: "prov-9" });
    install(reshaped, "g-counts");
    await totals();
    expect((await ranks(period.label)).size).toBe(reshaped.length);
    await expectCountsExact(period.label);
    const nine = await walked(period.label, 100, { providerId: "prov-9" });
    expect(nine.totalCount).toBeGreaterThan(1);
  });

  it("recount a period stored before its counts were kept, once", async () => {
    await fill();
    const period = PERIODS[1];
    const dataSource = harness.server.dataSource;
    await dataSource.query("UPDATE target_figure_counts SET targets = 0 WHERE period = ?", [period]);
    await dataSource.query("UPDATE performance_snapshots SET counted = 0 WHERE period = ?", [period]);
    const { nodes, totalCount } = await walked(period, 100);
    expect(totalCount).toBe(nodes.length);
    await expectCountsExact(period);
    const [{ counted }] = await dataSource.query("SELECT counted FROM performance_snapshots WHERE period = ?", [
      period,
    ]);
    expect(Number(counted)).toBe(1);
  });

  it("are computed by one replica at a time (the lease), and by another once it stops", async () => {
    const one = createPerformanceRefresher(harness.server, { intervalSeconds: 0, holder: "replica-1" });
    const two = createPerformanceRefresher(harness.server, { intervalSeconds: 0, holder: "replica-2" });
    const runs = await Promise.all([one.runOnce(), two.runOnce()]);
    expect(runs.filter((run) => run === null)).toHaveLength(1);
    const holder = runs[0] === null ? two : one;
    const other = holder === one ? two : one;
    expect(await other.runOnce()).toBeNull();
    await holder.stop();
    expect(await other.runOnce()).not.toBeNull();
    await other.stop();
  });
});
