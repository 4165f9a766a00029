import type { Logger, Transactor } from "@itsm/kit";
import { LeasedJob, newId } from "@itsm/kit";
import { lookup as dnsLookup } from "node:dns/promises";
import { performance } from "node:perf_hooks";
import { LessThanOrEqual } from "typeorm";
import type { Clock } from "../lifecycle/lifecycle.clock";
import { WebhookAttempt } from "./webhook-attempt.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEvent } from "./webhook-event.entity";
import { Webhook } from "./webhook.entity";
import { WebhookAttemptOutcome, WebhookDeliveryStatus } from "./webhook.enums";
import { DEFAULT_RETENTION_DAYS, pruneWebhookHistory } from "./webhook.retention";
import { addressProblem, isDelivered, nextAttemptAfterFailure } from "./webhook.rules";
import {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  signature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from "./webhook.signing";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** The lease the replicas share: whoever holds it delivers. */
export const WEBHOOK_LEASE = "agreements.webhooks";

/** Resolves a host name to its addresses (the resolver the operating system uses, by default). */
export type Lookup = (hostname: string) => Promise<string[]>;

const systemLookup: Lookup = async (name) => (await dnsLookup(name, { all: true })).map((a) => a.address);

export interface WebhookWorkerOptions {
  transactor: Transactor;
  clock: Clock;
  logger: Logger;
  /** Seconds between runs; 0 delivers only when asked (`runOnce`). */
  intervalSeconds: number;
  /** Longest wait for a receiver's answer to one attempt. */
  timeoutMs: number;
  /** Let deliveries reach loopback, private and link-local addresses (off by default: SSRF). */
  allowPrivateNetworks: boolean;
  fetch?: typeof fetch;
  lookup?: Lookup;
  /** The jitter's source, in [0, 1). */
  random?: () => number;
  /** Deliveries attempted per run, and at most this many at once. */
  batchSize?: number;
  concurrency?: number;
  /** Days the outbox keeps an event once nothing is pending (default 30; 0 = forever): pruned hourly by each replica. */
  retentionDays?: number;
  /** How long one acquisition holds the lease (default: two intervals, at least two minutes). */
  leaseSeconds?: number;
  holder?: string;
}

/** What one attempt came to (as recorded). */
export interface AttemptResult {
  deliveryId: string;
  eventId: string;
  webhookId: string;
  attempt: number;
  outcome: WebhookAttemptOutcome;
  httpStatus: number | null;
  error: string | null;
}

interface Sent {
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Delivers the outbox: every run takes the database lease (only when something is due, so an idle
 * graph writes nothing), so of several replicas one delivers; each attempt also claims its row with
 * a conditional UPDATE, so even a run that outlives its lease never sends an attempt twice. No
 * transaction is open while a receiver is waited for. Delivery is at least once: a process killed
 * after a receiver's 2xx but before it is recorded sends the event again, with the same id.
 */
export class WebhookDeliveryWorker extends LeasedJob {
  private readonly leaseMs: number;
  private readonly fetch: typeof fetch;
  private readonly lookup: Lookup;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  /** When this worker last pruned the outbox (ms since the epoch; 0: not yet). */
  private prunedAt = 0;

  constructor(private readonly options: WebhookWorkerOptions) {
    super({
      transactor: options.transactor,
      lease: WEBHOOK_LEASE,
      holder: options.holder,
      intervalSeconds: options.intervalSeconds,
      onError: (error) => options.logger.error({ err: error }, "webhook delivery run failed"),
    });
    this.leaseMs = (options.leaseSeconds ?? Math.max(2 * options.intervalSeconds, 120)) * 1000;
    this.fetch = options.fetch ?? fetch;
    this.lookup = options.lookup ?? systemLookup;
    this.random = options.random ?? Math.random;
    this.batchSize = options.batchSize ?? 20;
    this.concurrency = options.concurrency ?? 4;
  }

  protected async tick(): Promise<void> {
    await this.runOnce();
  }

  /** One run: the attempts made, or null when another replica holds the lease. */
  async runOnce(): Promise<AttemptResult[] | null> {
    const { transactor, clock } = this.options;
    const now = clock.now();
    await this.pruneHourly(now);
    const due = await transactor.run((manager) =>
      manager.find(WebhookDelivery, {
        where: { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: "ASC", id: "ASC" },
        take: this.batchSize,
      }),
    );
    if (due.length === 0) return [];
    if (!(await this.lease.take(now, this.leaseMs))) return null;
    const results: AttemptResult[] = [];
    const queue = [...due];
    const work = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const result = await this.attempt(next);
        if (result) results.push(result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, due.length) }, work));
    return results;
  }

  /**
   * Prunes the outbox (see `pruneWebhookHistory`) at most once an hour. Without the lease: two
   * replicas pruning at once delete the same rows harmlessly, and holding the lease while nothing
   * is due would make a replica that restarts after a crash wait for it to expire before delivering.
   */
  private async pruneHourly(now: Date): Promise<void> {
    const retentionDays = this.options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    if (retentionDays === 0 || now.getTime() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now.getTime();
    const removed = await pruneWebhookHistory(this.options.transactor, now, retentionDays);
    if (removed > 0) this.options.logger.info({ events: removed, retentionDays }, "webhook events pruned");
  }

  /** One attempt at one delivery, if this worker can still claim it (null otherwise). */
  private async attempt(delivery: WebhookDelivery): Promise<AttemptResult | null> {
    const { transactor, clock, logger } = this.options;
    const claimedAt = clock.now();
    const claimed = await transactor.run(async (manager) => {
      // Past the attempt's timeout: if this process dies mid-attempt, the row falls due again.
      const until = new Date(claimedAt.getTime() + this.options.timeoutMs + 60_000);
      const claim = await manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ nextAttemptAt: until })
        .where("id = :id AND status = :pending AND attempts = :attempts AND nextAttemptAt <= :now", {
          id: delivery.id,
          pending: WebhookDeliveryStatus.PENDING,
          attempts: delivery.attempts,
          now: claimedAt,
        })
        .execute();
      if (claim.affected !== 1) return null;
      const [webhook, event] = await Promise.all([
        manager.findOneBy(Webhook, { id: delivery.webhookId }),
        manager.findOneBy(WebhookEvent, { id: delivery.eventId }),
      ]);
      return webhook && event ? { webhook, event } : null;
    });
    if (!claimed) return null;
    const attempt = delivery.attempts + 1;
    const sent = await this.send(claimed.webhook, claimed.event, attempt);
    const at = clock.now();
    const delivered = sent.httpStatus !== null && isDelivered(sent.httpStatus);
    const nextRetryAt = delivered ? null : nextAttemptAfterFailure(delivery.createdAt, at, attempt, this.random());
    const outcome = delivered
      ? WebhookAttemptOutcome.DELIVERED
      : nextRetryAt
        ? WebhookAttemptOutcome.RETRYING
        : WebhookAttemptOutcome.FAILED;
    const status = delivered
      ? WebhookDeliveryStatus.DELIVERED
      : nextRetryAt
        ? WebhookDeliveryStatus.PENDING
        : WebhookDeliveryStatus.FAILED;
    const recorded = await transactor.run(async (manager) => {
      const update = await manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ status, attempts: attempt, nextAttemptAt: nextRetryAt })
        .where("id = :id AND status = :pending AND attempts = :attempts", {
          id: delivery.id,
          pending: WebhookDeliveryStatus.PENDING,
          attempts: delivery.attempts,
        })
        .execute();
      // The webhook was deleted meanwhile (its queue with it): nothing to record.
      if (update.affected !== 1) return false;
      await manager.insert(WebhookAttempt, {
        id: newId(),
        webhookId: delivery.webhookId,
        deliveryId: delivery.id,
        eventId: claimed.event.id,
        eventType: claimed.event.type,
        attempt,
        at: claimedAt,
        httpStatus: sent.httpStatus,
        error: sent.error?.slice(0, 500) ?? null,
        durationMs: sent.durationMs,
        outcome,
        nextRetryAt,
      });
      return true;
    });
    if (!recorded) return null;
    if (outcome !== WebhookAttemptOutcome.DELIVERED) {
      logger.warn(
        {
          webhook: delivery.webhookId,
          event: claimed.event.id,
          attempt,
          status: sent.httpStatus,
          error: sent.error,
          outcome,
        },
        "webhook delivery failed",
      );
    }
    return {
      deliveryId: delivery.id,
      eventId: claimed.event.id,
      webhookId: delivery.webhookId,
      attempt,
      outcome,
      httpStatus: sent.httpStatus,
      error: sent.error,
    };
  }

  /** POSTs the event's payload, signed; never throws (a failure is an error text). */
  private async send(webhook: Webhook, event: WebhookEvent, attempt: number): Promise<Sent> {
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    const url = new URL(webhook.url);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    try {
      // Checked at every attempt: a name may resolve elsewhere than when the webhook was registered.
      const problem = addressProblem(host, await this.lookup(host), this.options.allowPrivateNetworks);
      if (problem) return { httpStatus: null, error: problem, durationMs: took() };
    } catch (error) {
      return { httpStatus: null, error: `cannot resolve ${host}: ${(error as Error).message}`, durationMs: took() };
    }
    const timestamp = Math.floor(this.options.clock.now().getTime() / 1000);
    try {
      const response = await this.fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "itsm-service-graph-webhooks/1",
          [SIGNATURE_HEADER]: signature(webhook.secret, timestamp, event.payload),
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_ID_HEADER]: event.id,
          [EVENT_TYPE_HEADER]: event.type,
          [ATTEMPT_HEADER]: String(attempt),
        },
        body: event.payload,
        // A redirect is not followed: it could lead anywhere, past the address check.
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return { httpStatus: response.status, error: null, durationMs: took() };
    } catch (error) {
      const failure = error as Error & { cause?: { code?: string; message?: string } };
      const reason =
        failure.name === "TimeoutError"
          ? `timed out after ${this.options.timeoutMs} ms`
          : (failure.cause?.code ?? failure.cause?.message ?? failure.message);
      return { httpStatus: null, error: reason, durationMs: took() };
    }
  }
}
