import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { ConflictError, NotFoundError } from "@itsm/runtime";

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
