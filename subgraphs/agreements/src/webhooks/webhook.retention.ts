import type { Transactor } from "@itsm/kit";
import { In } from "typeorm";
import { WebhookAttempt } from "./webhook-attempt.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEvent } from "./webhook-event.entity";
import { WebhookDeliveryStatus } from "./webhook.enums";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Events removed per transaction: a short transaction each, however large the backlog. */
export const PRUNE_BATCH = 500;

/** How long the outbox keeps an event when nothing is configured (`WEBHOOK_RETENTION_DAYS`). */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * Keeps the outbox from growing without end: removes the events that occurred more than
 * `retentionDays` before `now`, with their deliveries and delivery attempts, oldest first, a batch
 * per transaction. An event with a delivery still PENDING is kept whatever its age (a retention
 * is at least two days, past the 24-hour retry window, so that is a safety net). 0 keeps
 * everything. Answers how many events were removed.
 */
export async function pruneWebhookHistory(
  transactor: Transactor,
  now: Date,
  retentionDays: number,
  batch = PRUNE_BATCH,
): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let removed = 0;
  for (;;) {
    const count = await transactor.run(async (manager) => {
      const rows = await manager
        .createQueryBuilder(WebhookEvent, "event")
        .select("event.id", "id")
        .where("event.occurredAt < :cutoff", { cutoff })
        .andWhere(
          "NOT EXISTS (SELECT 1 FROM webhook_deliveries pending WHERE pending.eventId = event.id AND pending.status = :status)",
          { status: WebhookDeliveryStatus.PENDING },
        )
        .orderBy("event.occurredAt", "ASC")
        .addOrderBy("event.id", "ASC")
        .limit(batch)
        .getRawMany<{ id: string }>();
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return 0;
      await manager.delete(WebhookAttempt, { eventId: In(ids) });
      await manager.delete(WebhookDelivery, { eventId: In(ids) });
      await manager.delete(WebhookEvent, { id: In(ids) });
      return ids.length;
    });
    removed += count;
    if (count < batch) return removed;
  }
}
