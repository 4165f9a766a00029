import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { ConflictError, NotFoundError } from "@itsm/runtime";
import { isUniqueViolation } from "../data/database-errors";
import type { FieldChange } from "./history";
import { auditTrailOf, changesBetween } from "./history";
import type { Transactor } from "./transactor";

/**
 * Loads a record for a change, checking it exists and that the client saw its latest version:
 * a stale `expectedVersion` is a CONFLICT and nothing is written.
 */
export async function loadForChange<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  id: string,
  expectedVersion: number | null | undefined,
  { versionKey = "version", lock = false }: { versionKey?: keyof T & string; lock?: boolean } = {},
): Promise<T> {
  // With `lock`, concurrent changes to the record's relations queue here instead of failing later
  // on a version the client never asked to check (the embedded database runs them one by one anyway).
  const locking = lock && manager.connection.options.type !== "better-sqlite3";
  const current = await manager.findOne(entity, {
    where: { id } as never,
    ...(locking ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!current) throw new NotFoundError(typeName, id);
  if (expectedVersion !== undefined && expectedVersion !== null && current[versionKey] !== expectedVersion) {
    throw staleVersion(typeName, id, expectedVersion, current[versionKey] as number);
  }
  return current;
}

function staleVersion(typeName: string, id: string, expected: number, current: number): ConflictError {
  return new ConflictError(
    `${typeName} "${id}" has changed since version ${expected} (it is at version ${current}); reload it and try again`,
    { typeName, id, expectedVersion: expected, currentVersion: current },
  );
}

/**
 * Writes `patch` (possibly empty: a change to the record's relations) to a record only if it is
 * still at `version`, and bumps the version: the
 * compare-and-set that makes concurrent updates safe on every database (exactly one of several
 * writers holding the same version wins).
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  current: T,
  patch: Partial<T>,
  versionKey: keyof T & string = "version",
): Promise<T> {
  const version = current[versionKey] as number;
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...patch, [versionKey]: version + 1 } as never)
    .where(`id = :id AND ${versionKey} = :version`, { id: current.id, version })
    .execute();
  if (result.affected === 0) {
    // A locking read sees the committed version (a plain read would see this transaction's snapshot).
    const locking = manager.connection.options.type !== "better-sqlite3";
    const latest = await manager.findOne(entity, {
      where: { id: current.id } as never,
      ...(locking ? { lock: { mode: "pessimistic_read" as const } } : {}),
    });
    throw staleVersion(typeName, current.id, version, (latest?.[versionKey] as number | undefined) ?? version);
  }
  return (await manager.findOne(entity, { where: { id: current.id } as never })) as T;
}

/** The fields of an update input that the client set (omitted and null fields keep their value). */
export function providedFields<T extends object>(input: object, fields: readonly (keyof T & string)[]): Partial<T> {
  const patch: Partial<T> = {};
  for (const field of fields) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined && value !== null) Object.assign(patch, { [field]: value });
  }
  return patch;
}

/** Who makes a change, as the audit trail names them. */
interface Actor {
  subject: string;
}

/** How one kind of versioned record is written and audited (see `VersionedRecords`). */
export interface VersionedKind<T, V extends object> {
  /** The name clients know it by, in errors and the audit trail ("Service"). */
  typeName: string;
  /** The fields of `view(record)` the audit trail records. */
  audited: readonly (keyof V & string)[];
  /** The record as the audit trail sees it (e.g. money as one value); the record itself by default. */
  view?: (record: T) => V;
  /** The change counter (`version` by default; an agreement's is `revision`). */
  counter?: keyof T & string;
}

/**
 * The write path of one kind of versioned record, so that every commands file creates, changes and
 * touches records the same way: load at the version the client saw, write with a compare-and-set
 * that bumps the counter, and append the change to the audit trail — all in the caller's transaction.
 */
export class VersionedRecords<T extends ObjectLiteral & { id: string }, V extends object = T> {
  readonly typeName: string;
  /** Appends a change to this kind's audit trail, with the record's counter after it. */
  readonly audit: (
    manager: EntityManager,
    record: T,
    action: string,
    actor: Actor,
    changes: FieldChange[],
  ) => Promise<void>;
  private readonly counter: keyof T & string;
  private readonly view: (record: T) => V;

  constructor(
    private readonly entity: EntityTarget<T>,
    private readonly kind: VersionedKind<T, V>,
  ) {
    this.typeName = kind.typeName;
    this.counter = kind.counter ?? "version";
    this.view = kind.view ?? ((record) => record as unknown as V);
    this.audit = auditTrailOf<T>(kind.typeName, (record) => record[this.counter] as number);
  }

  /** The record to change, at the version the client saw (see `loadForChange`). */
  load(
    manager: EntityManager,
    id: string,
    expectedVersion: number | null | undefined,
    options: { lock?: boolean } = {},
  ): Promise<T> {
    return loadForChange(manager, this.entity, this.typeName, id, expectedVersion, {
      versionKey: this.counter,
      ...options,
    });
  }

  /** Inserts a new record, reads it back (with its defaults) and records it as "created". */
  async insert(
    manager: EntityManager,
    values: Partial<T> & { id: string },
    actor: Actor,
    moreChanges: FieldChange[] = [],
  ): Promise<T> {
    await manager.insert(this.entity, values as QueryDeepPartialEntity<T>);
    const created = await manager.findOneByOrFail(this.entity, { id: values.id } as never);
    const changes = changesBetween<V>(null, this.view(created), [...this.kind.audited]);
    await this.audit(manager, created, "created", actor, [...changes, ...moreChanges]);
    return created;
  }

  /**
   * Writes `patch` to `current` if it changes any audited field (`fields`, all by default): bumps
   * the counter and records the change as `action`. A patch that changes nothing writes nothing.
   */
  async change(
    manager: EntityManager,
    current: T,
    patch: Partial<T>,
    actor: Actor,
    {
      action = "updated",
      fields = this.kind.audited,
    }: { action?: string; fields?: readonly (keyof V & string)[] } = {},
  ): Promise<T> {
    const next = manager.create(this.entity, { ...current, ...patch } as never) as T;
    const changes = changesBetween<V>(this.view(current), this.view(next), [...fields]);
    if (changes.length === 0) return current;
    const updated = await updateVersioned(manager, this.entity, this.typeName, current, patch, this.counter);
    await this.audit(manager, updated, action, actor, changes);
    return updated;
  }

  /** A change to the record's relations (not its own fields): bumps its counter and records `change`. */
  async touch(manager: EntityManager, record: T, action: string, actor: Actor, change: FieldChange): Promise<T> {
    const updated = await updateVersioned(manager, this.entity, this.typeName, record, {}, this.counter);
    await this.audit(manager, updated, action, actor, [change]);
    return updated;
  }
}

/**
 * Runs `create` in a transaction for a record with a unique `code` (or another unique text column,
 * e.g. an agreement's `number`): a value already taken — found first, or by the unique index when
 * two creates of one value race — is the CONFLICT `taken(value)`.
 */
export async function createWithUniqueCode<T extends ObjectLiteral>(
  transactor: Transactor,
  entity: EntityTarget<T>,
  code: string | { column: keyof T & string; value: string },
  taken: (code: string) => Error,
  create: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const { column, value } = typeof code === "string" ? { column: "code", value: code } : code;
  try {
    return await transactor.run(async (manager) => {
      if (await manager.exists(entity, { where: { [column]: value } as never })) throw taken(value);
      return create(manager);
    });
  } catch (error) {
    // Two concurrent creates of one value: the unique index turns the loser away.
    if (isUniqueViolation(error)) throw taken(value);
    throw error;
  }
}
