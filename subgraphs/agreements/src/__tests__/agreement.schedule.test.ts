import { Lease } from "@itsm/kit";
import { historyEntry } from "@itsm/kit/testing";
import type { AgreementView, Server } from "./support/agreements";
import { AgreementsHarness, day, json } from "./support/agreements";
import { TestClock } from "./support/test-clock";
import { createLifecycleScheduler, createServer } from "../server";
import type { LifecycleScheduler } from "../lifecycle/lifecycle.scheduler";
import { LIFECYCLE_LEASE } from "../lifecycle/lifecycle.scheduler";
import type { AppliedChange } from "../lifecycle/schedule.commands";

const clock = new TestClock();
const t = new AgreementsHarness({ clock });

/** A second replica of the agreements subgraph over the same database (MariaDB); the same process on SQLite. */
let replica: Server;
let schedulers: LifecycleScheduler[] = [];

beforeAll(async () => {
  // The embedded database lives in one process's memory: there, the second scheduler shares the server.
  replica = t.config.databaseUrl ? await createServer(t.config, undefined, clock) : t.server;
});
afterAll(async () => {
  if (replica !== t.server) await replica.stop();
});
beforeEach(async () => {
  clock.reset();
  // Whatever the sample has due (relative to the real today) is done before each test starts.
  const catchUp = scheduler(t.server);
  await catchUp.runOnce();
  await catchUp.stop();
});
afterEach(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  schedulers = [];
  await t.server.dataSource.getRepository(Lease).clear();
});

/** A scheduler of `server`, stopped (lease given up) after the test. */
function scheduler(server: Server, holder?: string): LifecycleScheduler {
  const made = createLifecycleScheduler(server, { intervalSeconds: 0, holder });
  schedulers.push(made);
  return made;
}

/** An ACTIVE agreement, then a revision of it starting `startsIn` days from now, activated (so SCHEDULED). */
async function scheduledRevision(startsIn: number, effectiveTo: string | null = day(365)) {
  const active = await t.activeAgreement();
  const draft = await t.ok("reviseAgreement", { id: active.id });
  const dated = await t.ok("updateAgreement", {
    id: draft.id,
    expectedRevision: draft.revision,
    effectiveFrom: day(startsIn),
    ...(effectiveTo ? { effectiveTo } : { openEnded: true }),
  });
  const scheduled = await t.ok("activateAgreement", { id: dated.id, expectedRevision: dated.revision });
  return { active, scheduled };
}

/** The changes of a run that concern these agreements (the sample has its own due dates). */
const about = (applied: AppliedChange[] | null, ...ids: string[]) =>
  applied?.filter((c) => ids.includes(c.agreementId)) ?? null;

const statusChange = (from: string, to: string) => [{ field: "status", from: json(from), to: json(to) }];

const historyOf = (agreement: AgreementView, action: string) => agreement.history.filter((h) => h.action === action);

describe("the lifecycle scheduler", () => {
  it("expires an ACTIVE agreement the day after its effectiveTo, as the actor system, once", async () => {
    const active = await t.activeAgreement({ effectiveTo: day(10) });
    const run = scheduler(t.server);
    clock.advanceDays(10);
    expect(about(await run.runOnce(), active.id)).toEqual([]);
    expect((await t.read(active.id)).status).toBe("ACTIVE");

    clock.advanceDays(1);
    expect(about(await run.runOnce(), active.id)).toEqual([
      { kind: "EXPIRE", agreementId: active.id, on: day(11), number: active.number, version: 1 },
    ]);
    const expired = await t.read(active.id);
    expect(expired).toMatchObject({ status: "EXPIRED", revision: active.revision + 1 });
    expect(expired.history[0]).toEqual(
      historyEntry("expired", active.revision + 1, { status: ["ACTIVE", "EXPIRED"] }, "system"),
    );
    expect(about(await run.runOnce(), active.id)).toEqual([]);
    expect(historyOf(await t.read(active.id), "expired")).toHaveLength(1);
  });

  it("schedules a revision with a future effectiveFrom: both readable, the old one in force until that day", async () => {
    const { active, scheduled } = await scheduledRevision(30);
    expect(scheduled).toMatchObject({ status: "SCHEDULED", version: 2, supersedes: { id: active.id } });
    expect(scheduled.history[0]).toMatchObject({ actor: "test-editor", action: "scheduled" });
    expect(scheduled.history[0].changes).toEqual(statusChange("DRAFT", "SCHEDULED"));
    const byNumber = `query ($n: String!) { agreementByNumber(number: $n) { id status } }`;
    expect((await t.query(byNumber, { n: active.number })).data?.agreementByNumber).toEqual({
      id: active.id,
      status: "ACTIVE",
    });
    // No third version while one is scheduled.
    const refused = await t.execute("reviseAgreement", { id: active.id });
    expect(refused.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(refused.errors?.[0].message).toBe(
      `Agreement ${active.number} already has version 2 scheduled from ${day(30)}`,
    );

    const run = scheduler(t.server);
    clock.advanceDays(29);
    expect(about(await run.runOnce(), active.id, scheduled.id)).toEqual([]);
    expect((await t.read(active.id)).status).toBe("ACTIVE");

    clock.advanceDays(1);
    expect(about(await run.runOnce(), active.id, scheduled.id)).toEqual([
      { kind: "START", agreementId: scheduled.id, on: day(30), number: active.number, version: 2 },
    ]);
    const [previous, current] = [await t.read(active.id), await t.read(scheduled.id)];
    expect(current).toMatchObject({ status: "ACTIVE" });
    expect(current.history[0]).toMatchObject({ actor: "system", action: "in force" });
    expect(current.history[0].changes).toEqual(statusChange("SCHEDULED", "ACTIVE"));
    expect(previous).toMatchObject({ status: "TERMINATED" });
    expect(previous.history[0]).toMatchObject({ actor: "system", action: "superseded by version 2" });
    expect((await t.query(byNumber, { n: active.number })).data?.agreementByNumber).toEqual({
      id: scheduled.id,
      status: "ACTIVE",
    });
  });

  it("activates a first version with a future effectiveFrom as ACTIVE at once: it overlaps no other version", async () => {
    const draft = await t.completeDraft({ effectiveFrom: day(3) });
    expect((await t.ok("activateAgreement", { id: draft.id })).status).toBe("ACTIVE");
    clock.advanceDays(3);
    await scheduler(t.server).runOnce();
    expect(historyOf(await t.read(draft.id), "in force")).toEqual([]);
  });

  it("catches up after downtime: everything due since, in the order it fell due", async () => {
    const ending = await t.activeAgreement({ effectiveTo: day(5) });
    // Starts on day 20 and ends on day 40: both happened while nothing ran.
    const { active, scheduled } = await scheduledRevision(20, day(40));
    clock.advanceDays(100);
    const applied = await scheduler(t.server).runOnce();
    expect(applied?.filter((c) => [ending.id, scheduled.id].includes(c.agreementId))).toEqual([
      { kind: "EXPIRE", agreementId: ending.id, on: day(6), number: ending.number, version: 1 },
      { kind: "START", agreementId: scheduled.id, on: day(20), number: scheduled.number, version: 2 },
      { kind: "EXPIRE", agreementId: scheduled.id, on: day(41), number: scheduled.number, version: 2 },
    ]);
    expect((await t.read(ending.id)).status).toBe("EXPIRED");
    expect((await t.read(active.id)).status).toBe("TERMINATED");
    const ended = await t.read(scheduled.id);
    expect(ended.status).toBe("EXPIRED");
    expect(ended.history.slice(0, 2).map((h) => [h.actor, h.action])).toEqual([
      ["system", "expired"],
      ["system", "in force"],
    ]);
  });

  it("runs on one replica at a time: two schedulers at once make each change exactly once", async () => {
    const agreements = await Promise.all([1, 2, 3].map((n) => t.activeAgreement({ effectiveTo: day(n) })));
    const { scheduled } = await scheduledRevision(2);
    const [a, b] = [scheduler(t.server, "replica-a"), scheduler(replica, "replica-b")];
    clock.advanceDays(5);
    const runs = await Promise.all([a.runOnce(), b.runOnce()]);
    // One replica took the lease and acted; the other stood aside.
    expect(runs.filter((r) => r === null)).toHaveLength(1);
    const made = runs.flatMap((r) => r ?? []).map((c) => `${c.kind} ${c.agreementId}`);
    const expected = [...agreements.map((x) => `EXPIRE ${x.id}`), `START ${scheduled.id}`];
    expect(made.filter((m) => expected.includes(m)).sort()).toEqual(expected.sort());
    for (const agreement of agreements) expect(historyOf(await t.read(agreement.id), "expired")).toHaveLength(1);
    expect(historyOf(await t.read(scheduled.id), "in force")).toHaveLength(1);
    // The holder keeps the lease; the other replica acts only once it has expired.
    const holder = runs[0] === null ? b : a;
    const other = holder === a ? b : a;
    expect(await other.runOnce()).toBeNull();
    expect(await holder.runOnce()).not.toBeNull();
    clock.advanceDays(1);
    expect(await other.runOnce()).not.toBeNull();
    expect(await holder.runOnce()).toBeNull();
  });

  it("makes each change once even when two runs overlap without the lease (a run longer than the lease)", async () => {
    const agreements = await Promise.all([1, 2, 3, 4].map((n) => t.activeAgreement({ effectiveTo: day(n) })));
    clock.advanceDays(10);
    const [a, b] = [t.server, replica].map((s) => s.createContext().commands.schedule);
    const runs = await Promise.all([a.runDue(), b.runDue()]);
    const made = runs.flat().filter((c) => agreements.some((x) => x.id === c.agreementId));
    expect(made.map((c) => c.agreementId).sort()).toEqual(agreements.map((x) => x.id).sort());
    for (const agreement of agreements) expect(historyOf(await t.read(agreement.id), "expired")).toHaveLength(1);
  });

  it("gives the lease up when stopped, so another replica takes over at once", async () => {
    const [a, b] = [scheduler(t.server, "replica-a"), scheduler(replica, "replica-b")];
    expect(await a.runOnce()).not.toBeNull();
    expect(await b.runOnce()).toBeNull();
    await a.stop();
    expect(await b.runOnce()).not.toBeNull();
    const [lease] = await t.server.dataSource.getRepository(Lease).findBy({ name: LIFECYCLE_LEASE });
    expect(lease).toMatchObject({ holder: "replica-b", acquisitions: 3 });
  });
});
