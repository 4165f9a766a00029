import type { Identity } from "@itsm/kit";
import { partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import type { ReportRow } from "./support/fake-peers";
import type { AgreementView } from "./support/agreements";
import { AgreementsHarness, day, FINANCE } from "./support/agreements";

const t = new AgreementsHarness();

const ALERTS = `query ($filter: AlertFilter) {
  alerts(filter: $filter, first: 100) { nodes { kind dueOn message agreement { id } recipients { name role } } } }`;

interface AlertView {
  kind: string;
  dueOn: string;
  message: string;
  agreement: { id: string };
  recipients: { name: string; role: string }[] | null;
}

const month = () => new Date().toISOString().slice(0, 7);
const monthEnd = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};

/** A report row of the current month for the agreement's (first) target. */
function row(agreement: AgreementView, status: ReportRow["status"], consumed: number, achieved = 99.6): ReportRow {
  return {
    target: { id: agreement.targets[0].id },
    agreement: { id: agreement.id },
    period: { label: month(), from: `${month()}-01`, to: monthEnd() },
    status,
    achieved,
    errorBudget: { allowed: 200, consumed, unit: "MINUTES" },
  };
}

async function alerts(filter: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.analyst) {
  return t.query(ALERTS, { filter }, identity);
}

const nodes = (result: Awaited<ReturnType<typeof alerts>>) => (result.data?.alerts as { nodes: AlertView[] }).nodes;

beforeEach(() => {
  t.peers.customers.get(FINANCE)!.contacts = [
    { name: "Erika Escalation", email: "e@finance.example", role: "ESCALATION" },
  ];
});

describe("performance alerts (BUDGET_75, BREACHED)", () => {
  it("come from the operations subgraph's figures of each target's current period", async () => {
    const breached = await t.activeAgreement();
    const atRisk = await t.activeAgreement();
    const exactly75 = await t.activeAgreement();
    const fine = await t.activeAgreement();
    t.peers.report.set(month(), [
      row(breached, "BREACHED", 260, 99.1),
      row(atRisk, "AT_RISK", 170),
      row(exactly75, "MET", 150),
      row(fine, "MET", 149),
    ]);
    const ids = [breached, atRisk, exactly75, fine].map((a) => a.id);
    const result = await alerts({});
    expect(result.errors).toBeUndefined();
    const found = nodes(result).filter((a) => ids.includes(a.agreement.id));
    const target = "the AVAILABILITY target (AT_LEAST 99.5 PERCENT)";
    // BREACHED sorts before BUDGET_75 of the same day; the two BUDGET_75 by their (random) target ids.
    expect(found[0].kind).toBe("BREACHED");
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        {
          kind: "BREACHED",
          dueOn: monthEnd(),
          message: `The AVAILABILITY target (AT_LEAST 99.5 PERCENT) of ${breached.number} is breached in ${month()} (achieved 99.1)`,
          agreement: { id: breached.id },
          recipients: [{ name: "Erika Escalation", role: "ESCALATION" }],
        },
        {
          kind: "BUDGET_75",
          dueOn: monthEnd(),
          message: `85 % of the error budget of ${target} of ${atRisk.number} is used in ${month()} (170 of 200 minutes)`,
          agreement: { id: atRisk.id },
          recipients: [{ name: "Erika Escalation", role: "ESCALATION" }],
        },
        {
          kind: "BUDGET_75",
          dueOn: monthEnd(),
          message: `75 % of the error budget of ${target} of ${exactly75.number} is used in ${month()} (150 of 200 minutes)`,
          agreement: { id: exactly75.id },
          recipients: [{ name: "Erika Escalation", role: "ESCALATION" }],
        },
      ]),
    );
    // Filtered by kind; asked of operations as the caller.
    expect(nodes(await alerts({ kind: "BREACHED" })).map((a) => a.agreement.id)).toEqual([breached.id]);
    expect(t.peers.requests.filter((r) => r.peer === "operations").every((r) => r.subject === "test-analyst")).toBe(
      true,
    );
  });

  it("stop reading the report once its rows (worst first) can no longer raise one", async () => {
    const [breached, atRisk, exactly75, below, quiet, none] = await Promise.all(
      Array.from({ length: 6 }, () => t.activeAgreement()),
    );
    t.peers.report.set(month(), [
      row(breached, "BREACHED", 260),
      row(atRisk, "AT_RISK", 170),
      row(exactly75, "MET", 150),
      row(below, "MET", 149),
      row(quiet, "MET", 10),
      { ...row(none, "NO_DATA", 0), achieved: null, errorBudget: null },
    ]);
    const ours = [breached, atRisk, exactly75, below, quiet, none].map((a) => a.id);
    /** The agreements alerted, and how many report pages (of every period in use) were asked for. */
    const run = async () => {
      const before = t.peers.requests.filter((r) => r.peer === "operations").length;
      const alerted = nodes(await alerts({}))
        .map((a) => a.agreement.id)
        .filter((id) => ours.includes(id));
      return {
        alerted: alerted.sort(),
        pages: t.peers.requests.filter((r) => r.peer === "operations").length - before,
      };
    };
    const whole = await run();
    t.peers.reportPageSize = 2;
    const paged = await run();
    expect(whole.alerted).toEqual([breached.id, atRisk.id, exactly75.id].sort());
    expect(paged.alerted).toEqual(whole.alerted);
    // This month in pages of 2: pages 1 and 2 of 3 — the second ends with a MET row under 75 % of its budget.
    expect(paged.pages - whole.pages).toBe(1);
  });

  it("are left out, with an error saying so, when the operations subgraph cannot answer; the other kinds still come", async () => {
    const expiring = await t.activeAgreement({ effectiveTo: day(10) });
    t.peers.report.set(month(), [row(expiring, "BREACHED", 300)]);
    t.peers.mode.operations = "drop";
    const result = await alerts({ agreementId: expiring.id });
    expect(nodes(result).map((a) => a.kind)).toEqual(["EXPIRING"]);
    expect(result.errors).toEqual([
      {
        message:
          "The operations subgraph could not be consulted: the BUDGET_75 and BREACHED alerts are missing from this answer (the other kinds are complete); retry shortly",
        path: ["alerts"],
        extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "operations", missingKinds: ["BUDGET_75", "BREACHED"] },
      },
    ]);
    // Other kinds asked for alone do not need operations.
    const notPerformance = await alerts({ agreementId: expiring.id, kind: "EXPIRING" });
    expect(notPerformance.errors).toBeUndefined();
  });

  it("show a partner only its own SLAs' alerts", async () => {
    const own = await t.activeAgreement();
    const other = await t.activeAgreement({ customerIds: [t.newCustomer()] });
    t.peers.report.set(month(), [row(own, "BREACHED", 300), row(other, "BREACHED", 300)]);
    const partner = partnerIdentity("FINANCE");
    const result = await alerts({ kind: "BREACHED" }, partner);
    expect(result.errors).toBeUndefined();
    const seen = nodes(result).map((a) => a.agreement.id);
    expect(seen).toContain(own.id);
    expect(seen).not.toContain(other.id);
    expect(nodes(await alerts({ kind: "BREACHED" })).map((a) => a.agreement.id)).toEqual(
      expect.arrayContaining([own.id, other.id]),
    );
  });
});
