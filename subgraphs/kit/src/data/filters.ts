import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { LIKE_ESCAPE, likePattern } from "./batch";

/** Adds "any of `columns` contains `text`" (case-insensitive, wildcards literal) when text is given. */
export function whereContains<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: string[],
  text: string | null | undefined,
): void {
  if (!text) return;
  const match = columns.map((column) => `LOWER(${column}) LIKE :search ESCAPE '${LIKE_ESCAPE}'`).join(" OR ");
  query.andWhere(`(${match})`, { search: likePattern(text) });
}

/** Adds "`column` is any of `values`" when a list is given; an empty list matches nothing. */
export function whereIn<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  values: readonly unknown[] | null | undefined,
): void {
  if (!values) return;
  const param = `in_${column.replace(/\W/g, "_")}`;
  query.andWhere(`${column} IN (:...${param})`, { [param]: values.length > 0 ? [...values] : [null] });
}

/** Adds "`column` equals `value`" when a value is given. */
export function whereEquals<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  value: unknown,
): void {
  if (value === null || value === undefined) return;
  const param = `eq_${column.replace(/\W/g, "_")}`;
  query.andWhere(`${column} = :${param}`, { [param]: value });
}
