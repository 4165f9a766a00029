import { connectionType, PageArgs, toPageRequest } from "@itsm/kit";
import { Max, Min } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { WebhookAttempt } from "./webhook-attempt.entity";
import { Webhook } from "./webhook.entity";
import { CreateWebhookInput, DeleteWebhookInput, UpdateWebhookInput } from "./webhook.inputs";

const WebhookConnection = connectionType(Webhook, "Webhook", "webhooks");

// Webhooks reach outside the graph with every agreement's changes: only admins see or change them.
const ADMIN = ["admin"] as const;

@ArgsType()
class LatestArgs {
  @Field(() => Int, { defaultValue: 20, description: "How many of the latest attempts (0–100)." })
  @Min(0)
  @Max(100)
  first: number;
}

/** Webhooks: registration (admin only) and what their deliveries came to. */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized(ADMIN)
  @Query(() => WebhookConnection, { description: "The registered webhooks, ordered by URL. Admin only." })
  webhooks(@Args() page: PageArgs, @Ctx() ctx: AgreementsContext) {
    return ctx.webhooks.list(toPageRequest(page));
  }

  @Authorized(ADMIN)
  @Mutation(() => Webhook, {
    description:
      "Registers a webhook: from now on every event of the types given is POSTed to it, signed with its secret. Admin only.",
  })
  createWebhook(@Arg("input") input: CreateWebhookInput, @Ctx() ctx: AgreementsContext): Promise<Webhook> {
    return ctx.commands.webhooks.create(input, ctx.identity);
  }

  @Authorized(ADMIN)
  @Mutation(() => Webhook, {
    description: "Changes a webhook's URL, event types or secret; events already queued go to the new URL. Admin only.",
  })
  updateWebhook(@Arg("input") input: UpdateWebhookInput, @Ctx() ctx: AgreementsContext): Promise<Webhook> {
    return ctx.commands.webhooks.update(input, ctx.identity);
  }

  @Authorized(ADMIN)
  @Mutation(() => Webhook, {
    description: "Deletes a webhook with its queue and delivery attempts: nothing more is sent to it. Admin only.",
  })
  deleteWebhook(@Arg("input") input: DeleteWebhookInput, @Ctx() ctx: AgreementsContext): Promise<Webhook> {
    return ctx.commands.webhooks.delete(input, ctx.identity);
  }

  @FieldResolver(() => [WebhookAttempt], {
    description:
      "Its latest delivery attempts, newest first: event, attempt number, time, HTTP status or error, duration and next retry.",
  })
  deliveries(@Root() webhook: Webhook, @Args() { first }: LatestArgs, @Ctx() { loaders }: AgreementsContext) {
    return loaders.webhookAttempts(first).load(webhook.id);
  }

  @FieldResolver(() => Int, { description: "How many events are still to be delivered to it (PENDING)." })
  backlog(@Root() webhook: Webhook, @Ctx() { loaders }: AgreementsContext): Promise<number> {
    return loaders.webhookBacklog.load(webhook.id);
  }
}
