import type { FindOptionsWhere, ObjectLiteral, Repository } from "typeorm";
import { FindOperator, In } from "typeorm";
import DataLoader from "dataloader";
import { KEYS_PER_QUERY } from "./find-in-chunks";
import { readsPlainRows, rowReader, selectValues } from "./plain-rows";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/** Arranges rows in the order of `keys` (DataLoader's contract); missing keys give null. */
export function alignByKey<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups rows under each of `keys`, in the order of `keys`; keys without rows get []. */
export function groupByKey<K, T, V = T>(
  keys: readonly K[],
  rows: T[],
  keyOf: (row: T) => K,
  valueOf: (row: T) => V = (row) => row as unknown as V,
): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(valueOf(row));
  return keys.map((key) => groups.get(key) ?? []);
}

/** A per-request loader with a batch size that stays within every database's parameter limit. */
export function loader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader<K, V>((keys) => batch(keys), { maxBatchSize: KEYS_PER_QUERY });
}

/** Loads many ids through a loader and drops the ones that no longer exist. */
export async function loadExisting<T>(source: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const rows = await source.loadMany(ids);
  const failure = rows.find((row) => row instanceof Error);
  if (failure) throw failure;
  return rows.filter((row): row is T => row !== null);
}

/** Escape character for LIKE patterns; "!" means the same in SQLite and MySQL string literals. */
export const LIKE_ESCAPE = "!";

/** A case-insensitive "contains" pattern in which the user's text matches literally; use with `ESCAPE '!'`. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** Sorts rows by a text key, for stable, readable list fields. */
export function sortByText<T>(rows: T[], keyOf: (row: T) => string): T[] {
  return [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/**
 * Loads rows whose `column` is one of `keys`, aligned with `keys` (for a DataLoader batch); rows
 * that do not also match `where` (e.g. a caller's scope) come back as null. `select`: only these
 * columns (and `column`) are read, the others left undefined (see `projectedColumns`).
 */
export async function findAligned<T extends ObjectLiteral, C extends keyof T & string>(
  repository: Repository<T>,
  column: C,
  keys: readonly T[C][],
  where: FindOptionsWhere<T> = {},
  select?: readonly ColumnMetadata[],
): Promise<(T | null)[]> {
  const rows = await findIn(repository, column, keys, where, select);
  return alignByKey(keys, rows, (row) => row[column]);
}

/**
 * Loads rows whose `column` is one of `keys`, grouped under each key (for a DataLoader batch);
 * only rows that also match `where` count. `select`: as in `findAligned`.
 */
export async function findGrouped<T extends ObjectLiteral, C extends keyof T & string, V = T>(
  repository: Repository<T>,
  column: C,
  keys: readonly T[C][],
  valueOf?: (row: T) => V,
  where: FindOptionsWhere<T> = {},
  select?: readonly ColumnMetadata[],
): Promise<V[][]> {
  const rows = await findIn(repository, column, keys, where, select);
  return groupByKey(keys, rows, (row) => row[column], valueOf);
}

type Scalar = string | number;
const isScalar = (value: unknown): value is Scalar => typeof value === "string" || typeof value === "number";

/**
 * `where` as conditions the plain read can write itself: each property a column without a
 * transformer, equal to a string or number or `In` a non-empty list of them. Undefined for anything
 * else (left to TypeORM's find options).
 */
function plainConditions<T extends ObjectLiteral>(
  metadata: Repository<T>["metadata"],
  where: FindOptionsWhere<T>,
): { column: ColumnMetadata; values: Scalar[] }[] | undefined {
  const conditions: { column: ColumnMetadata; values: Scalar[] }[] = [];
  for (const [property, value] of Object.entries(where)) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column || column.transformer) return undefined;
    let values: unknown[];
    if (isScalar(value)) values = [value];
    else if (value instanceof FindOperator && value.type === "in" && Array.isArray(value.value)) values = value.value;
    else return undefined;
    if (values.length === 0 || !values.every(isScalar)) return undefined;
    conditions.push({ column, values });
  }
  return conditions;
}

/**
 * `repository.findBy({ ...where, [column]: In(keys) })`. With only conditions of the form above, on an entity
 * of plain columns (no relations, embedded objects or inheritance), it is one SELECT of those
 * columns whose rows become entities column by column through the driver's own conversion (the
 * same values findBy gives): TypeORM's find options and its generic result transformer (building
 * the query from metadata, grouping rows by primary key for joins that are not there) cost more
 * than the SQL on these batched relation reads.
 */
async function findIn<T extends ObjectLiteral, C extends keyof T & string>(
  repository: Repository<T>,
  column: C,
  keys: readonly T[C][],
  where: FindOptionsWhere<T>,
  select: readonly ColumnMetadata[] | undefined,
): Promise<T[]> {
  const metadata = repository.metadata;
  const driver = repository.manager.connection.driver;
  const conditions = readsPlainRows(metadata) && !(column in where) ? plainConditions(metadata, where) : undefined;
  const keyColumn = metadata.findColumnWithPropertyName(column);
  if (!conditions || !keyColumn || keys.length === 0) {
    return repository.findBy({ ...where, [column]: In([...keys]) } as FindOptionsWhere<T>);
  }
  const columns = select ? metadata.columns.filter((c) => c === keyColumn || select.includes(c)) : metadata.columns;
  const sql =
    `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(", ")} FROM ${driver.escape(metadata.tableName)}` +
    ` WHERE ${driver.escape(keyColumn.databaseName)} IN (${keys.map(() => "?").join(", ")})` +
    conditions
      .map((c) => ` AND ${driver.escape(c.column.databaseName)} IN (${c.values.map(() => "?").join(", ")})`)
      .join("");
  const rows = await selectValues(repository.manager, sql, [...keys, ...conditions.flatMap((c) => c.values)]);
  return rows.map(rowReader<T>(metadata, columns));
}
