import type BetterSqlite3 from "better-sqlite3";
import type { EntityManager, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { QueryFailedError } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { DriverUtils } from "typeorm/driver/DriverUtils";
import { observeStatement } from "./instrumented-queries";

const PLAIN_DRIVERS: readonly string[] = ["better-sqlite3", "mysql", "mariadb"];

/**
 * Whether rows of this entity can be read as plain rows and hydrated column by column (see
 * `hydrate`) with the same result as TypeORM's own loading: an entity of plain columns (no
 * relations, embedded objects, inheritance, soft delete or other schema), nothing that listens to
 * its loading, on a driver whose conversions `prepareHydratedValue` covers.
 */
export function readsPlainRows(metadata: EntityMetadata): boolean {
  const dataSource = metadata.connection;
  return (
    PLAIN_DRIVERS.includes(dataSource.driver.options.type) &&
    !metadata.schema &&
    !metadata.database &&
    !metadata.deleteDateColumn &&
    metadata.relations.length === 0 &&
    metadata.embeddeds.length === 0 &&
    !metadata.discriminatorColumn &&
    metadata.afterLoadListeners.length === 0 &&
    dataSource.subscribers.every((subscriber) => !subscriber.afterLoad) &&
    metadata.columns.every((c) => !c.isVirtual && !c.relationMetadata && !c.embeddedMetadata)
  );
}

/**
 * One row as an entity: every column the row holds (`valueOf` gives undefined for those it does not)
 * through the driver's own conversion, as TypeORM's result transformer does for a query without joins.
 */
export function hydrate<T extends ObjectLiteral>(
  metadata: EntityMetadata,
  valueOf: (column: ColumnMetadata, index: number) => unknown,
): T {
  const driver = metadata.connection.driver;
  const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
  metadata.columns.forEach((column, index) => {
    const value = valueOf(column, index);
    if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  });
  return entity;
}

/** Prepared statements that return rows as arrays, per embedded database connection (most recent 200). */
const rawStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
const RAW_STATEMENTS_KEPT = 200;

function rawStatement(database: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = rawStatements.get(database);
  if (!statements) rawStatements.set(database, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql).raw(true);
    statements.set(sql, statement);
    if (statements.size > RAW_STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
  }
  return statement;
}

/**
 * The rows of a SELECT of `columns` (in that order), each as an array of values in that order. On the
 * embedded database the statement returns arrays itself (better-sqlite3's raw mode: building an
 * object per row cost about 40% of executing these reads); it runs on the one connection every
 * TypeORM query runner of the embedded driver uses (so inside a transaction too), counted and traced
 * as every statement is (`instrumentQueries`), its errors a QueryFailedError as TypeORM's.
 */
export async function selectValues(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
  columns: readonly string[],
): Promise<unknown[][]> {
  return (await selectRows(manager, sql, parameters, columns)).rows;
}

/** `selectValues`, with the names of the columns the arrays hold (the statement's own, in order). */
async function selectRows(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
  columns: readonly string[],
): Promise<{ columns: readonly string[]; rows: unknown[][] }> {
  const dataSource = manager.connection;
  const database = (dataSource.driver as { databaseConnection?: BetterSqlite3.Database }).databaseConnection;
  if (dataSource.driver.options.type === "better-sqlite3" && database) {
    // As TypeORM's runner does: better-sqlite3 cannot bind booleans.
    const values = parameters.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
    return observeStatement(dataSource, sql, async () => {
      try {
        const statement = rawStatement(database, sql);
        return { columns: statement.columns().map((c) => c.name), rows: statement.all(...values) as unknown[][] };
      } catch (error) {
        throw new QueryFailedError(sql, values, error as Error);
      }
    });
  }
  const rows: Record<string, unknown>[] = await manager.query(sql, [...parameters]);
  return { columns, rows: rows.map((row) => columns.map((name) => row[name])) };
}

/**
 * `query.getMany()` for a query that selects one plain entity (no joins, no partial selection,
 * no locks or result cache): the same entities, read as plain rows (`selectValues` on the embedded
 * database, `getRawMany` on MySQL/MariaDB) and hydrated column by column. TypeORM's result
 * transformer (grouping rows by primary key for joins that are not there, relation ids) cost as
 * much as the SQL on hot list reads; anything else goes through `getMany` unchanged.
 */
export async function readMany<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  const map = query.expressionMap;
  const main = map.mainAlias;
  const plain =
    main?.hasMetadata &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.selects.length === 1 &&
    map.selects[0].selection === main.name &&
    !map.lockMode &&
    !map.cache &&
    !map.useTransaction &&
    !query.dataSource.queryResultCache &&
    readsPlainRows(main.metadata);
  if (!plain) return query.getMany();
  const dataSource = query.dataSource;
  const metadata = main.metadata;
  const aliases = metadata.columns.map((c) =>
    DriverUtils.buildAlias(dataSource.driver, undefined, main.name, c.databaseName),
  );
  if (dataSource.driver.options.type === "better-sqlite3") {
    // The embedded driver has one connection (any query runner's, in a transaction or not): read arrays.
    const [sql, parameters] = query.getQueryAndParameters();
    const result = await selectRows(dataSource.manager, sql, parameters, aliases);
    const indexOf = new Map(result.columns.map((name, index) => [name, index]));
    const at = aliases.map((alias) => indexOf.get(alias) ?? -1);
    return result.rows.map((values) =>
      hydrate<T>(metadata, (_, index) => (at[index] < 0 ? undefined : values[at[index]])),
    );
  }
  const rows: Record<string, unknown>[] = await query.getRawMany();
  return rows.map((row) => hydrate<T>(metadata, (_, index) => row[aliases[index]]));
}
