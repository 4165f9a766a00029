import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { Column, Entity, In, Index, PrimaryColumn } from "typeorm";
import { newId } from "../data/stable-id";

/** One changed field: its name and its value before and after, as JSON text. */
@Directive("@shareable")
@ObjectType({ description: "One field a change touched, with its value before and after (as JSON text)." })
export class FieldChange {
  @Field({ description: "The field's name in the API." })
  field: string;

  @Field(() => String, { nullable: true, description: "JSON of the value before the change; null when it was unset." })
  from: string | null;

  @Field(() => String, { nullable: true, description: "JSON of the value after the change; null when it is unset." })
  to: string | null;
}

/** A row of the audit trail: who changed what, when. Every subgraph database has this table. */
@Directive("@shareable")
@ObjectType("ChangeRecord", { description: "One change to a record: who made it, when, and what changed." })
@Entity("history")
@Index(["entityType", "entityId", "at"])
export class HistoryEntry {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  entityType: string;

  @Column({ type: "varchar", length: 36 })
  entityId: string;

  @Field({ description: "When the change was committed." })
  @Column({ type: "datetime", precision: 3 })
  at: Date;

  @Field({ description: 'Who made the change: the authenticated subject, or "anonymous".' })
  @Column({ type: "varchar", length: 200 })
  actor: string;

  @Field({ description: 'What was done, e.g. "created", "updated", "lifecycle changed", "activated".' })
  @Column({ type: "varchar", length: 60 })
  action: string;

  @Field(() => Int, { nullable: true, description: "The record's version after the change, when it has one." })
  @Column({ type: "int", nullable: true, default: null })
  version: number | null;

  @Column({ type: "simple-json" })
  changeList: FieldChange[];

  @Field(() => [FieldChange], { description: "The fields the change touched." })
  get changes(): FieldChange[] {
    return this.changeList;
  }
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value instanceof Date ? value.toISOString() : value);

/** The fields of `after` whose value differs from `before` (compared as JSON). */
export function changesBetween<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: (keyof T & string)[],
): FieldChange[] {
  return fields
    .map((field) => ({ field, from: json(before?.[field]), to: json(after[field]) }))
    .filter((change) => change.from !== change.to);
}

export interface ChangeToRecord {
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  version?: number | null;
  changes: FieldChange[];
}

/** Appends a change to the audit trail, inside the transaction that makes it. */
export async function recordChange(manager: EntityManager, change: ChangeToRecord): Promise<void> {
  await manager.insert(HistoryEntry, {
    id: newId(),
    entityType: change.entityType,
    entityId: change.entityId,
    at: new Date(),
    actor: change.actor,
    action: change.action,
    version: change.version ?? null,
    changeList: change.changes,
  });
}

/** The audit trail of each record, newest first (for a per-request loader). */
export async function historyOf(
  manager: EntityManager,
  entityType: string,
  entityIds: readonly string[],
): Promise<HistoryEntry[][]> {
  const rows = await manager.find(HistoryEntry, {
    where: { entityType, entityId: In([...entityIds]) },
    order: { at: "DESC", version: "DESC", id: "ASC" },
  });
  const byId = new Map<string, HistoryEntry[]>(entityIds.map((id) => [id, []]));
  for (const row of rows) byId.get(row.entityId)?.push(row);
  return entityIds.map((id) => byId.get(id) ?? []);
}

/**
 * The audit trail of one kind of record: `audit(manager, record, action, actor, changes)` appends a
 * change with the record's change counter after it (`version`, or an agreement's `revision`).
 */
export function auditTrailOf<T extends { id: string }>(entityType: string, counter: (record: T) => number) {
  return (manager: EntityManager, record: T, action: string, actor: { subject: string }, changes: FieldChange[]) =>
    recordChange(manager, {
      entityType,
      entityId: record.id,
      action,
      actor: actor.subject,
      version: counter(record),
      changes,
    });
}
