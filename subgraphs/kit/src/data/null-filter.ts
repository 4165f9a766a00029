import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * Adds "`column` is not set" when `isNull` is true, "`column` is set" when it is false, nothing
 * when it is not given: a filter's yes/no/either question such as "still open?" (no end yet).
 */
export function whereNull<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  isNull: boolean | null | undefined,
): void {
  if (isNull === true) query.andWhere(`${column} IS NULL`);
  if (isNull === false) query.andWhere(`${column} IS NOT NULL`);
}
