import type { Identity, Transactor } from "@itsm/kit";
import { BadUserInputError, newId, providedFields, updateVersioned, VersionedRecords } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { WebhookAttempt } from "./webhook-attempt.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { Webhook } from "./webhook.entity";
import type { WebhookEventType } from "./webhook.enums";
import { urlProblem } from "./webhook.rules";

/** A webhook to register. */
export interface NewWebhook {
  url: string;
  events: WebhookEventType[];
  secret: string;
}

/** Changes to a webhook; omitted fields keep their value. */
export interface WebhookEdit {
  id: string;
  expectedVersion?: number | null;
  url?: string | null;
  events?: WebhookEventType[] | null;
  secret?: string | null;
}

/** What decides which webhooks may be registered. */
export interface WebhookPolicy {
  /** Let webhooks reach loopback, private and link-local addresses (off by default: SSRF). */
  allowPrivateNetworks: boolean;
}

// The secret is never audited: its history entry says only that it changed.
const records = new VersionedRecords(Webhook, { typeName: "Webhook", audited: ["url", "events"] });

/** Registering, changing and deleting webhooks: each one transaction, version-checked, audited. */
export class WebhookCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly policy: WebhookPolicy,
  ) {}

  create(input: NewWebhook, actor: Identity): Promise<Webhook> {
    this.assertUrl(input.url);
    return this.transactor.run((manager) =>
      records.insert(
        manager,
        { id: newId(), url: input.url, events: [...input.events].sort(), secret: input.secret },
        actor,
        [{ field: "secret", from: null, to: null }],
      ),
    );
  }

  update(input: WebhookEdit, actor: Identity): Promise<Webhook> {
    if (input.url !== undefined && input.url !== null) this.assertUrl(input.url);
    return this.transactor.run(async (manager) => {
      const current = await records.load(manager, input.id, input.expectedVersion, { lock: true });
      const patch = providedFields<Webhook>(input, ["url", "events", "secret"]);
      if (patch.events) patch.events = [...patch.events].sort();
      const rotated = patch.secret !== undefined && patch.secret !== current.secret;
      const changed = await records.change(manager, current, patch, actor);
      if (!rotated) return changed;
      if (changed !== current) {
        await records.audit(manager, changed, "secret rotated", actor, [{ field: "secret", from: null, to: null }]);
        return changed;
      }
      const updated = await updateVersioned(manager, Webhook, "Webhook", current, { secret: patch.secret });
      await records.audit(manager, updated, "secret rotated", actor, [{ field: "secret", from: null, to: null }]);
      return updated;
    });
  }

  /** Deletes a webhook with its queue and attempts: nothing more is sent to it. */
  delete(input: { id: string; expectedVersion?: number | null }, actor: Identity): Promise<Webhook> {
    return this.transactor.run(async (manager: EntityManager) => {
      const current = await records.load(manager, input.id, input.expectedVersion, { lock: true });
      await manager.delete(WebhookAttempt, { webhookId: current.id });
      await manager.delete(WebhookDelivery, { webhookId: current.id });
      await manager.delete(Webhook, { id: current.id });
      await records.audit(manager, current, "deleted", actor, [
        { field: "url", from: JSON.stringify(current.url), to: null },
      ]);
      return current;
    });
  }

  private assertUrl(url: string): void {
    const problem = urlProblem(url, this.policy.allowPrivateNetworks);
    if (problem) {
      throw new BadUserInputError(`Invalid webhook URL: ${problem}`, {
        fields: [{ path: "input.url", messages: [problem] }],
      });
    }
  }
}
