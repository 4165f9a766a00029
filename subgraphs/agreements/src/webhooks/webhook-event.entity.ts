import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { WebhookEventType } from "./webhook.enums";

/**
 * The outbox: one row per event, written in the transaction of the change it reports, so an event
 * exists exactly when its change was committed. `payload` is the body every attempt sends, byte
 * for byte, so a retry is recognisable (same `id`) and its signature is over the same bytes.
 */
@Entity("webhook_events")
@Index(["occurredAt"])
export class WebhookEvent {
  /** The idempotency key receivers see as the payload's `id` and the `X-ITSM-Event-Id` header. */
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "simple-enum", enum: WebhookEventType })
  type: WebhookEventType;

  @Column({ type: "varchar", length: 36 })
  agreementId: string;

  @Column({ type: "datetime", precision: 3 })
  occurredAt: Date;

  /** The JSON body, as sent. */
  @Column({ type: "text" })
  payload: string;
}
