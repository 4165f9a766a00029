import type { Identity } from "@itsm/kit";
import { createLogger, Lease } from "@itsm/kit";
import { dataOf, TEST_IDENTITIES } from "@itsm/kit/testing";
import { AgreementsHarness, failHistoryWrites, failure } from "../../__tests__/support/agreements";
import { TestClock } from "../../__tests__/support/test-clock";
import { createLifecycleScheduler, createServer, createWebhookWorker } from "../../server";
import { day } from "../../__tests__/support/agreements";
import { EntityManager } from "typeorm";
import { AlertRaising } from "../../alerts/alert-raising.commands";
import { RaisedAlertRecord } from "../../alerts/raised-alert.entity";
import { SYSTEM } from "../../lifecycle/schedule.commands";
import { ALL_AGREEMENTS } from "../../scope/agreement.scope";
import { WebhookDelivery } from "../webhook-delivery.entity";
import { WebhookEvent } from "../webhook-event.entity";
import { WebhookEventType } from "../webhook.enums";
import type { WebhookPayload } from "../webhook.outbox";
import { RETRY_WINDOW_MS } from "../webhook.rules";
import { verifySignature } from "../webhook.signing";
import type { Lookup, WebhookDeliveryWorker } from "../webhook.worker";

const clock = new TestClock();
// Deliveries go to a public-looking host that the injected resolver and fetch stand in for.
const t = new AgreementsHarness({
  clock,
  webhooks: { deliveryIntervalSeconds: 0, timeoutMs: 2_000, allowPrivateNetworks: false, retentionDays: 30 },
});
const quiet = { caller: SYSTEM, onMissing: () => undefined };
const SECRET = "whsec-test-0123456789abcdef";
const PUBLIC: Lookup = () => Promise.resolve(["93.184.216.34"]);

/** One POST the fake receiver got. */
interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A receiver behind an injected fetch: records each POST and answers with the next status given (200 by default). */
function receiver(statuses: (number | Error)[] = []) {
  const received: Received[] = [];
  const post = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    received.push({
      url: String(url),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: String(init?.body),
    });
    const next = statuses.shift() ?? 200;
    if (next instanceof Error) throw next;
    return new Response(null, { status: next });
  }) as unknown as typeof globalThis.fetch;
  return { received, fetch: post };
}

let workers: WebhookDeliveryWorker[] = [];
function worker(fetch: typeof globalThis.fetch, options: { lookup?: Lookup; server?: typeof t.server } = {}) {
  const made = createWebhookWorker(
    options.server ?? t.server,
    { deliveryIntervalSeconds: 0, timeoutMs: 2_000, allowPrivateNetworks: false, retentionDays: 30 },
    { fetch, lookup: options.lookup ?? PUBLIC, random: () => 0.5 },
  );
  workers.push(made);
  return made;
}

const WEBHOOK = "id url events version createdAt updatedAt backlog";
const DELIVERIES = "deliveries { eventId eventType attempt at httpStatus error durationMs outcome nextRetryAt }";

async function createWebhook(input: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.admin) {
  return t.server.execute(
    `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { ${WEBHOOK} } }`,
    { input },
    identity,
  );
}

async function webhook(
  events = ["AGREEMENT_TERMINATED", "AGREEMENT_ACTIVATED"],
  url = "https://hooks.example.com/itsm",
) {
  return dataOf<{ id: string; version: number }>(await createWebhook({ url, events, secret: SECRET }), "createWebhook");
}

async function deliveriesOf(id: string) {
  const result = await t.server.execute(
    `{ webhooks(first: 100) { nodes { ${WEBHOOK} ${DELIVERIES} } } }`,
    {},
    TEST_IDENTITIES.admin,
  );
  const { nodes } = dataOf<{ nodes: { id: string; backlog: number; deliveries: Record<string, unknown>[] }[] }>(
    result,
    "webhooks",
  );
  return nodes.find((n) => n.id === id)!;
}

async function terminate(reason = "Ended by the webhook test") {
  const active = await t.activeAgreement();
  const terminated = await t.ok("terminateAgreement", { id: active.id, expectedRevision: active.revision, reason });
  // Events are stamped with the real time; the test clock stands still, so it is brought up to now.
  clock.reset();
  return { active, terminated };
}

beforeEach(() => clock.reset());
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
  // Every test starts with no webhook: earlier ones would be sent this test's events.
  for (const hook of (
    (await t.server.execute("{ webhooks(first: 100) { nodes { id } } }", {}, TEST_IDENTITIES.admin)).data!.webhooks as {
      nodes: { id: string }[];
    }
  ).nodes) {
    await t.server.execute(
      "mutation ($id: ID!) { deleteWebhook(input: { id: $id }) { id } }",
      { id: hook.id },
      TEST_IDENTITIES.admin,
    );
  }
  await t.server.dataSource.getRepository(Lease).clear();
});

describe("registering webhooks", () => {
  it("is for admins only, and the secret is never returned", async () => {
    const refused = await createWebhook(
      { url: "https://hooks.example.com/a", events: ["AGREEMENT_EXPIRED"], secret: SECRET },
      TEST_IDENTITIES.editor,
    );
    expect(failure(refused, "FORBIDDEN").message).toMatch(/Mutation.createWebhook/);
    const list = await t.server.execute("{ webhooks { totalCount } }", {}, TEST_IDENTITIES.analyst);
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const created = await webhook(["AGREEMENT_EXPIRED"]);
    expect(created).toMatchObject({ version: 1, events: ["AGREEMENT_EXPIRED"], backlog: 0 });
    const secretField = await t.server.execute("{ webhooks { nodes { secret } } }", {}, TEST_IDENTITIES.admin);
    expect(secretField.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);
    expect(JSON.stringify(await deliveriesOf(created.id))).not.toContain(SECRET);
  });

  it("refuses bad URLs, private addresses, short secrets and empty event lists with BAD_USER_INPUT", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: "ftp://hooks.example.com/" }, "only http and https URLs are allowed (got ftp)"],
      [{ url: "not a url" }, "it is not an absolute URL"],
      [{ url: "http://169.254.169.254/latest/meta-data" }, "169.254.169.254 is a loopback, private or link-local"],
      [{ url: "http://localhost:4003/graphql" }, "localhost is a loopback, private or link-local"],
    ];
    for (const [input, message] of cases) {
      const result = await createWebhook({
        url: "https://x.example/",
        events: ["AGREEMENT_EXPIRED"],
        secret: SECRET,
        ...input,
      });
      const error = failure(result, "BAD_USER_INPUT");
      expect(error.message).toContain(message);
      expect(error.extensions?.fields).toEqual([{ path: "input.url", messages: [expect.stringContaining(message)] }]);
    }
    const weak = await createWebhook({ url: "https://x.example/", events: [], secret: "short" });
    expect(failure(weak, "BAD_USER_INPUT").extensions?.fields).toEqual([
      { path: "input.events", messages: [expect.any(String)] },
      { path: "input.secret", messages: [expect.any(String)] },
    ]);
    expect((await deliveriesOf("none")) ?? null).toBeNull();
  });

  it("changes URL, events and secret (version-checked, audited without the secret) and deletes", async () => {
    const created = await webhook(["AGREEMENT_EXPIRED"]);
    const updated = await t.server.execute(
      `mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { ${WEBHOOK} } }`,
      {
        input: {
          id: created.id,
          expectedVersion: 1,
          events: ["AGREEMENT_RENEWED", "AGREEMENT_EXPIRED"],
          secret: "another-secret-0123456789",
        },
      },
      TEST_IDENTITIES.admin,
    );
    expect(dataOf(updated, "updateWebhook")).toMatchObject({
      version: 2,
      events: ["AGREEMENT_EXPIRED", "AGREEMENT_RENEWED"],
    });
    const stale = await t.server.execute(
      "mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }",
      { input: { id: created.id, expectedVersion: 1, url: "https://elsewhere.example/" } },
      TEST_IDENTITIES.admin,
    );
    expect(failure(stale, "CONFLICT").message).toMatch(/has changed since version 1/);
    const history = await t.server.dataSource.query("SELECT action, changeList FROM history WHERE entityId = ?", [
      created.id,
    ]);
    expect(JSON.stringify(history)).not.toContain("another-secret");
    expect(history.map((h: { action: string }) => h.action).sort()).toEqual(["created", "secret rotated", "updated"]);

    const deleted = await t.server.execute(
      "mutation ($id: ID!) { deleteWebhook(input: { id: $id }) { id } }",
      { id: created.id },
      TEST_IDENTITIES.admin,
    );
    expect(deleted.errors).toBeUndefined();
    const again = await t.server.execute(
      "mutation ($id: ID!) { deleteWebhook(input: { id: $id }) { id } }",
      { id: created.id },
      TEST_IDENTITIES.admin,
    );
    failure(again, "NOT_FOUND");
  });
});

describe("the outbox", () => {
  it("records a status change's event in the change's transaction, queued for subscribed webhooks only", async () => {
    const terminatedHook = await webhook(["AGREEMENT_TERMINATED"]);
    const expiredHook = await webhook(["AGREEMENT_EXPIRED"]);
    const { terminated } = await terminate();
    const events = await t.server.dataSource.getRepository(WebhookEvent).findBy({ agreementId: terminated.id });
    // Activation, then termination: each change its event, whoever subscribes.
    expect(events.map((e) => e.type).sort()).toEqual(["AGREEMENT_ACTIVATED", "AGREEMENT_TERMINATED"]);
    const event = events.find((e) => e.type === "AGREEMENT_TERMINATED")!;
    expect(JSON.parse(event.payload)).toEqual({
      id: event.id,
      type: "AGREEMENT_TERMINATED",
      occurredAt: event.occurredAt.toISOString(),
      agreement: {
        id: terminated.id,
        number: terminated.number,
        version: 1,
        type: "SLA",
        status: "TERMINATED",
        effectiveFrom: terminated.effectiveFrom,
        effectiveTo: terminated.effectiveTo,
      },
      change: { action: "terminated: Ended by the webhook test", actor: "test-editor", previousStatus: "ACTIVE" },
    });
    const queued = await t.server.dataSource.getRepository(WebhookDelivery).findBy({ eventId: event.id });
    expect(queued.map((d) => [d.webhookId, d.status, d.attempts])).toEqual([[terminatedHook.id, "PENDING", 0]]);
    expect((await deliveriesOf(terminatedHook.id)).backlog).toBe(1);
    expect((await deliveriesOf(expiredHook.id)).backlog).toBe(0);
  });

  it("writes nothing when the change fails (no event without its change)", async () => {
    await webhook(["AGREEMENT_TERMINATED"]);
    const active = await t.activeAgreement();
    const before = await t.snapshot();
    const failing = failHistoryWrites();
    try {
      const result = await t.execute("terminateAgreement", {
        id: active.id,
        expectedRevision: active.revision,
        reason: "This change fails",
      });
      expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      failing.mockRestore();
    }
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("alerts raised", () => {
  it("are events once per alert and due date: the lifecycle scheduler raises what it sees for the first time", async () => {
    const hook = await webhook(["ALERT_RAISED"]);
    const expiring = await t.activeAgreement({ effectiveTo: day(30) });
    const scheduler = createLifecycleScheduler(t.server, { intervalSeconds: 0 });
    try {
      await scheduler.runOnce();
      await scheduler.runOnce();
    } finally {
      await scheduler.stop();
    }
    const events = await t.server.dataSource
      .getRepository(WebhookEvent)
      .findBy({ agreementId: expiring.id, type: WebhookEventType.ALERT_RAISED });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].payload)).toMatchObject({
      type: "ALERT_RAISED",
      agreement: { id: expiring.id, number: expiring.number, status: "ACTIVE" },
      alert: { kind: "EXPIRING", dueOn: day(30), message: `${expiring.number} expires after ${day(30)}` },
    });
    const queued = await t.server.dataSource.getRepository(WebhookDelivery).findBy({ eventId: events[0].id });
    expect(queued.map((d) => d.webhookId)).toEqual([hook.id]);
  });
  it("are recorded a batch per transaction, and a batch that meets one raised meanwhile still raises the others once", async () => {
    const hook = await webhook(["ALERT_RAISED"]);
    const expiring: Awaited<ReturnType<typeof t.activeAgreement>>[] = [];
    for (let i = 0; i < 5; i++) expiring.push(await t.activeAgreement({ effectiveTo: day(20 + i) }));
    const { transactor, alerts } = t.server.createContext(SYSTEM);
    const raising = new AlertRaising(transactor, alerts, createLogger("agreements", "silent"), 2);
    const transactions = jest.spyOn(transactor, "run");
    const first = await raising.raiseNew();
    expect(first.filter((a) => expiring.some((e) => e.id === a.agreementId))).toHaveLength(5);
    expect(transactions).toHaveBeenCalledTimes(Math.ceil((await alerts.due(null, ALL_AGREEMENTS, quiet)).length / 2));
    // Another replica raises between this replica's check and its insert: its check misses those rows.
    const late = await t.activeAgreement({ effectiveTo: day(40) });
    const find = EntityManager.prototype.find;
    const missesRaised = jest.spyOn(EntityManager.prototype, "find").mockImplementation(function (
      this: EntityManager,
      entity: unknown,
      options?: unknown,
    ) {
      if (entity === RaisedAlertRecord) return Promise.resolve([]);
      return find.call(this, entity as never, options as never);
    });
    let second;
    try {
      second = await raising.raiseNew();
    } finally {
      missesRaised.mockRestore();
      transactions.mockRestore();
    }
    expect(second.map((a) => a.agreementId)).toEqual([late.id]);
    for (const agreement of [...expiring, late]) {
      const events = await t.server.dataSource
        .getRepository(WebhookEvent)
        .findBy({ agreementId: agreement.id, type: WebhookEventType.ALERT_RAISED });
      expect(events).toHaveLength(1);
      const queued = await t.server.dataSource.getRepository(WebhookDelivery).findBy({ eventId: events[0].id });
      expect(queued.map((d) => d.webhookId)).toEqual([hook.id]);
    }
    expect(await raising.raiseNew()).toEqual([]);
  });
});

describe("the delivery worker", () => {
  it("POSTs the event signed, once: a 2xx is never sent again", async () => {
    const hook = await webhook();
    const { terminated } = await terminate();
    const { received, fetch } = receiver();
    const run = worker(fetch);
    const results = await run.runOnce();
    expect(results?.map((r) => r.outcome)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(received).toHaveLength(2);
    // Deliveries run side by side: they may arrive in any order (the README says so).
    const posts = received.map((r) => ({ ...r, payload: JSON.parse(r.body) as WebhookPayload }));
    const activation = posts.find((p) => p.payload.type === "AGREEMENT_ACTIVATED")!;
    const termination = posts.find((p) => p.payload.type === "AGREEMENT_TERMINATED")!;
    expect(activation.payload).toMatchObject({ type: "AGREEMENT_ACTIVATED", agreement: { id: terminated.id } });
    expect(termination.payload).toMatchObject({ type: "AGREEMENT_TERMINATED", agreement: { status: "TERMINATED" } });
    expect(termination.url).toBe("https://hooks.example.com/itsm");
    expect(termination.headers).toMatchObject({
      "content-type": "application/json",
      "x-itsm-event-id": termination.payload.id,
      "x-itsm-event-type": "AGREEMENT_TERMINATED",
      "x-itsm-delivery-attempt": "1",
    });
    const now = Math.floor(clock.now().getTime() / 1000);
    for (const r of [activation, termination]) {
      expect(
        verifySignature(
          SECRET,
          { signature: r.headers["x-itsm-signature"], timestamp: r.headers["x-itsm-timestamp"] },
          r.body,
          now,
        ),
      ).toBe(true);
    }
    // Nothing is due any more: later runs send nothing.
    clock.advanceDays(2);
    expect(await run.runOnce()).toEqual([]);
    expect(received).toHaveLength(2);
    const seen = await deliveriesOf(hook.id);
    expect(seen.backlog).toBe(0);
    expect(seen.deliveries).toEqual(
      expect.arrayContaining([
        {
          eventId: termination.payload.id,
          eventType: "AGREEMENT_TERMINATED",
          attempt: 1,
          at: expect.any(String),
          httpStatus: 200,
          error: null,
          durationMs: expect.any(Number),
          outcome: "DELIVERED",
          nextRetryAt: null,
        },
      ]),
    );
  });

  it("retries failures with backoff, then delivers; every attempt is visible", async () => {
    const hook = await webhook(["AGREEMENT_TERMINATED"]);
    await terminate();
    const { received, fetch } = receiver([503, new TypeError("fetch failed"), 204]);
    const run = worker(fetch);
    expect((await run.runOnce())?.map((r) => [r.outcome, r.httpStatus])).toEqual([["RETRYING", 503]]);
    // Not due before its backoff (30 s × jitter 0.75 = 22.5 s) has passed.
    clock.advanceDays(20 / 86_400);
    expect(await run.runOnce()).toEqual([]);
    clock.advanceDays(3 / 86_400);
    expect((await run.runOnce())?.map((r) => [r.outcome, r.error])).toEqual([["RETRYING", "fetch failed"]]);
    clock.advanceDays(1 / 24);
    expect((await run.runOnce())?.map((r) => [r.outcome, r.httpStatus])).toEqual([["DELIVERED", 204]]);
    expect(received.map((r) => r.headers["x-itsm-delivery-attempt"])).toEqual(["1", "2", "3"]);
    // The same event, byte for byte: the receiver deduplicates by its id.
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    const { deliveries } = await deliveriesOf(hook.id);
    expect(deliveries.map((d) => [d.attempt, d.outcome, d.httpStatus, d.error])).toEqual([
      [3, "DELIVERED", 204, null],
      [2, "RETRYING", null, "fetch failed"],
      [1, "RETRYING", 503, null],
    ]);
    expect(deliveries[2].nextRetryAt).not.toBeNull();
  });

  it("gives up after retrying for 24 hours (FAILED, visible)", async () => {
    const hook = await webhook(["AGREEMENT_TERMINATED"]);
    await terminate();
    const { received, fetch } = receiver(Array.from({ length: 100 }, () => 500));
    const run = worker(fetch);
    const start = clock.now().getTime();
    let last: string | undefined;
    for (let i = 0; i < 100 && last !== "FAILED"; i++) {
      last = (await run.runOnce())?.[0]?.outcome ?? last;
      clock.advanceDays(1 / 24);
    }
    expect(last).toBe("FAILED");
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    const attempts = received.length;
    clock.advanceDays(3);
    expect(await run.runOnce()).toEqual([]);
    expect(received).toHaveLength(attempts);
    const seen = await deliveriesOf(hook.id);
    expect(seen.backlog).toBe(0);
    expect(seen.deliveries[0]).toMatchObject({
      attempt: attempts,
      outcome: "FAILED",
      httpStatus: 500,
      nextRetryAt: null,
    });
  });

  it("refuses a receiver whose name resolves to a private address (no request is sent)", async () => {
    const hook = await webhook(["AGREEMENT_TERMINATED"]);
    await terminate();
    const { received, fetch } = receiver();
    const results = await worker(fetch, { lookup: () => Promise.resolve(["10.0.0.5"]) }).runOnce();
    expect(results?.map((r) => [r.outcome, r.error])).toEqual([
      ["RETRYING", "refused: hooks.example.com resolves to a private address (10.0.0.5)"],
    ]);
    expect(received).toHaveLength(0);
    expect((await deliveriesOf(hook.id)).backlog).toBe(1);
  });

  it("with two replicas delivering at once, sends each event once", async () => {
    await webhook(["AGREEMENT_TERMINATED", "AGREEMENT_ACTIVATED"]);
    for (let i = 0; i < 3; i++) await terminate();
    const replica = t.config.databaseUrl ? await createServer(t.config, undefined, clock) : t.server;
    const { received, fetch } = receiver();
    const [a, b] = [worker(fetch), worker(fetch, { server: replica })];
    try {
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      // One of them holds the lease and delivers; the other stands by (null).
      expect([ra, rb].filter((r) => r === null)).toHaveLength(1);
      expect(received).toHaveLength(6);
      expect(new Set(received.map((r) => r.headers["x-itsm-event-id"])).size).toBe(6);
      expect(await Promise.all([a.runOnce(), b.runOnce()])).not.toContainEqual(
        expect.arrayContaining([expect.anything()]),
      );
      expect(received).toHaveLength(6);
    } finally {
      await b.stop();
      if (replica !== t.server) await replica.stop();
    }
  });
});
