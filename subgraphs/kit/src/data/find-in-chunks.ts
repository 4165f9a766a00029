import type { FindOptionsWhere, ObjectLiteral, Repository } from "typeorm";
import { In } from "typeorm";
import { chunksOf } from "./chunks";

/** Keys per statement: far inside SQLite's 32,766 bound parameters and MySQL's packet size. */
export const KEYS_PER_QUERY = 1000;

/**
 * `findBy` with `column IN (keys)` for a key list of any length, one statement per 1,000 keys: a
 * single statement with the whole list fails on SQLite beyond 32,766 keys ("too many SQL
 * variables"), which a register-wide read (every live agreement's targets) reaches at scale.
 */
export async function findInChunks<T extends ObjectLiteral, C extends keyof T & string>(
  repository: Repository<T>,
  column: C,
  keys: readonly T[C][],
  where: FindOptionsWhere<T> = {},
): Promise<T[]> {
  const rows: T[] = [];
  for (const chunk of chunksOf(keys, KEYS_PER_QUERY)) {
    rows.push(...(await repository.findBy({ ...where, [column]: In(chunk) } as FindOptionsWhere<T>)));
  }
  return rows;
}
