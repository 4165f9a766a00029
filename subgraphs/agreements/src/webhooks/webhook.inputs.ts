import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsOptional, Length } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ExpectedVersionField, IdField } from "@itsm/kit";
import { WebhookEventType } from "./webhook.enums";
import type { NewWebhook, WebhookEdit } from "./webhook.commands";

const SECRET_DESCRIPTION =
  "The shared secret deliveries are signed with (HMAC-SHA256), 16–200 characters. Write-only: never returned.";

@InputType({ description: "A webhook to register." })
export class CreateWebhookInput implements NewWebhook {
  @Field({ description: "Where to POST events: an http or https URL (not a private address unless allowed)." })
  url: string;

  @Field(() => [WebhookEventType], { description: "The event types to send (at least one, each once)." })
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(20)
  events: WebhookEventType[];

  @Field({ description: SECRET_DESCRIPTION })
  @Length(16, 200)
  secret: string;
}

@InputType({ description: "Changes to a webhook; omitted fields keep their value." })
export class UpdateWebhookInput implements WebhookEdit {
  @IdField("The webhook.")
  id: string;

  @ExpectedVersionField({ optional: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: "A new URL (http or https)." })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: "The new set of event types." })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(20)
  events?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true, description: `A new secret (rotation). ${SECRET_DESCRIPTION}` })
  @IsOptional()
  @Length(16, 200)
  secret?: string | null;
}

@InputType({ description: "A webhook to delete, with what is still queued for it." })
export class DeleteWebhookInput {
  @IdField("The webhook.")
  id: string;

  @ExpectedVersionField({ optional: true })
  expectedVersion?: number | null;
}
