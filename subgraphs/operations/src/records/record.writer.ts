import type { FieldChange, Identity, Transactor } from "@itsm/kit";
import {
  auditTrailOf,
  ConflictError,
  changesBetween,
  insertInChunks,
  isUniqueViolation,
  newId,
  updateVersioned,
} from "@itsm/kit";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { In } from "typeorm";
import type { RecordResult } from "./record-result";

/** A record as the source system sent it, ready to store: its main row's columns (with its `externalId`) and its child rows. */
export interface PreparedRecord<E extends StoredRecord, C> {
  columns: Omit<E, "id" | "version" | "createdAt" | "updatedAt">;
  /** Child rows without their parent id (an incident's pauses, an outage's impacted services). */
  children: C[];
}

/** How one kind of record is stored, compared and audited. */
export interface RecordTable<E extends StoredRecord, C extends ObjectLiteral> {
  typeName: string;
  entity: EntityTarget<E>;
  /** Child rows stored with each record (null: none). */
  child: { entity: EntityTarget<C>; parentColumn: keyof C & string; order: (a: C, b: C) => number } | null;
  /** The record in API terms (dates as ISO text): what the audit trail records. */
  audited(columns: PreparedRecord<E, C>["columns"], children: C[]): Record<string, unknown>;
  /** The audited fields a source system sends: a record differs when one of them does. */
  sentFields: string[];
  /** Every audited field, in the order the audit trail lists them. */
  auditedFields: string[];
  /** The services whose figures a record counts in (its own, or those an outage reached). */
  servicesOf(columns: PreparedRecord<E, C>["columns"], children: C[]): string[];
}

export interface StoredRecord extends ObjectLiteral {
  id: string;
  version: number;
  externalId: string;
}

/** Rows per multi-row INSERT: well within every database's parameter limit. */
/**
 * Stores a batch of records idempotently by `externalId`, in one transaction: new ones are created,
 * changed ones updated (their children replaced), identical ones left alone; created and updated
 * records get a row in the audit trail. Records are compared on what the source sends, so derived
 * children (an outage's impact, fixed when it was recorded) do not make a re-sent record "changed".
 */
export class RecordWriter {
  constructor(
    private readonly transactor: Transactor,
    /** Runs in the transaction with the services whose figures the created or changed records count in (before and after). */
    private readonly onServicesTouched?: (manager: EntityManager, serviceIds: string[]) => Promise<void>,
  ) {}

  async write<E extends StoredRecord, C extends ObjectLiteral>(
    table: RecordTable<E, C>,
    records: PreparedRecord<E, C>[],
    actor: Identity,
    /** Runs in the transaction with the ids of the records created or updated (derived data to drop). */
    onChanged?: (manager: EntityManager, ids: string[]) => Promise<void>,
  ): Promise<RecordResult> {
    const audit = auditTrailOf<{ id: string; version: number }>(table.typeName, (r) => r.version);
    try {
      return await this.transactor.run(async (manager) => {
        const existing = await this.existing(manager, table, records);
        const result: RecordResult = { created: 0, updated: 0, unchanged: 0 };
        const created: { id: string; record: PreparedRecord<E, C> }[] = [];
        const changed: string[] = [];
        const touched = new Set<string>();
        for (const record of records) {
          const current = existing.get(record.columns.externalId);
          if (!current) {
            created.push({ id: newId(), record });
            continue;
          }
          const before = table.audited(current.row as PreparedRecord<E, C>["columns"], current.children);
          const after = table.audited(record.columns, record.children);
          if (changesBetween(before, after, table.sentFields).length === 0) {
            result.unchanged++;
            continue;
          }
          for (const id of table.servicesOf(current.row as PreparedRecord<E, C>["columns"], current.children))
            touched.add(id);
          for (const id of table.servicesOf(record.columns, record.children)) touched.add(id);
          const updated = await updateVersioned(
            manager,
            table.entity,
            table.typeName,
            current.row,
            record.columns as never,
          );
          await this.replaceChildren(manager, table, [current.row.id], [record]);
          await audit(manager, updated, "updated", actor, changesBetween(before, after, table.auditedFields));
          changed.push(current.row.id);
          result.updated++;
        }
        await this.create(manager, table, created, actor, audit);
        result.created = created.length;
        for (const { record } of created)
          for (const id of table.servicesOf(record.columns, record.children)) touched.add(id);
        if (this.onServicesTouched && touched.size > 0) await this.onServicesTouched(manager, [...touched]);
        if (onChanged) await onChanged(manager, [...changed, ...created.map((c) => c.id)]);
        return result;
      });
    } catch (error) {
      // Another call created one of these externalIds meanwhile: sending this batch again sorts it out.
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `Another call recorded some of these ${table.typeName.toLowerCase()}s at the same time; nothing was written, send the batch again`,
          { typeName: table.typeName },
        );
      }
      throw error;
    }
  }

  private async existing<E extends StoredRecord, C extends ObjectLiteral>(
    manager: EntityManager,
    table: RecordTable<E, C>,
    records: PreparedRecord<E, C>[],
  ): Promise<Map<string, { row: E; children: C[] }>> {
    const found = new Map<string, { row: E; children: C[] }>();
    if (records.length === 0) return found;
    const rows = await manager.findBy(table.entity, {
      externalId: In(records.map((r) => r.columns.externalId)),
    } as never);
    const child = table.child;
    const children =
      child && rows.length > 0
        ? await manager.findBy(child.entity, { [child.parentColumn]: In(rows.map((r) => r.id)) } as never)
        : [];
    for (const row of rows) {
      const own = child ? children.filter((c) => c[child.parentColumn] === row.id).sort(child.order) : [];
      found.set(row.externalId, { row, children: own });
    }
    return found;
  }

  private async create<E extends StoredRecord, C extends ObjectLiteral>(
    manager: EntityManager,
    table: RecordTable<E, C>,
    created: { id: string; record: PreparedRecord<E, C> }[],
    actor: Identity,
    audit: ReturnType<typeof auditTrailOf<{ id: string; version: number }>>,
  ): Promise<void> {
    const rows = created.map(({ id, record }) => ({ ...record.columns, id, version: 1 }));
    // The columns of a generic E are not provably its insertable shape to TypeScript (as before).
    await insertInChunks(manager, table.entity, rows as never);
    await this.replaceChildren(
      manager,
      table,
      created.map((c) => c.id),
      created.map((c) => c.record),
      false,
    );
    for (const { id, record } of created) {
      const changes: FieldChange[] = changesBetween(
        null,
        table.audited(record.columns, record.children),
        table.auditedFields,
      );
      await audit(manager, { id, version: 1 }, "created", actor, changes);
    }
  }

  /** Writes the children of each parent (ids aligned with records), first removing the old ones. */
  private async replaceChildren<E extends StoredRecord, C extends ObjectLiteral>(
    manager: EntityManager,
    table: RecordTable<E, C>,
    parentIds: string[],
    records: PreparedRecord<E, C>[],
    removeOld = true,
  ): Promise<void> {
    const child = table.child;
    if (!child || parentIds.length === 0) return;
    if (removeOld) await manager.delete(child.entity, { [child.parentColumn]: In(parentIds) } as never);
    const rows = records.flatMap((record, i) =>
      record.children.map((row) => ({ ...row, [child.parentColumn]: parentIds[i] })),
    );
    await insertInChunks(manager, child.entity, rows);
  }
}
