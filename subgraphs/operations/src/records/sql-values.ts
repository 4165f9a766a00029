import type { DataSource } from "typeorm";

/** A statement and its positional parameters (`?`, as both drivers take them). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A column of a parameter table: text (ids, codes, datetimes as text) or a number. */
export type ParameterColumn = readonly [name: string, type: "text" | "number"];

/**
 * A common table expression of constant rows, `name(col, …)`, read from ONE parameter holding the
 * rows as JSON: how one statement joins many targets' parameters (service, priority, period, limit
 * …) against the records, so that a report costs the same statements however many targets it has.
 * One parameter, not one per value: SQLite refuses more than 32,766 variables (at --scale 10000 a
 * report's targets would bind 845,000), and MySQL's prepared statements 65,535. SQLite reads it with
 * json_each, MariaDB (10.6+) and MySQL (8+) with JSON_TABLE; `rows` must not be empty.
 */
export function valuesTable(
  dataSource: DataSource,
  name: string,
  columns: readonly ParameterColumn[],
  rows: readonly unknown[][],
): Statement {
  if (rows.length === 0) throw new RangeError(`valuesTable(${name}) needs at least one row`);
  const names = columns.map(([column]) => column).join(", ");
  const json = JSON.stringify(rows);
  if (dataSource.options.type === "better-sqlite3") {
    const picks = columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(", ");
    return { sql: `${name}(${names}) AS (SELECT ${picks} FROM json_each(?))`, params: [json] };
  }
  // Text columns in the server's collation, so that they compare with the tables' columns.
  const defs = columns
    .map(([column, type], i) =>
      type === "number"
        ? `${column} DOUBLE PATH '$[${i}]'`
        : `${column} VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci PATH '$[${i}]'`,
    )
    .join(", ");
  return { sql: `${name} AS (SELECT ${names} FROM JSON_TABLE(?, '$[*]' COLUMNS (${defs})) AS jt)`, params: [json] };
}

/**
 * A datetime given as text in a values table, as the database compares it with a `datetime(3)`
 * column: SQLite stores datetimes as that very text, MariaDB needs the text read as a datetime.
 */
export function asDateTime(dataSource: DataSource, expression: string): string {
  return dataSource.options.type === "better-sqlite3" ? expression : `CAST(${expression} AS DATETIME(3))`;
}
