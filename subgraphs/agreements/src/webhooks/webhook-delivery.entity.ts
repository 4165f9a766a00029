import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { WebhookDeliveryStatus } from "./webhook.enums";

/**
 * One event to send to one webhook (fanned out in the event's transaction, to the webhooks that
 * subscribe to its type): PENDING until the receiver answers 2xx (DELIVERED) or the retry window
 * ends (FAILED). The worker claims a due row by moving `nextAttemptAt` past the attempt's timeout in
 * a conditional UPDATE, so of two replicas only one sends an attempt.
 */
@Entity("webhook_deliveries")
@Index(["status", "nextAttemptAt"])
@Index(["webhookId", "eventId"], { unique: true })
@Index(["eventId"])
export class WebhookDelivery {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  webhookId: string;

  @Column({ type: "varchar", length: 36 })
  eventId: string;

  @Column({ type: "simple-enum", enum: WebhookDeliveryStatus })
  status: WebhookDeliveryStatus;

  /** Attempts made so far. */
  @Column({ type: "int" })
  attempts: number;

  /** When the next attempt is due (PENDING), or null. */
  @Column({ type: "datetime", precision: 3, nullable: true, default: null })
  nextAttemptAt: Date | null;

  /** When the event was queued for this webhook: the retry window counts from here. */
  @Column({ type: "datetime", precision: 3 })
  createdAt: Date;
}
