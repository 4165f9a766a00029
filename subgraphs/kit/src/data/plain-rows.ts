import type BetterSqlite3 from "better-sqlite3";
import type {
  DataSource,
  EntityManager,
  EntityMetadata,
  ObjectLiteral,
  QueryRunner,
  SelectQueryBuilder,
} from "typeorm";
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from "typeorm";
import type { MysqlDriver } from "typeorm/driver/mysql/MysqlDriver";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { DriverUtils } from "typeorm/driver/DriverUtils";
import { observeStatement } from "./instrumented-queries";

const PLAIN_DRIVERS: readonly string[] = ["better-sqlite3", "mysql", "mariadb"];

/**
 * Whether rows of this entity can be read as plain rows and hydrated column by column (see
 * `rowReader`) with the same result as TypeORM's own loading: an entity of plain columns (no
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
    !dataSource.options.typename &&
    metadata.columns.every((c) => !c.isVirtual && !c.relationMetadata && !c.embeddedMetadata)
  );
}

/** Column types whose values neither driver's `prepareHydratedValue` changes (without a transformer). */
const UNCONVERTED_TYPES: readonly unknown[] = [
  "varchar",
  "nvarchar",
  "character varying",
  "char",
  "text",
  "tinytext",
  "mediumtext",
  "longtext",
  "int",
  "integer",
  "smallint",
  "tinyint",
  "bigint",
  "double",
  "double precision",
  "float",
  "real",
  "decimal",
  "numeric",
  String,
];

/**
 * The driver's conversion of a column's values, or null where it returns every value unchanged: a
 * type listed above, or an enum of strings only (its `parseEnumValue` turns numbers into numbers),
 * without a transformer. Everything else goes through the driver's own `prepareHydratedValue`.
 */
function conversionOf(column: ColumnMetadata): ((value: unknown) => unknown) | null {
  const passes =
    !column.transformer &&
    (UNCONVERTED_TYPES.includes(column.type) ||
      ((column.type === "simple-enum" || column.type === "enum") &&
        !column.isArray &&
        (column.enum ?? []).every((member) => typeof member === "string")));
  if (passes) return null;
  const driver = column.entityMetadata.connection.driver;
  return (value) => driver.prepareHydratedValue(value, column);
}

/** Turns a row's values (in the order of the columns it was built for) into an entity. */
export type RowReader<T> = (values: readonly unknown[]) => T;

const readers = new WeakMap<EntityMetadata, Map<string, RowReader<ObjectLiteral>>>();

/**
 * A reader of rows that hold `columns` (of an entity `readsPlainRows` accepts; a missing column is
 * given as null: undefined), built once per entity and column list: an object of the entity's
 * class (constructed, or not, as TypeORM's loading does) with each column's value set as the
 * driver's own conversion gives it, columns without a conversion copied as they are. The same
 * entity TypeORM's result transformer makes, without its per-value metadata lookups.
 */
export function rowReader<T extends ObjectLiteral>(
  metadata: EntityMetadata,
  columns: readonly (ColumnMetadata | null)[],
): RowReader<T> {
  let byColumns = readers.get(metadata);
  if (!byColumns) readers.set(metadata, (byColumns = new Map()));
  const key = columns.map((c) => c?.propertyName ?? "").join("\n");
  let reader = byColumns.get(key);
  if (!reader) {
    const Target = metadata.target as new () => Record<string, unknown>;
    const construct = metadata.isAlwaysUsingConstructor;
    const present = columns.flatMap((column, index) =>
      column ? [{ index, property: column.propertyName, convert: conversionOf(column) }] : [],
    );
    reader = (values) => {
      const entity = construct ? new Target() : (Object.create(Target.prototype) as Record<string, unknown>);
      for (const { index, property, convert } of present) {
        const value = values[index];
        if (value !== undefined) entity[property] = convert ? convert(value) : value;
      }
      return entity;
    };
    byColumns.set(key, reader);
  }
  return reader as RowReader<T>;
}

/** A statement that returns rows as arrays, with the names of its result columns (in order). */
interface RawStatement {
  statement: BetterSqlite3.Statement;
  columns: readonly string[];
}

/** Prepared statements that return rows as arrays, per embedded database connection (most recent 200). */
const rawStatements = new WeakMap<BetterSqlite3.Database, Map<string, RawStatement>>();
const RAW_STATEMENTS_KEPT = 200;

function rawStatement(database: BetterSqlite3.Database, sql: string): RawStatement {
  let statements = rawStatements.get(database);
  if (!statements) rawStatements.set(database, (statements = new Map()));
  let prepared = statements.get(sql);
  if (!prepared) {
    const statement = database.prepare(sql).raw(true);
    prepared = { statement, columns: statement.columns().map((c) => c.name) };
    statements.set(sql, prepared);
    if (statements.size > RAW_STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
  }
  return prepared;
}

/**
 * The rows of a SELECT, each as an array of the statement's result columns in order, counted and
 * traced as every statement is (`instrumentQueries`), its errors a QueryFailedError as TypeORM's.
 * Building an object per row (then reading it back into an array) cost about 40% of executing
 * these reads on the embedded database; on MySQL/MariaDB TypeORM's runner also wraps every
 * statement in mysql2's promise API, which captures a stack trace per statement, and copies the
 * rows. `runner`: the query runner the read belongs to (a transaction's, whose connection it uses);
 * without one, a pooled connection for reads, as TypeORM's query builder takes.
 */
export async function selectValues(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<unknown[][]> {
  return (await selectRows(manager.connection, manager.queryRunner, sql, parameters)).rows;
}

/** `selectValues`, with the names of the columns the arrays hold (the statement's own, in order). */
function selectRows(
  dataSource: DataSource,
  runner: QueryRunner | undefined,
  sql: string,
  parameters: readonly unknown[],
): Promise<StatementRows> {
  const database = (dataSource.driver as { databaseConnection?: BetterSqlite3.Database }).databaseConnection;
  if (dataSource.driver.options.type === "better-sqlite3" && database) {
    // The embedded driver has one connection, which every query runner (in a transaction or not) uses.
    // As TypeORM's runner does: better-sqlite3 cannot bind booleans.
    const values = parameters.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
    return observeStatement(dataSource, sql, async () => {
      try {
        const { statement, columns } = rawStatement(database, sql);
        return { columns, rows: statement.all(...values) as unknown[][] };
      } catch (error) {
        throw new QueryFailedError(sql, values, error as Error);
      }
    });
  }
  return observeStatement(dataSource, sql, () => selectMysqlRows(dataSource, runner, sql, [...parameters]));
}

interface StatementRows {
  columns: readonly string[];
  rows: unknown[][];
}

/** mysql2's connection, as TypeORM's MySQL driver hands it out (callback API). */
interface MysqlConnection {
  query(
    options: { sql: string; rowsAsArray: true; timeout?: number },
    values: unknown[],
    callback: (error: Error | null, rows: unknown[][], fields: readonly { name: string }[]) => void,
  ): void;
  release(): void;
}

/**
 * A SELECT on mysql2's callback API with rows as arrays (`rowsAsArray`: the same values, converted
 * by the pool's own settings): on the connection of `runner` when there is one (refused once it is
 * released, as TypeORM refuses), otherwise on a pooled connection taken and given back around it.
 */
async function selectMysqlRows(
  dataSource: DataSource,
  runner: QueryRunner | undefined,
  sql: string,
  parameters: unknown[],
): Promise<StatementRows> {
  const driver = dataSource.driver as MysqlDriver;
  if (runner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const connection = (await (runner
    ? runner.connect()
    : dataSource.defaultReplicationModeForReads() === "slave"
      ? driver.obtainSlaveConnection()
      : driver.obtainMasterConnection())) as MysqlConnection;
  const { maxQueryExecutionTime, enableQueryTimeout } = driver.options;
  const timeout = enableQueryTimeout && maxQueryExecutionTime ? maxQueryExecutionTime : undefined;
  try {
    return await new Promise<StatementRows>((resolve, reject) =>
      connection.query({ sql, rowsAsArray: true, timeout }, parameters, (error, rows, fields) =>
        error
          ? reject(new QueryFailedError(sql, parameters, error))
          : resolve({ columns: fields.map((f) => f.name), rows }),
      ),
    );
  } finally {
    if (!runner) connection.release();
  }
}

/**
 * `query.getMany()` for a query that selects one plain entity (no joins, no partial selection,
 * no locks or result cache): the same entities, read as arrays of values (as `selectValues` reads,
 * on the query's own runner) and hydrated column by column. TypeORM's result
 * transformer (grouping rows by primary key for joins that are not there, relation ids) cost as
 * much as the SQL on hot list reads; anything else goes through `getMany` unchanged. `select`:
 * only these columns are read, the others left undefined (see `projectedColumns`).
 */
export async function readMany<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  select?: readonly ColumnMetadata[],
): Promise<T[]> {
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
  const columns = select ? metadata.columns.filter((c) => select.includes(c)) : metadata.columns;
  if (select) query.select(columns.map((c) => `${main.name}.${c.propertyPath}`));
  const aliases = columns.map((c) => DriverUtils.buildAlias(dataSource.driver, undefined, main.name, c.databaseName));
  const [sql, parameters] = query.getQueryAndParameters();
  // The runner of the manager the query was made from (a transaction's): TypeORM keeps it protected.
  const runner = (query as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const result = await selectRows(dataSource, runner, sql, parameters);
  const columnOf = new Map(aliases.map((alias, index) => [alias, columns[index]]));
  const read = rowReader<T>(
    metadata,
    result.columns.map((name) => columnOf.get(name) ?? null),
  );
  return result.rows.map(read);
}
