import type { FieldChange, Identity } from "@itsm/kit";
import {
  auditTrailOf,
  changesBetween,
  ConflictError,
  loadForChange,
  NotFoundError,
  removedFrom,
  updateVersioned,
} from "@itsm/kit";
import type { EntityManager, FindOptionsWhere } from "typeorm";
import { bumpCatalogueRevision } from "../catalogue/catalogue.service";
import type { AgreementPart } from "./agreement-part.entity";
import { Agreement } from "./agreement.entity";
import { AgreementStatus } from "./agreement.enums";
import { WebhookEventType } from "../webhooks/webhook.enums";
import { recordWebhookEvent, statusEvent } from "../webhooks/webhook.outbox";

/**
 * An agreement's change counter is `revision` (its `version` numbers the terms), so a change names
 * the revision it was made against as `expectedRevision`; when given, a newer one is a CONFLICT.
 */
export interface AgainstRevision {
  expectedRevision?: number | null;
}

/** A part of an agreement (a target or a responsibility) to remove. */
export interface PartRef extends AgainstRevision {
  id: string;
}

/** The agreement fields its history records. */
export const AUDITED: (keyof Agreement & string)[] = [
  "number",
  "title",
  "description",
  "type",
  "status",
  "version",
  "effectiveFrom",
  "effectiveTo",
  "providerId",
];

/** Records a change to an agreement in its history, at its new revision. */
export const audit = auditTrailOf<Agreement>("Agreement", (a) => a.revision);

/** Loads an agreement for a change (locked, revision-checked). */
export function loadForUpdate(
  manager: EntityManager,
  id: string,
  expectedRevision: number | null | undefined,
): Promise<Agreement> {
  return loadForChange(manager, Agreement, "Agreement", id, expectedRevision, { versionKey: "revision", lock: true });
}

/** Saves a patch to an agreement, bumping its revision (a CONFLICT if it changed meanwhile). */
export async function saveAgreement(
  manager: EntityManager,
  current: Agreement,
  patch: Partial<Agreement>,
): Promise<Agreement> {
  const saved = await updateVersioned(manager, Agreement, "Agreement", current, patch, "revision");
  await bumpCatalogueRevision(manager, current.id);
  return saved;
}

/** Loads an agreement for a change that only DRAFTs allow. */
export async function loadDraft(
  manager: EntityManager,
  id: string,
  expectedRevision: number | null | undefined,
): Promise<Agreement> {
  const agreement = await loadForUpdate(manager, id, expectedRevision);
  if (agreement.status !== AgreementStatus.DRAFT) {
    throw new ConflictError(
      `Agreement ${agreement.number} is ${agreement.status}: only DRAFT agreements are edited${agreement.status === AgreementStatus.ACTIVE ? " (reviseAgreement drafts a new version)" : ""}`,
      { status: agreement.status },
    );
  }
  return agreement;
}

/** A change to an agreement's parts: bump its revision and record it. */
export async function touch(
  manager: EntityManager,
  agreement: Agreement,
  action: string,
  actor: Identity,
  changes: FieldChange[],
): Promise<Agreement> {
  const updated = await saveAgreement(manager, agreement, {});
  await audit(manager, updated, action, actor, changes);
  return updated;
}

/**
 * Moves an agreement to another status and records it under `action`, with its webhook event
 * (`event`, by default the one of the new status) in the same transaction.
 */
export async function changeStatus(
  manager: EntityManager,
  agreement: Agreement,
  status: AgreementStatus,
  action: string,
  actor: Identity,
  event: WebhookEventType | null = statusEvent(status),
): Promise<Agreement> {
  const changed = await saveAgreement(manager, agreement, { status });
  await audit(manager, changed, action, actor, changesBetween(agreement, changed, ["status"]));
  if (event) {
    await recordWebhookEvent(manager, event, changed, {
      action,
      actor: actor.subject,
      previousStatus: agreement.status,
    });
  }
  return changed;
}

/**
 * When a new version of an agreement comes into force, the version it revises ends: if still
 * ACTIVE, it is TERMINATED (locked first) with AGREEMENT_SUPERSEDED rather than its status event.
 */
export async function supersedePrevious(manager: EntityManager, agreement: Agreement, actor: Identity): Promise<void> {
  if (!agreement.supersedesId) return;
  const previous = await loadForUpdate(manager, agreement.supersedesId, null);
  if (previous.status !== AgreementStatus.ACTIVE) return;
  await changeStatus(
    manager,
    previous,
    AgreementStatus.TERMINATED,
    `superseded by version ${agreement.version}`,
    actor,
    WebhookEventType.AGREEMENT_SUPERSEDED,
  );
}

/** How the removal of a part reads in its agreement's history. */
export interface PartHistory<T> {
  action: string;
  field: string;
  describe(part: T): string;
}

/** Removes a part (a target or a responsibility) of a DRAFT agreement, found by its own id. */
export async function removePart<T extends AgreementPart>(
  manager: EntityManager,
  entity: new () => T,
  typeName: string,
  ref: PartRef,
  actor: Identity,
  history: PartHistory<NoInfer<T>>,
): Promise<Agreement> {
  const part = await manager.findOneBy(entity, { id: ref.id } as FindOptionsWhere<T>);
  if (!part) throw new NotFoundError(typeName, ref.id);
  const agreement = await loadDraft(manager, part.agreementId, ref.expectedRevision);
  await manager.delete(entity, { id: part.id });
  return touch(manager, agreement, history.action, actor, [removedFrom(history.field, history.describe(part))]);
}
