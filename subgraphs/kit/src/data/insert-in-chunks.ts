import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { chunksOf } from "./chunks";

/** Rows per INSERT statement: well inside every dialect's limit on bound parameters. */
export const ROWS_PER_INSERT = 200;

/**
 * Inserts rows with multi-row INSERTs of up to 200 rows each, in the caller's transaction, without
 * reading them back (the caller knows their ids and values): one statement per chunk however many
 * rows a batch writes.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (const chunk of chunksOf(rows, ROWS_PER_INSERT)) {
    await manager.createQueryBuilder().insert().into(entity).values(chunk).updateEntity(false).execute();
  }
}
