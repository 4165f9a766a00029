import { newId } from "@itsm/kit";
import { AgreementsHarness } from "../../__tests__/support/agreements";
import { TestClock } from "../../__tests__/support/test-clock";
import { SYSTEM } from "../../lifecycle/schedule.commands";
import { createWebhookWorker } from "../../server";
import { WebhookAttempt } from "../webhook-attempt.entity";
import { WebhookDelivery } from "../webhook-delivery.entity";
import { WebhookEvent } from "../webhook-event.entity";
import { WebhookAttemptOutcome, WebhookDeliveryStatus, WebhookEventType } from "../webhook.enums";
import { pruneWebhookHistory } from "../webhook.retention";

const clock = new TestClock();
const t = new AgreementsHarness({ clock });
const DAY = 86_400_000;
const HOOK = newId();

/** An outbox event `daysAgo` old, queued for one webhook with the deliveries' status given (none: no subscriber). */
async function event(daysAgo: number, status?: WebhookDeliveryStatus): Promise<string> {
  const manager = t.server.dataSource.manager;
  const occurredAt = new Date(clock.now().getTime() - daysAgo * DAY);
  const id = newId();
  await manager.insert(WebhookEvent, {
    id,
    type: WebhookEventType.AGREEMENT_EXPIRED,
    agreementId: newId(),
    occurredAt,
    payload: JSON.stringify({ id }),
  });
  if (!status) return id;
  const deliveryId = newId();
  await manager.insert(WebhookDelivery, {
    id: deliveryId,
    webhookId: HOOK,
    eventId: id,
    status,
    attempts: 1,
    nextAttemptAt: status === WebhookDeliveryStatus.PENDING ? occurredAt : null,
    createdAt: occurredAt,
  });
  await manager.insert(WebhookAttempt, {
    id: newId(),
    webhookId: HOOK,
    deliveryId,
    eventId: id,
    eventType: WebhookEventType.AGREEMENT_EXPIRED,
    attempt: 1,
    at: occurredAt,
    httpStatus: status === WebhookDeliveryStatus.DELIVERED ? 200 : 500,
    error: null,
    durationMs: 5,
    outcome:
      status === WebhookDeliveryStatus.DELIVERED ? WebhookAttemptOutcome.DELIVERED : WebhookAttemptOutcome.FAILED,
    nextRetryAt: null,
  });
  return id;
}

/** Which of the events are still in the outbox, and how many deliveries and attempts of theirs remain. */
async function remaining(ids: string[]) {
  const manager = t.server.dataSource.manager;
  const kept = await Promise.all(ids.map((id) => manager.countBy(WebhookEvent, { id })));
  const deliveries = await Promise.all(ids.map((eventId) => manager.countBy(WebhookDelivery, { eventId })));
  const attempts = await Promise.all(ids.map((eventId) => manager.countBy(WebhookAttempt, { eventId })));
  return { kept, deliveries, attempts };
}

const transactor = () => t.server.createContext(SYSTEM).transactor;

beforeEach(async () => {
  clock.reset();
  const manager = t.server.dataSource.manager;
  await manager.clear(WebhookAttempt);
  await manager.clear(WebhookDelivery);
  await manager.clear(WebhookEvent);
});

describe("the outbox's retention", () => {
  it("removes events older than the retention with their deliveries and attempts, and keeps the rest", async () => {
    const delivered = await event(40, WebhookDeliveryStatus.DELIVERED);
    const failed = await event(31, WebhookDeliveryStatus.FAILED);
    const unsubscribed = await event(45);
    const pending = await event(40, WebhookDeliveryStatus.PENDING);
    const recent = await event(29, WebhookDeliveryStatus.DELIVERED);
    expect(await pruneWebhookHistory(transactor(), clock.now(), 30)).toBe(3);
    expect(await remaining([delivered, failed, unsubscribed, pending, recent])).toEqual({
      kept: [0, 0, 0, 1, 1],
      deliveries: [0, 0, 0, 1, 1],
      attempts: [0, 0, 0, 1, 1],
    });
    expect(await pruneWebhookHistory(transactor(), clock.now(), 30)).toBe(0);
  });

  it("works through a backlog a batch per transaction", async () => {
    const old = [];
    for (let i = 0; i < 5; i++) old.push(await event(60 + i, WebhookDeliveryStatus.DELIVERED));
    const run = transactor();
    const transactions = jest.spyOn(run, "run");
    expect(await pruneWebhookHistory(run, clock.now(), 30, 2)).toBe(5);
    expect(transactions).toHaveBeenCalledTimes(3);
    expect((await remaining(old)).kept).toEqual([0, 0, 0, 0, 0]);
  });

  it("keeps everything with a retention of 0", async () => {
    const ancient = await event(3_000, WebhookDeliveryStatus.DELIVERED);
    expect(await pruneWebhookHistory(transactor(), clock.now(), 0)).toBe(0);
    expect((await remaining([ancient])).kept).toEqual([1]);
  });

  it("is run by the delivery worker at most once an hour", async () => {
    const worker = createWebhookWorker(
      t.server,
      { deliveryIntervalSeconds: 0, timeoutMs: 2_000, allowPrivateNetworks: false, retentionDays: 30 },
      { fetch: (() => Promise.reject(new Error("nothing is due"))) as typeof fetch },
    );
    try {
      const first = await event(31, WebhookDeliveryStatus.DELIVERED);
      await worker.runOnce();
      expect((await remaining([first])).kept).toEqual([0]);
      const second = await event(31, WebhookDeliveryStatus.DELIVERED);
      await worker.runOnce();
      expect((await remaining([second])).kept).toEqual([1]);
      clock.advanceDays(1 / 24);
      await worker.runOnce();
      expect((await remaining([second])).kept).toEqual([0]);
    } finally {
      await worker.stop();
    }
  });
});
