import { insertInChunks, newId } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import type { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEvent } from "./webhook-event.entity";
import { Webhook } from "./webhook.entity";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook.enums";

/** The alert an ALERT_RAISED event reports. */
export interface RaisedAlertFacts {
  kind: string;
  dueOn: string;
  message: string;
}

/** What else an event says besides the agreement: the change (who, what) or the alert. */
export interface EventDetails {
  action?: string;
  actor?: string;
  previousStatus?: string;
  alert?: RaisedAlertFacts;
}

/** The JSON body of a delivery (documented in the README's Webhooks section). */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  agreement: {
    id: string;
    number: string;
    version: number;
    type: string;
    status: string;
    effectiveFrom: string;
    effectiveTo: string | null;
  };
  change?: { action: string; actor: string; previousStatus: string | null };
  alert?: RaisedAlertFacts;
}

/** One event of a batch: the agreement it is about and what else it says. */
export interface OutboxEntry {
  agreement: Agreement;
  details?: EventDetails;
}

/**
 * Writes an event to the outbox, and queues it for every webhook subscribed to its type, with the
 * manager of the transaction that makes the change: it commits with the change or not at all.
 */
export async function recordWebhookEvent(
  manager: EntityManager,
  type: WebhookEventType,
  agreement: Agreement,
  details: EventDetails = {},
): Promise<WebhookEvent> {
  const [event] = await recordWebhookEvents(manager, type, [{ agreement, details }]);
  return event;
}

/**
 * Writes events of one type to the outbox in as few statements as their number allows (the
 * scheduler raises alerts in batches), each queued for every webhook subscribed to the type; like
 * `recordWebhookEvent`, within the caller's transaction.
 */
export async function recordWebhookEvents(
  manager: EntityManager,
  type: WebhookEventType,
  entries: OutboxEntry[],
): Promise<WebhookEvent[]> {
  if (entries.length === 0) return [];
  const occurredAt = new Date();
  const events = entries.map(({ agreement, details = {} }) => {
    const payload = eventPayload(type, occurredAt, agreement, details);
    return { id: payload.id, type, agreementId: agreement.id, occurredAt, payload: JSON.stringify(payload) };
  });
  await insertInChunks(manager, WebhookEvent, events);
  // The webhook table is small (registrations by an admin): reading it whole beats a JSON query per dialect.
  const subscribers = (await manager.find(Webhook, { select: { id: true, events: true } })).filter((w) =>
    w.events.includes(type),
  );
  const deliveries = events.flatMap((event) =>
    subscribers.map((w) => ({
      id: newId(),
      webhookId: w.id,
      eventId: event.id,
      status: WebhookDeliveryStatus.PENDING,
      attempts: 0,
      nextAttemptAt: occurredAt,
      createdAt: occurredAt,
    })),
  );
  await insertInChunks(manager, WebhookDelivery, deliveries);
  return events.map((event) => Object.assign(new WebhookEvent(), event));
}

function eventPayload(
  type: WebhookEventType,
  occurredAt: Date,
  agreement: Agreement,
  details: EventDetails,
): WebhookPayload {
  return {
    id: newId(),
    type,
    occurredAt: occurredAt.toISOString(),
    agreement: {
      id: agreement.id,
      number: agreement.number,
      version: agreement.version,
      type: agreement.type,
      status: agreement.status,
      effectiveFrom: agreement.effectiveFrom,
      effectiveTo: agreement.effectiveTo,
    },
    ...(details.action
      ? {
          change: {
            action: details.action,
            actor: details.actor ?? "system",
            previousStatus: details.previousStatus ?? null,
          },
        }
      : {}),
    ...(details.alert ? { alert: details.alert } : {}),
  };
}

/** The event a move to `status` is (a supersession, also a move to TERMINATED, is named by its caller). */
export function statusEvent(status: AgreementStatus): WebhookEventType | null {
  switch (status) {
    case AgreementStatus.ACTIVE:
      return WebhookEventType.AGREEMENT_ACTIVATED;
    case AgreementStatus.SCHEDULED:
      return WebhookEventType.AGREEMENT_SCHEDULED;
    case AgreementStatus.EXPIRED:
      return WebhookEventType.AGREEMENT_EXPIRED;
    case AgreementStatus.TERMINATED:
      return WebhookEventType.AGREEMENT_TERMINATED;
    default:
      return null;
  }
}
