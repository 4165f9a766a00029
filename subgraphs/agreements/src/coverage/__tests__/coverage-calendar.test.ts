import type { Identity } from "@itsm/kit";
import { sampleId } from "@itsm/kit";
import { dataOf, ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { AgreementsHarness, coverage, failure, invalidPaths } from "../../__tests__/support/agreements";
import { DEFAULT_CALENDAR } from "../../calendars/calendar.rules";
import { sampleAgreements } from "../../sample/agreements.sample";
import { calendarCodeOf, calendarId } from "../../sample/calendars.sample";

const t = new AgreementsHarness();

const COVERAGE = `query ($id: ID!) { agreement(id: $id) { revision history { action changes { field from to } }
  coverage { service { id } calendar { id code timeZone } } } }`;

interface CoverageView {
  revision: number;
  history: { action: string; changes: { field: string; from: string | null; to: string | null }[] }[];
  coverage: { service: { id: string }; calendar: { id: string; code: string; timeZone: string } }[];
}

async function coverageOf(id: string): Promise<CoverageView> {
  return dataOf(await t.query(COVERAGE, { id }), "agreement");
}

const CET = calendarId("24X7-CET");

describe("the calendar of coverage", () => {
  it("measures the sample's coverage in the calendar its service hours describe", async () => {
    for (const agreement of sampleAgreements) {
      const found = await coverageOf(sampleId.agreement(agreement.number));
      const expected = agreement.coverage
        .map((c) => ({ service: { id: sampleId.service(c.serviceCode) }, code: calendarCodeOf(c.serviceHours) }))
        .sort((a, b) => a.service.id.localeCompare(b.service.id));
      expect(found.coverage.map((c) => ({ service: c.service, code: c.calendar.code }))).toEqual(expected);
    }
    const acme = await coverageOf(sampleId.agreement("SLA-2024-007"));
    expect(acme.coverage.find((c) => c.service.id === sampleId.service("WEBSHOP"))?.calendar.code).toBe(
      "24X7-SUN-MAINT-CET",
    );
  });

  it("defaults to the 24X7 calendar in UTC, and takes the one named", async () => {
    const service = t.newService();
    const draft = await t.createDraft({
      services: [coverage(t.newService()), coverage(service, { calendarId: CET })],
    });
    const found = await coverageOf(draft.id);
    const byService = new Map(found.coverage.map((c) => [c.service.id, c.calendar]));
    expect(byService.get(service)).toMatchObject({ id: CET, code: "24X7-CET", timeZone: "Europe/Berlin" });
    expect([...byService.values()].filter((c) => c.id === DEFAULT_CALENDAR.id)).toEqual([
      { id: DEFAULT_CALENDAR.id, code: "24X7", timeZone: "UTC" },
    ]);

    const added = t.newService();
    await t.ok("addAgreementService", {
      agreementId: draft.id,
      ...coverage(added, { calendarId: calendarId("BUSINESS-CET") }),
    });
    expect((await coverageOf(draft.id)).coverage.find((c) => c.service.id === added)?.calendar.code).toBe(
      "BUSINESS-CET",
    );
  });

  it("refuses an unknown calendar with INVALID_REFERENCE, writing nothing", async () => {
    const before = await t.snapshot();
    const result = await t.execute(
      "createAgreement",
      t.draftInput({ services: [coverage(t.newService(), { calendarId: "no-such-calendar" })] }),
    );
    const error = failure(result, "INVALID_REFERENCE");
    expect(error.message).toContain('ServiceCalendar "no-such-calendar" does not exist');
    expect(await t.snapshot()).toEqual(before);
    const draft = await t.createDraft();
    failure(
      await t.execute("addAgreementService", {
        agreementId: draft.id,
        ...coverage(t.newService(), { calendarId: "nope" }),
      }),
      "INVALID_REFERENCE",
    );
  });

  const SET = `mutation ($input: SetCoverageCalendarInput!) { setCoverageCalendar(input: $input) { id revision } }`;
  const setCalendar = (input: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.editor) =>
    t.server.execute(SET, { input }, identity);

  it("changes a DRAFT's coverage calendar with setCoverageCalendar, audited and revision-checked", async () => {
    const draft = await t.createDraft();
    const serviceId = draft.services[0].id;
    const input = { agreementId: draft.id, serviceId, calendarId: CET, expectedRevision: draft.revision };
    const result = await setCalendar(input);
    expect(result.errors).toBeUndefined();
    const found = await coverageOf(draft.id);
    expect(found.revision).toBe(draft.revision + 1);
    expect(found.coverage[0].calendar.code).toBe("24X7-CET");
    expect(found.history[0]).toEqual({
      action: "coverage calendar changed",
      changes: [
        { field: `coverage.${serviceId}.calendar`, from: JSON.stringify(DEFAULT_CALENDAR.id), to: JSON.stringify(CET) },
      ],
    });
    failure(await setCalendar(input), "CONFLICT");
    failure(await setCalendar({ ...input, expectedRevision: null, calendarId: "nope" }), "INVALID_REFERENCE");
    failure(await setCalendar({ ...input, expectedRevision: null, serviceId: t.newService() }), "NOT_FOUND");
    failure(await setCalendar({ ...input, expectedRevision: null }, TEST_IDENTITIES.analyst), "FORBIDDEN");
    failure(await setCalendar({ ...input, expectedRevision: null }, partnerIdentity("FINANCE")), "FORBIDDEN");
  });

  it("changes an ACTIVE agreement's calendars only by revision, which copies them", async () => {
    const service = t.newService();
    const active = await t.activeAgreement({
      services: [coverage(service, { calendarId: calendarId("EXTENDED-CET") })],
    });
    failure(
      await setCalendar({
        agreementId: active.id,
        serviceId: service,
        calendarId: CET,
        expectedRevision: active.revision,
      }),
      "CONFLICT",
    );
    const draft = await t.ok("reviseAgreement", { id: active.id, expectedRevision: active.revision });
    expect((await coverageOf(draft.id)).coverage[0].calendar.code).toBe("EXTENDED-CET");
    const changed = await setCalendar({ agreementId: draft.id, serviceId: service, calendarId: CET });
    expect(changed.errors).toBeUndefined();
    expect((await coverageOf(active.id)).coverage[0].calendar.code).toBe("EXTENDED-CET");
  });
});

describe("compliancePercent", () => {
  const TARGETS = "targets { id metric priority compliancePercent }";
  const SET_TARGET = `mutation ($input: SetTargetInput!) { setTarget(input: $input) { ${TARGETS} } }`;
  const timeTarget = (agreementId: string, serviceId: string, extra: Record<string, unknown> = {}) => ({
    agreementId,
    serviceId,
    metric: "RESPONSE_TIME",
    comparator: "AT_MOST",
    value: 15,
    unit: "MINUTES",
    priority: "P1",
    description: "95 % of P1 incidents responded to within 15 minutes.",
    ...extra,
  });

  it("is set with the target, and cleared (100 %) when a target is set again without it", async () => {
    const draft = await t.createDraft();
    const serviceId = draft.services[0].id;
    const set = await t.server.execute(
      SET_TARGET,
      { input: timeTarget(draft.id, serviceId, { compliancePercent: 95 }) },
      TEST_IDENTITIES.editor,
    );
    expect(set.errors).toBeUndefined();
    expect((set.data?.setTarget as { targets: unknown[] }).targets).toMatchObject([
      { metric: "RESPONSE_TIME", compliancePercent: 95 },
    ]);
    const again = await t.server.execute(
      SET_TARGET,
      { input: timeTarget(draft.id, serviceId) },
      TEST_IDENTITIES.editor,
    );
    expect((again.data?.setTarget as { targets: unknown[] }).targets).toMatchObject([{ compliancePercent: null }]);
  });

  it.each([
    [
      "on AVAILABILITY",
      {
        metric: "AVAILABILITY",
        comparator: "AT_LEAST",
        value: 99.5,
        unit: "PERCENT",
        priority: null,
        compliancePercent: 95,
      },
    ],
    ["of 0", { compliancePercent: 0 }],
    ["above 100", { compliancePercent: 100.5 }],
  ])("is refused %s with BAD_USER_INPUT", async (_, extra) => {
    const draft = await t.createDraft();
    const result = await t.execute("setTarget", timeTarget(draft.id, draft.services[0].id, extra));
    expect(invalidPaths(result)).toEqual(["input.compliancePercent"]);
  });

  it("is in the sample on time targets, by priority", async () => {
    const result = await t.query(
      `{ agreementByNumber(number: "SLA-2024-007") { targets { metric priority compliancePercent } } }`,
    );
    const targets = (
      result.data?.agreementByNumber as {
        targets: { metric: string; priority: string | null; compliancePercent: number | null }[];
      }
    ).targets;
    expect(targets.find((x) => x.metric === "RESPONSE_TIME" && x.priority === "P1")?.compliancePercent).toBe(95);
    expect(targets.filter((x) => x.metric === "AVAILABILITY").every((x) => x.compliancePercent === null)).toBe(true);
  });
});

describe("ServiceLevelTarget entities", () => {
  const QUERY = ENTITIES_QUERY("ServiceLevelTarget", "id metric agreement { number }");
  const targetIdOf = async (number: string) => {
    const result = await t.query(`query ($n: String!) { agreementByNumber(number: $n) { targets { id } } }`, {
      n: number,
    });
    return (result.data?.agreementByNumber as { targets: { id: string }[] }).targets[0].id;
  };

  it("resolve by id for staff, only a partner's own SLAs' targets for a partner, none for anonymous callers", async () => {
    const acme = await targetIdOf("SLA-2024-007");
    const email = await targetIdOf("SLA-2026-001");
    const representations = [acme, "no-such-target", email].map((id) => ({ __typename: "ServiceLevelTarget", id }));
    const staff = await t.query(QUERY, { representations });
    expect(dataOf(staff, "_entities")).toMatchObject([
      { id: acme, agreement: { number: "SLA-2024-007" } },
      null,
      { id: email, agreement: { number: "SLA-2026-001" } },
    ]);
    const partner = await t.server.execute(QUERY, { representations }, partnerIdentity("ACME_RETAIL"));
    expect(dataOf(partner, "_entities")).toMatchObject([{ id: acme }, null, null]);
    const anonymous = await t.server.execute(QUERY, { representations }, TEST_IDENTITIES.anonymous);
    expect(anonymous.data?._entities).toEqual([null, null, null]);
  });
});
