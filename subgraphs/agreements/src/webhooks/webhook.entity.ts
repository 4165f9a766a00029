import { TrackedRecord } from "@itsm/kit";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { WebhookEventType } from "./webhook.enums";

/** A receiver of agreement events: where to POST them, which ones, and the secret that signs them. */
@ObjectType({
  description:
    "An HTTP endpoint told about agreement events (status changes, alerts raised) by signed POSTs, retried until it answers 2xx. Admin only.",
})
@Entity("webhooks")
export class Webhook extends TrackedRecord {
  @Field({ description: "Where events are POSTed (http or https)." })
  @Column({ type: "varchar", length: 2048 })
  url: string;

  @Field(() => [WebhookEventType], { description: "The event types sent to it." })
  @Column({ type: "simple-json" })
  events: WebhookEventType[];

  /** Signs every delivery (HMAC-SHA256); write-only: no field of the API returns it. */
  @Column({ type: "varchar", length: 200 })
  secret: string;
}
