import { Lease } from "@itsm/kit";
import { historyEntry, TEST_IDENTITIES } from "@itsm/kit/testing";
import type { AgreementView, Result } from "./support/agreements";
import { AGREEMENT, AgreementsHarness, agreementOf, day, failure, invalidPaths, json } from "./support/agreements";
import { TestClock } from "./support/test-clock";
import { createLifecycleScheduler } from "../server";

const clock = new TestClock();
const t = new AgreementsHarness({ clock });

const RENEWAL = `renewal renewalTermMonths noticePeriodDays reviewDue noticeGivenOn noticeDeadline`;
type Renewable = AgreementView & {
  renewal: string;
  renewalTermMonths: number | null;
  noticePeriodDays: number | null;
  reviewDue: string | null;
  noticeGivenOn: string | null;
  noticeDeadline: string | null;
};

const mutation = (name: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${AGREEMENT} ${RENEWAL} } }`;
const M = {
  setRenewalTerms: mutation("setRenewalTerms", "SetRenewalTermsInput"),
  setReviewDue: mutation("setReviewDue", "SetReviewDueInput"),
  giveNotice: mutation("giveNotice", "GiveNoticeInput"),
};

function run(name: keyof typeof M, input: Record<string, unknown>): Promise<Result> {
  return t.server.execute(M[name], { input }, TEST_IDENTITIES.editor);
}
async function ok(name: keyof typeof M, input: Record<string, unknown>): Promise<Renewable> {
  return agreementOf(await run(name, input), name) as Renewable;
}
async function read(id: string): Promise<Renewable> {
  const result = await t.query(`query ($id: ID!) { agreement(id: $id) { ${AGREEMENT} ${RENEWAL} } }`, { id });
  return agreementOf(result, "agreement") as Renewable;
}

/** The input of notice on `agreement`, at the revision read. */
const notice = (agreement: AgreementView, reason: string) => ({
  id: agreement.id,
  expectedRevision: agreement.revision,
  reason,
});

/** One run of the lifecycle scheduler at the clock's now. */
async function runScheduler() {
  const scheduler = createLifecycleScheduler(t.server, { intervalSeconds: 0 });
  const applied = await scheduler.runOnce();
  await scheduler.stop();
  return applied ?? [];
}

/** An ACTIVE SLA ending in `endsIn` days that renews tacitly for `term` months with `notice` days' notice. */
async function tacit(endsIn: number, term = 12, notice = 30): Promise<Renewable> {
  const draft = await t.completeDraft({ effectiveTo: day(endsIn) });
  const terms = { renewal: "TACIT", renewalTermMonths: term, noticePeriodDays: notice };
  const set = await ok("setRenewalTerms", { id: draft.id, expectedRevision: draft.revision, ...terms });
  await t.ok("activateAgreement", { id: set.id, expectedRevision: set.revision });
  return read(draft.id);
}

beforeEach(async () => {
  clock.reset();
  await runScheduler();
  await t.server.dataSource.getRepository(Lease).clear();
});

describe("setRenewalTerms", () => {
  it("sets the terms of a DRAFT, records them, and shows the notice deadline", async () => {
    const draft = await t.createDraft({ effectiveTo: day(365) });
    const set = await ok("setRenewalTerms", {
      id: draft.id,
      expectedRevision: draft.revision,
      renewal: "TACIT",
      renewalTermMonths: 12,
      noticePeriodDays: 60,
    });
    expect(set).toMatchObject({
      renewal: "TACIT",
      renewalTermMonths: 12,
      noticePeriodDays: 60,
      noticeDeadline: day(305),
      revision: draft.revision + 1,
    });
    expect(set.history[0]).toEqual(
      historyEntry("renewal terms set", draft.revision + 1, {
        renewal: ["NONE", "TACIT"],
        renewalTermMonths: [null, 12],
        noticePeriodDays: [null, 60],
      }),
    );
    // A revision keeps the terms.
    const active = await t.completeDraft({ effectiveTo: day(365) });
    await ok("setRenewalTerms", { id: active.id, renewal: "EXPRESS", renewalTermMonths: 24 });
    await t.ok("activateAgreement", { id: active.id });
    const revision = await t.ok("reviseAgreement", { id: active.id });
    expect(await read(revision.id)).toMatchObject({ renewal: "EXPRESS", renewalTermMonths: 24 });
  });

  it("refuses inconsistent terms, naming each field, and writes nothing", async () => {
    const draft = await t.createDraft({ effectiveTo: day(365) });
    const openEnded = await t.createDraft({ effectiveTo: null });
    const before = await t.snapshot();
    expect(invalidPaths(await run("setRenewalTerms", { id: draft.id, renewal: "TACIT" }))).toEqual([
      "input.renewalTermMonths",
    ]);
    expect(
      invalidPaths(
        await run("setRenewalTerms", { id: draft.id, renewal: "TACIT", renewalTermMonths: 1, noticePeriodDays: 28 }),
      ),
    ).toEqual(["input.noticePeriodDays"]);
    expect(
      invalidPaths(await run("setRenewalTerms", { id: draft.id, renewal: "NONE", renewalTermMonths: 12 })),
    ).toEqual(["input.renewalTermMonths"]);
    expect(
      invalidPaths(await run("setRenewalTerms", { id: draft.id, renewal: "TACIT", renewalTermMonths: 0 })),
    ).toEqual(["input.renewalTermMonths"]);
    expect(
      invalidPaths(await run("setRenewalTerms", { id: openEnded.id, renewal: "TACIT", renewalTermMonths: 12 })),
    ).toEqual(["input.renewal"]);
    expect(await t.snapshot()).toEqual(before);
  });

  it("changes no ACTIVE agreement's terms (a new version does), but sets its review date", async () => {
    const active = await t.activeAgreement();
    failure(await run("setRenewalTerms", { id: active.id, renewal: "EXPRESS" }), "CONFLICT");
    const reviewed = await ok("setReviewDue", { id: active.id, expectedRevision: active.revision, reviewDue: day(90) });
    expect(reviewed).toMatchObject({ reviewDue: day(90), revision: active.revision + 1 });
    expect(reviewed.history[0]).toMatchObject({
      action: "review scheduled",
      changes: [{ field: "reviewDue", from: null, to: json(day(90)) }],
    });
  });
});

describe("tacit renewal on schedule", () => {
  it("moves effectiveTo by the term the day after the notice deadline passed without notice", async () => {
    const agreement = await tacit(40, 12, 30);
    expect(agreement.noticeDeadline).toBe(day(10));
    clock.advanceDays(10);
    await runScheduler();
    expect((await read(agreement.id)).effectiveTo).toBe(day(40));

    clock.advanceDays(1);
    const applied = await runScheduler();
    expect(applied.filter((c) => c.agreementId === agreement.id)).toEqual([
      { kind: "RENEW", agreementId: agreement.id, on: day(11), number: agreement.number, version: 1 },
    ]);
    const renewed = await read(agreement.id);
    const next = addMonths(day(40), 12);
    expect(renewed).toMatchObject({ status: "ACTIVE", effectiveTo: next, revision: agreement.revision + 1 });
    expect(renewed.history[0]).toEqual(
      historyEntry("renewed tacitly", agreement.revision + 1, { effectiveTo: [day(40), next] }, "system"),
    );
    // Past the old end date it is still ACTIVE.
    clock.advanceDays(60);
    await runScheduler();
    expect((await read(agreement.id)).status).toBe("ACTIVE");
  });

  it("catches up every term that renewed while nothing ran", async () => {
    const agreement = await tacit(20, 1, 5);
    clock.advanceDays(100);
    await runScheduler();
    const renewed = await read(agreement.id);
    const renewals = renewed.history.filter((h) => h.action === "renewed tacitly");
    // The end date moves a month at a time until its notice deadline is today or later.
    expect(renewals.length).toBeGreaterThanOrEqual(3);
    expect(renewed.noticeDeadline! >= day(100)).toBe(true);
    expect(renewed.status).toBe("ACTIVE");
  });

  it("expires instead once notice is given by the deadline", async () => {
    const agreement = await tacit(40, 12, 30);
    clock.advanceDays(10);
    const noticed = await ok("giveNotice", notice(agreement, "Moving to a new supplier."));
    expect(noticed).toMatchObject({ noticeGivenOn: day(10), status: "ACTIVE" });
    expect(noticed.history[0]).toMatchObject({
      actor: "test-editor",
      action: "notice given",
      changes: [
        { field: "noticeGivenOn", from: null, to: json(day(10)) },
        { field: "noticeReason", from: null, to: json("Moving to a new supplier.") },
      ],
    });
    const again = await run("giveNotice", notice(noticed, "Twice."));
    expect(failure(again, "CONFLICT").message).toBe(`Notice on ${agreement.number} was already given on ${day(10)}`);
    clock.advanceDays(31);
    await runScheduler();
    const expired = await read(agreement.id);
    expect(expired).toMatchObject({ status: "EXPIRED", effectiveTo: day(40) });
    expect(expired.history[0]).toMatchObject({ actor: "system", action: "expired" });
  });

  it("refuses notice after the deadline, and on agreements that do not renew tacitly", async () => {
    const agreement = await tacit(40, 12, 30);
    clock.advanceDays(11);
    const late = await run("giveNotice", notice(agreement, "Too late."));
    expect(failure(late, "CONFLICT").message).toBe(
      `The last day to give notice on ${agreement.number} was ${day(10)}: it renews until ${day(40)}`,
    );
    const plain = await t.activeAgreement();
    const refused = await run("giveNotice", notice(plain, "Nothing to stop."));
    failure(refused, "CONFLICT");
  });
});

function addMonths(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}
