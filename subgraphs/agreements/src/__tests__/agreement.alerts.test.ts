import type { Identity } from "@itsm/kit";
import { dataOf, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { AgreementsHarness, coverage, day, FINANCE } from "./support/agreements";
import { TestClock } from "./support/test-clock";

const clock = new TestClock();
const t = new AgreementsHarness({ clock });

interface AlertView {
  id: string;
  kind: string;
  dueOn: string;
  message: string;
  agreement: { id: string; number: string };
  recipients: { name: string; email: string | null; role: string }[] | null;
}

const ALERTS = `query ($filter: AlertFilter, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id kind dueOn message agreement { id number } recipients { name email role } } } }`;

async function alerts(filter: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.analyst, first = 100) {
  return dataOf<{ nodes: AlertView[] }>(await t.query(ALERTS, { filter, first }, identity), "alerts").nodes;
}

const FINANCE_CONTACTS = [
  { name: "Erika Escalation", email: "erika@finance.example", role: "ESCALATION" },
  { name: "Tom Technical", email: "tom@finance.example", role: "TECHNICAL" },
  { name: "Bea Owner", email: "bea@finance.example", role: "BUSINESS_OWNER" },
];

beforeEach(() => {
  clock.reset();
  t.peers.customers.get(FINANCE)!.contacts = FINANCE_CONTACTS;
});

describe("alerts", () => {
  it("raises EXPIRING within 90 days of the end, for the customer's escalation and business owner contacts", async () => {
    const sla = await t.activeAgreement({ effectiveTo: day(120) });
    expect(await alerts({ agreementId: sla.id })).toEqual([]);
    clock.advanceDays(30);
    const [alert] = await alerts({ agreementId: sla.id });
    expect(alert).toEqual({
      id: expect.any(String),
      kind: "EXPIRING",
      dueOn: day(120),
      message: `${sla.number} expires after ${day(120)}`,
      agreement: { id: sla.id, number: sla.number },
      recipients: [
        { name: "Erika Escalation", email: "erika@finance.example", role: "ESCALATION" },
        { name: "Bea Owner", email: "bea@finance.example", role: "BUSINESS_OWNER" },
      ],
    });
    // Stable: the same condition keeps its id.
    expect((await alerts({ agreementId: sla.id }))[0].id).toBe(alert.id);
  });

  it("raises NOTICE_DUE instead of EXPIRING for an agreement that renews tacitly", async () => {
    const draft = await t.completeDraft({ effectiveTo: day(50) });
    await t.server.execute(
      `mutation ($input: SetRenewalTermsInput!) { setRenewalTerms(input: $input) { id } }`,
      { input: { id: draft.id, renewal: "TACIT", renewalTermMonths: 12, noticePeriodDays: 30 } },
      TEST_IDENTITIES.editor,
    );
    await t.ok("activateAgreement", { id: draft.id });
    expect((await alerts({ agreementId: draft.id })).map((a) => [a.kind, a.dueOn])).toEqual([["NOTICE_DUE", day(20)]]);
  });

  it("raises REVIEW_DUE from 30 days ahead and keeps it while overdue", async () => {
    const sla = await t.activeAgreement({ effectiveTo: day(700) });
    await t.server.execute(
      `mutation ($input: SetReviewDueInput!) { setReviewDue(input: $input) { id } }`,
      { input: { id: sla.id, reviewDue: day(40) } },
      TEST_IDENTITIES.editor,
    );
    expect(await alerts({ agreementId: sla.id })).toEqual([]);
    clock.advanceDays(10);
    expect((await alerts({ agreementId: sla.id, kind: "REVIEW_DUE" }))[0].message).toBe(
      `${sla.number} is due for review on ${day(40)}`,
    );
    clock.advanceDays(40);
    expect((await alerts({ agreementId: sla.id }))[0].message).toBe(
      `${sla.number} is due for review on ${day(40)} (overdue)`,
    );
  });

  it("raises UNDERPINNING_ENDS_FIRST on an SLA whose OLA ends first; partners see it without the OLA's number", async () => {
    const service = t.newService();
    const ola = await t.completeDraft({ type: "OLA", services: [coverage(service)], effectiveTo: day(200) });
    const sla = await t.completeDraft({ services: [coverage(service)], effectiveTo: day(400) });
    await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: ola.id });
    await t.ok("activateAgreement", { id: ola.id });
    await t.ok("activateAgreement", { id: sla.id });
    const [staff] = await alerts({ agreementId: sla.id });
    expect(staff).toMatchObject({
      kind: "UNDERPINNING_ENDS_FIRST",
      dueOn: day(200),
      message: `${ola.number} (OLA) ends after ${day(200)}, before ${sla.number} does (${day(400)})`,
    });
    const [partners] = await alerts({ agreementId: sla.id }, partnerIdentity("FINANCE"));
    expect(partners).toMatchObject({
      id: staff.id,
      message: `An agreement underpinning it ends after ${day(200)}, before ${sla.number} does (${day(400)})`,
    });
    // The OLA's own alerts (EXPIRING later on) go to its provider, and never to a partner.
    clock.advanceDays(150);
    const [olaAlert] = await alerts({ agreementId: ola.id });
    expect(olaAlert).toMatchObject({
      kind: "EXPIRING",
      recipients: [{ name: "Provider CORP_IT", email: null, role: "PROVIDER" }],
    });
    expect(await alerts({ agreementId: ola.id }, partnerIdentity("FINANCE"))).toEqual([]);
  });

  it("shows partners only alerts about their own SLAs, and only their own contacts", async () => {
    clock.advanceDays(400);
    const staff = await alerts({});
    const partner = await alerts({}, partnerIdentity("FINANCE"));
    expect(partner.length).toBeGreaterThan(0);
    expect(partner.length).toBeLessThan(staff.length);
    const own = await alerts({ customerId: FINANCE });
    expect(partner.map((a) => a.id).sort()).toEqual(own.map((a) => a.id).sort());
    expect(await alerts({}, partnerIdentity("NOBODY"))).toEqual([]);
  });

  it("asks the customers subgraph once per request for every alert's recipients, signed as the caller", async () => {
    clock.advanceDays(400);
    const asked = t.peers.requests.length;
    const all = await alerts({});
    expect(all.length).toBeGreaterThan(3);
    const calls = t.peers.requests.slice(asked).filter((r) => r.peer === "customers");
    expect(calls.map((c) => [c.typename, c.subject])).toEqual(expect.arrayContaining([["Customer", "test-analyst"]]));
    expect(calls.filter((c) => c.typename === "Customer")).toHaveLength(1);
    expect(calls.filter((c) => c.typename === "Provider").length).toBeLessThanOrEqual(1);
  });

  it("pages soonest first with opaque cursors, and counts them all", async () => {
    clock.advanceDays(400);
    const everything = await alerts({});
    const dates = everything.map((a) => a.dueOn);
    expect(dates).toEqual([...dates].sort());
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const result = await t.query(ALERTS, { filter: {}, first: 2, after });
      const page = result.data?.alerts as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: AlertView[];
      };
      total = page.totalCount;
      seen.push(...page.nodes.map((a) => a.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(everything.map((a) => a.id));
    expect(total).toBe(everything.length);
  });

  it("lists the sample's alerts: notice due, reviews due and an express contract ending", async () => {
    const kinds = new Set((await alerts({})).map((a) => `${a.kind} ${a.agreement.number}`));
    for (const expected of ["NOTICE_DUE SLA-2024-007", "REVIEW_DUE SLA-2025-012", "EXPIRING UC-2026-001"]) {
      expect(kinds).toContain(expected);
    }
  });
});
