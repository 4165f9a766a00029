import type { Identity } from "@itsm/kit";
import { sampleId } from "@itsm/kit";
import { dataOf, ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { AgreementsHarness, coverage, failure, FINANCE } from "../../__tests__/support/agreements";
import { AgreementStatus, AgreementType } from "../../agreements/agreement.enums";
import { sampleAgreements } from "../../sample/agreements.sample";
import { calendarId, sampleCalendars } from "../../sample/calendars.sample";

const t = new AgreementsHarness();

const CATALOGUE = `{ serviceLevelCatalogue { revision
  calendars { id code timeZone windows { days from to } holidays version }
  targets { targetId agreementId agreementNumber agreementType agreementStatus effectiveFrom effectiveTo providerId
    customerIds serviceId calendarId metric comparator value unit priority compliancePercent period } } }`;
const REVISION = "{ serviceLevelCatalogueRevision }";

interface CatalogueTargetView {
  agreementNumber: string;
  agreementStatus: string;
  customerIds: string[];
  serviceId: string;
  calendarId: string;
  metric: string;
  priority: string | null;
  compliancePercent: number | null;
}
interface CatalogueView {
  revision: string;
  calendars: { id: string; code: string }[];
  targets: CatalogueTargetView[];
}

async function catalogue(): Promise<CatalogueView> {
  return dataOf(await t.query(CATALOGUE), "serviceLevelCatalogue");
}
async function revision(): Promise<string> {
  return dataOf(await t.query(REVISION), "serviceLevelCatalogueRevision");
}

/** SQL statements this subgraph ran to answer one operation (its `db_queries_total`). */
async function statementsFor(query: string, identity: Identity = TEST_IDENTITIES.analyst) {
  const count = async () =>
    (await t.server.metrics.registry.getSingleMetric("db_queries_total")?.get())?.values[0].value;
  const before = Number(await count());
  const result = await t.server.execute(query, {}, identity);
  expect(result.errors).toBeUndefined();
  return Number(await count()) - before;
}

describe("serviceLevelCatalogue", () => {
  it("holds every calendar and every target of every non-DRAFT agreement, with its revision", async () => {
    const found = await catalogue();
    expect(found.revision).toBe(await revision());
    expect(found.calendars.map((c) => c.code)).toEqual(
      expect.arrayContaining(["24X7", ...sampleCalendars.map((c) => c.code)]),
    );
    const nonDraft = sampleAgreements.filter((a) => a.status !== AgreementStatus.DRAFT);
    const sampleNumbers = new Set(sampleAgreements.map((a) => a.number));
    const fromSample = found.targets.filter((x) => sampleNumbers.has(x.agreementNumber));
    expect(fromSample).toHaveLength(nonDraft.reduce((n, a) => n + a.targets.length, 0));
    expect(found.targets.some((x) => x.agreementStatus === AgreementStatus.DRAFT)).toBe(false);

    const acmeP1 = found.targets.find(
      (x) =>
        x.agreementNumber === "SLA-2024-007" &&
        x.serviceId === sampleId.service("WEBSHOP") &&
        x.metric === "RESPONSE_TIME" &&
        x.priority === "P1",
    );
    expect(acmeP1).toMatchObject({
      agreementType: AgreementType.SLA,
      agreementStatus: AgreementStatus.ACTIVE,
      customerIds: [sampleId.customer("ACME_RETAIL")],
      providerId: expect.any(String),
      calendarId: calendarId("24X7-SUN-MAINT-CET"),
      compliancePercent: 95,
      period: "MONTH",
    });
    const ola = found.targets.find((x) => x.agreementNumber === "OLA-2025-008");
    expect(ola?.customerIds).toEqual([]);
  });

  it("is for staff only", async () => {
    for (const query of [CATALOGUE, REVISION]) {
      failure(await t.server.execute(query, {}, partnerIdentity("ACME_RETAIL")), "FORBIDDEN");
      failure(await t.server.execute(query, {}, TEST_IDENTITIES.anonymous), "UNAUTHENTICATED");
    }
  });

  it("changes its revision on every change to calendars, agreements, coverage, targets and parties, and only then", async () => {
    const seen = new Set<string>([await revision()]);
    const expectNew = async (what: string) => {
      const next = await revision();
      expect({ what, isNew: !seen.has(next) }).toEqual({ what, isNew: true });
      seen.add(next);
    };
    expect(await revision()).toBe([...seen][0]);

    const created = await t.server.execute(
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id version } }`,
      {
        input: {
          code: "REV-TEST",
          name: "Revision test",
          timeZone: "UTC",
          windows: [{ days: ["MON"], from: "00:00", to: "24:00" }],
        },
      },
      TEST_IDENTITIES.editor,
    );
    const calendar = created.data?.createCalendar as { id: string; version: number };
    await expectNew("calendar created");
    await t.server.execute(
      `mutation ($input: UpdateCalendarInput!) { updateCalendar(input: $input) { id } }`,
      { input: { id: calendar.id, expectedVersion: 1, holidays: ["2026-01-01"] } },
      TEST_IDENTITIES.editor,
    );
    await expectNew("calendar updated");
    const draft = await t.createDraft();
    await expectNew("agreement created");
    const serviceId = draft.services[0].id;
    await t.ok("setTarget", {
      agreementId: draft.id,
      serviceId,
      metric: "AVAILABILITY",
      comparator: "AT_LEAST",
      value: 99,
      unit: "PERCENT",
      description: "x",
    });
    await expectNew("target set");
    await t.server.execute(
      `mutation ($input: SetCoverageCalendarInput!) { setCoverageCalendar(input: $input) { id } }`,
      { input: { agreementId: draft.id, serviceId, calendarId: calendar.id } },
      TEST_IDENTITIES.editor,
    );
    await expectNew("coverage calendar changed");
    await t.ok("addAgreementCustomer", { agreementId: draft.id, customerId: t.newCustomer() });
    await expectNew("party added");
    await t.ok("addAgreementService", { agreementId: draft.id, ...coverage(t.newService()) });
    await expectNew("coverage added");
    const { revision: draftRevision } = await t.read(draft.id);
    await t.ok("updateAgreement", { id: draft.id, expectedRevision: draftRevision, title: "Revision test, retitled" });
    await expectNew("agreement updated");
    const withTarget = await t.read(draft.id);
    await t.ok("removeTarget", { id: withTarget.targets[0].id });
    await expectNew("target removed");
    await t.ok("removeAgreementCustomer", { agreementId: draft.id, customerId: FINANCE });
    await expectNew("party removed");
    await t.ok("removeAgreementService", { agreementId: draft.id, serviceId });
    await expectNew("coverage removed");
    const active = await t.activeAgreement();
    await expectNew("agreement activated");
    const revised = await t.ok("reviseAgreement", { id: active.id });
    expect(revised.status).toBe(AgreementStatus.DRAFT);
    await expectNew("agreement revised (new version drafted)");
    const { revision: expectedRevision } = await t.read(active.id);
    await t.ok("terminateAgreement", { id: active.id, expectedRevision, reason: "Revision test" });
    await expectNew("agreement terminated");
    expect(await revision()).toBe([...seen].at(-1));
  });

  it("counts every one of concurrent changes (its slots only grow)", async () => {
    const before = Number(await revision());
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        t.server.execute(
          `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
          {
            input: {
              code: `REV-CONCURRENT-${n}`,
              name: "Concurrent revision test",
              timeZone: "UTC",
              windows: [{ days: ["TUE"], from: "08:00", to: "17:00" }],
            },
          },
          TEST_IDENTITIES.editor,
        ),
      ),
    );
    for (const result of created) expect(result.errors).toBeUndefined();
    expect(Number(await revision())).toBe(before + created.length);
  });

  it("costs the same number of SQL statements however many agreements there are", async () => {
    const before = await statementsFor(CATALOGUE);
    for (let i = 0; i < 3; i++)
      await t.activeAgreement({ services: [coverage(t.newService()), coverage(t.newService())] });
    expect(await statementsFor(CATALOGUE)).toBe(before);
    expect(await statementsFor(REVISION)).toBe(1);
  });
});

describe("Service.costRecovery", () => {
  const QUERY = ENTITIES_QUERY(
    "Service",
    "id costRecovery { cost { amount currency } charged { amount currency } ratio otherCharges { amount currency } }",
  );
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const service = (code: string, amount: string, currency = "EUR") => ({
    __typename: "Service",
    id: sampleId.service(code),
    monthlyCost: { amount, currency },
  });

  it("compares the catalog's monthly cost with the monthly charges of the ACTIVE SLAs covering the service", async () => {
    const charged = sampleAgreements
      .filter((a) => a.type === AgreementType.SLA && a.status === AgreementStatus.ACTIVE)
      .flatMap((a) => a.coverage.filter((c) => c.serviceCode === "EMAIL" && c.monthlyCharge))
      .reduce((sum, c) => sum + cents(c.monthlyCharge?.amount ?? "0"), 0);
    expect(charged).toBeGreaterThan(0);
    const result = await t.query(QUERY, { representations: [service("EMAIL", "16000.00"), service("VPN", "0.00")] });
    expect(dataOf(result, "_entities")).toEqual([
      {
        id: sampleId.service("EMAIL"),
        costRecovery: {
          cost: { amount: "16000.00", currency: "EUR" },
          charged: { amount: (charged / 100).toFixed(2), currency: "EUR" },
          ratio: Math.round((charged / 1_600_000) * 10_000) / 10_000,
          otherCharges: [],
        },
      },
      // No ACTIVE SLA covers the VPN, and a zero cost has no ratio.
      {
        id: sampleId.service("VPN"),
        costRecovery: {
          cost: { amount: "0.00", currency: "EUR" },
          charged: { amount: "0.00", currency: "EUR" },
          ratio: null,
          otherCharges: [],
        },
      },
    ]);
  });

  it("compares only charges in the cost's currency and lists the others per currency", async () => {
    const serviceId = t.newService();
    await t.activeAgreement({
      services: [coverage(serviceId, { monthlyCharge: { amount: "1500.50", currency: "USD" } })],
    });
    await t.activeAgreement({ services: [coverage(serviceId, { monthlyCharge: { amount: "500", currency: "EUR" } })] });
    await t.activeAgreement({
      services: [coverage(serviceId, { monthlyCharge: { amount: "0.50", currency: "USD" } })],
    });
    // A DRAFT's charge does not count.
    await t.createDraft({ services: [coverage(serviceId, { monthlyCharge: { amount: "9999", currency: "EUR" } })] });
    const result = await t.query(QUERY, {
      representations: [{ __typename: "Service", id: serviceId, monthlyCost: { amount: "2000.00", currency: "EUR" } }],
    });
    expect(dataOf(result, "_entities")).toEqual([
      {
        id: serviceId,
        costRecovery: {
          cost: { amount: "2000.00", currency: "EUR" },
          charged: { amount: "500.00", currency: "EUR" },
          ratio: 0.25,
          otherCharges: [{ amount: "1501.00", currency: "USD" }],
        },
      },
    ]);
  });

  it("is for staff: partners are refused, the rest of the entity still answers", async () => {
    const result = await t.server.execute(
      QUERY,
      { representations: [service("EMAIL", "1.00")] },
      partnerIdentity("ACME_RETAIL"),
    );
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(result.data?._entities).toEqual([{ id: sampleId.service("EMAIL"), costRecovery: null }]);
  });
});
