import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { WebhookAttemptOutcome, WebhookEventType } from "./webhook.enums";

/** One POST of an event to a webhook, and what came of it. */
@ObjectType({ description: "One attempt to deliver an event to a webhook, and its result." })
@Entity("webhook_attempts")
@Index(["webhookId", "at"])
@Index(["eventId"])
export class WebhookAttempt {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  webhookId: string;

  @Column({ type: "varchar", length: 36 })
  deliveryId: string;

  @Field(() => ID, { description: "The event's id: the idempotency key the receiver saw (payload `id`)." })
  @Column({ type: "varchar", length: 36 })
  eventId: string;

  @Field(() => WebhookEventType, { description: "The event's type." })
  @Column({ type: "simple-enum", enum: WebhookEventType })
  eventType: WebhookEventType;

  @Field(() => Int, { description: "1 for the first attempt at this event, 2 for the first retry, …" })
  @Column({ type: "int" })
  attempt: number;

  @Field({ description: "When the attempt was sent." })
  @Column({ type: "datetime", precision: 3 })
  at: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when there was no answer." })
  @Column({ type: "int", nullable: true, default: null })
  httpStatus: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Why it failed when there was no answer (timeout, refused address, connection error).",
  })
  @Column({ type: "varchar", length: 500, nullable: true, default: null })
  error: string | null;

  @Field(() => Int, { description: "How long the attempt took, in milliseconds." })
  @Column({ type: "int" })
  durationMs: number;

  @Field(() => WebhookAttemptOutcome, { description: "DELIVERED, RETRYING or FAILED (given up)." })
  @Column({ type: "simple-enum", enum: WebhookAttemptOutcome })
  outcome: WebhookAttemptOutcome;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due (RETRYING only)." })
  @Column({ type: "datetime", precision: 3, nullable: true, default: null })
  nextRetryAt: Date | null;
}
