import type { DataSource } from "typeorm";

/** A statement and its positional parameters (`?`, as both drivers take them). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * A common table expression of constant rows, `name(col, …) AS (VALUES (?, …), …)`: how one
 * statement joins many targets' parameters (service, priority, period, limit …) against the
 * records, so that a report costs the same number of statements however many targets it has.
 * Both SQLite and MariaDB (10.3+) accept VALUES with a column list; `rows` must not be empty.
 */
export function valuesTable(name: string, columns: readonly string[], rows: readonly unknown[][]): Statement {
  if (rows.length === 0) throw new RangeError(`valuesTable(${name}) needs at least one row`);
  const row = `(${columns.map(() => "?").join(", ")})`;
  return {
    sql: `${name}(${columns.join(", ")}) AS (VALUES ${rows.map(() => row).join(", ")})`,
    params: rows.flat(),
  };
}

/**
 * A datetime given as text in a values table, as the database compares it with a `datetime(3)`
 * column: SQLite stores datetimes as that very text, MariaDB needs the text read as a datetime.
 */
export function asDateTime(dataSource: DataSource, expression: string): string {
  return dataSource.options.type === "better-sqlite3" ? expression : `CAST(${expression} AS DATETIME(3))`;
}
