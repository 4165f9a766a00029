import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { as, Graph, ROOT, startedForSuite } from "./support/graph";
import { sampleAgreements } from "./support/sample";

// Service level performance through the gateway, on the sample's six months of history.
const run = promisify(execFile);
const ANALYST = as("analyst");

/** "YYYY-MM" of the month `offset` months from now (UTC, as the sample's seed day). */
function month(offset: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return date.toISOString().slice(0, 7);
}

interface ReportAnswer {
  serviceLevelReport: {
    totalCount: number;
    nodes: {
      status: string;
      agreement: { number: string };
      errorBudget: { consumed: number; allowed: number } | null;
    }[];
  } | null;
}

const REPORT = `query ($period: String!, $status: PerformanceStatus) {
  serviceLevelReport(period: $period, filter: { status: $status }, first: 100) {
    totalCount nodes { status agreement { number } errorBudget { consumed allowed } }
  } }`;

const graph = startedForSuite(new Graph());

describe("the service level report on the sample", () => {
  it("shows breached targets last month, and at risk and met ones this month, worst first", async () => {
    const last = await graph.query<ReportAnswer>(REPORT, { period: month(-1), status: "BREACHED" }, ANALYST);
    expect(last.errors).toBeUndefined();
    expect(last.data!.serviceLevelReport!.totalCount).toBeGreaterThan(0);
    expect(last.data!.serviceLevelReport!.nodes.every((n) => n.status === "BREACHED")).toBe(true);

    const current = await graph.query<ReportAnswer>(REPORT, { period: month(0) }, ANALYST);
    expect(current.errors).toBeUndefined();
    const statuses = current.data!.serviceLevelReport!.nodes.map((n) => n.status);
    expect(statuses).toContain("AT_RISK");
    expect(statuses.filter((s) => s === "MET").length).toBeGreaterThan(2);
    const rank = ["BREACHED", "AT_RISK", "MET", "NO_DATA"];
    const ranks = statuses.map((s) => rank.indexOf(s));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("refuses a period that is not a month, quarter or year", async () => {
    const answer = await graph.query(REPORT, { period: "2026-13" }, ANALYST);
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("shows a partner only its own SLAs, and refuses another customer's figures", async () => {
    const own = sampleAgreements.find(
      (a) => a.type === "SLA" && a.status === "ACTIVE" && a.customerCodes.length === 1,
    )!;
    const code = own.customerCodes[0];
    const answer = await graph.query<ReportAnswer>(REPORT, { period: month(-1) }, as("partner", [code]));
    expect(answer.errors).toBeUndefined();
    const visible = new Set(
      sampleAgreements.filter((a) => a.type === "SLA" && a.customerCodes.includes(code)).map((a) => a.number),
    );
    const numbers = answer.data!.serviceLevelReport!.nodes.map((n) => n.agreement.number);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => visible.has(n))).toBe(true);

    const other = sampleAgreements.flatMap((a) => a.customerCodes).find((c) => c !== code)!;
    const ids = await graph.query<{ customerByCode: { id: string } | null }>(
      `query ($code: String!) { customerByCode(code: $code) { id } }`,
      { code: other },
      ANALYST,
    );
    const refused = await graph.query(
      `query ($period: String!, $customer: ID) { serviceLevelReport(period: $period, filter: { customerId: $customer }) { totalCount } }`,
      { period: month(-1), customer: ids.data!.customerByCode!.id },
      as("partner", [code]),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

/** The report period that is a target's current one, by its measurement period (UTC, as the sample's seed day). */
function currentPeriodOf(measured: string): string {
  const now = new Date();
  if (measured === "MONTH") return month(0);
  if (measured === "QUARTER") return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  return `${now.getUTCFullYear()}`;
}

interface AlertsAnswer {
  alerts: { nodes: { kind: string; message: string; agreement: { number: string } }[] } | null;
}

const ALERTS = `query ($kind: AlertKind, $customer: ID) {
  alerts(filter: { kind: $kind, customerId: $customer }, first: 100) { nodes { kind message agreement { number } } } }`;

const FIGURES = `query ($period: String!, $status: PerformanceStatus) {
  serviceLevelReport(period: $period, filter: { status: $status }, first: 100) {
    totalCount nodes { status agreement { number status } target { period } } } }`;

interface FiguresAnswer {
  serviceLevelReport: {
    totalCount: number;
    nodes: { status: string; agreement: { number: string; status: string }; target: { period: string } }[];
  };
}

/** The ACTIVE agreements with a target AT_RISK or BREACHED in that target's own current period, by the report. */
async function agreementsByCurrentFigures(): Promise<{ atRisk: Set<string>; breached: Set<string> }> {
  const atRisk = new Set<string>();
  const breached = new Set<string>();
  for (const measured of ["MONTH", "QUARTER", "YEAR"]) {
    for (const [status, into] of [
      ["AT_RISK", atRisk],
      ["BREACHED", breached],
    ] as const) {
      const answer = await graph.query<FiguresAnswer>(FIGURES, { period: currentPeriodOf(measured), status }, ANALYST);
      expect(answer.errors).toBeUndefined();
      const report = answer.data!.serviceLevelReport;
      expect(report.nodes.length).toBe(report.totalCount);
      for (const node of report.nodes) {
        if (node.target.period === measured && node.agreement.status === "ACTIVE") into.add(node.agreement.number);
      }
    }
  }
  return { atRisk, breached };
}

async function alertedAgreements(kind: string, identity = ANALYST, customer?: string): Promise<Set<string>> {
  const answer = await graph.query<AlertsAnswer>(ALERTS, { kind, customer }, identity);
  expect(answer.errors).toBeUndefined();
  const nodes = answer.data!.alerts!.nodes;
  expect(nodes.every((n) => n.kind === kind)).toBe(true);
  return new Set(nodes.map((n) => n.agreement.number));
}

describe("alerts on the service level figures (the agreements subgraph asking operations)", () => {
  it("are BUDGET_75 and BREACHED for exactly the agreements whose targets' current figures say so", async () => {
    const figures = await agreementsByCurrentFigures();
    expect(figures.breached.size).toBeGreaterThan(0);
    expect(figures.atRisk.size).toBeGreaterThan(0);
    expect(await alertedAgreements("BREACHED")).toEqual(figures.breached);
    // BUDGET_75 is for a target not breached: an agreement can have both, from different targets.
    expect(await alertedAgreements("BUDGET_75")).toEqual(figures.atRisk);
  });

  it("show a partner the alerts of its own SLAs only", async () => {
    const all = await alertedAgreements("BREACHED");
    const own = sampleAgreements.find((a) => a.type === "SLA" && all.has(a.number) && a.customerCodes.length === 1)!;
    const code = own.customerCodes[0];
    const seen = await alertedAgreements("BREACHED", as("partner", [code]));
    const visible = sampleAgreements.filter((a) => a.type === "SLA" && a.customerCodes.includes(code));
    expect(seen).toContain(own.number);
    expect([...seen].every((n) => visible.some((a) => a.number === n))).toBe(true);
    expect(seen.size).toBeLessThan(all.size);
  });
});

describe("importing the README's example file", () => {
  it("records it once, and the same file again changes nothing", async () => {
    const env = { ...process.env, GATEWAY_URL: graph.gatewayUrl, IMPORT_TOKEN: graph.token("editor") };
    const file = join(ROOT, "examples", "import", "incidents.csv");
    const first = await run(process.execPath, [join(ROOT, "scripts", "import.mjs"), "incidents", file], { env });
    expect(first.stdout).toMatch(/created/);
    const second = await run(process.execPath, [join(ROOT, "scripts", "import.mjs"), "incidents", file], { env });
    expect(second.stdout).toMatch(/ 0 created, 0 updated, \d+ unchanged/);
    expect(second.stdout).toMatch(/unchanged/);
  });
});

describe("when the operations subgraph is down", () => {
  it("answers the rest of the graph, with performance null and SUBGRAPH_UNAVAILABLE", async () => {
    await graph.kill("operations");
    const answer = await graph.query<{ agreements: { nodes: { number: string; performance: unknown }[] } }>(
      `query ($period: String!) { agreements(first: 5) { nodes { number performance(period: $period) { status } } } }`,
      { period: month(-1) },
      ANALYST,
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.agreements.nodes.length).toBeGreaterThan(0);
    expect(answer.data!.agreements.nodes.every((n) => n.performance === null)).toBe(true);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "operations" });

    const alerts = await graph.query<AlertsAnswer>(ALERTS, {}, ANALYST);
    expect(alerts.data!.alerts!.nodes.length).toBeGreaterThan(0);
    expect(alerts.data!.alerts!.nodes.some((n) => n.kind === "BUDGET_75" || n.kind === "BREACHED")).toBe(false);
    expect(alerts.errors?.[0]?.extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      serviceName: "operations",
      missingKinds: ["BUDGET_75", "BREACHED"],
    });
    await graph.startSubgraph("operations");
  });
});
