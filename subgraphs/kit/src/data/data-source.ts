import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { EntityManager, EntityTarget, MixedList, ObjectLiteral } from "typeorm";
import { DataSource } from "typeorm";
import mysql from "mysql2";
import mysqlPromise from "mysql2/promise";
import { requireUtf8mb4 } from "./character-set";
import { connectFailure, isTransactionConflict } from "./database-errors";
import type { SubgraphConfig } from "../config";

// TypeORM's own option type for entity and migration lists.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface DataSourceSpec {
  entities: ClassList;
  /** Migrations for MySQL/MariaDB; the embedded database is synchronised from the entities. */
  migrations?: ClassList;
}

/**
 * On a Galera cluster, what every session waits for before it reads: 1 = before every read
 * (SELECT, SHOW, BEGIN) the node applies every write set the cluster committed before it, so a
 * request that reads through another replica (on another node) sees a write acknowledged a moment
 * ago. Writes need no wait: certification orders them.
 */
export const GALERA_SYNC_WAIT = 1;

/**
 * mysql2 whose pooled connections all work in UTC: DEFAULT CURRENT_TIMESTAMP and the dates we
 * write mean the same instant whatever the server's time zone; on a Galera cluster they also read
 * their writes wherever they were made (`wsrep_sync_wait`).
 */
function sessionMysql(galera: boolean) {
  const setup = galera
    ? `SET time_zone = '+00:00', SESSION wsrep_sync_wait = ${GALERA_SYNC_WAIT}`
    : "SET time_zone = '+00:00'";
  return {
    ...mysql,
    createPool(options: mysql.PoolOptions) {
      const pool = mysql.createPool(options);
      pool.on("connection", (connection) => connection.query(setup));
      return pool;
    },
  };
}

/** Where the embedded database of a subgraph lives; `:memory:` keeps it in memory (tests). */
export function sqlitePath(config: Pick<SubgraphConfig, "name" | "dataDir">): string {
  return config.dataDir === ":memory:" ? ":memory:" : join(config.dataDir, `${config.name}.sqlite`);
}

/**
 * The one data-source factory: MySQL/MariaDB through mysql2 when the subgraph has a database URL,
 * otherwise an embedded SQLite file (better-sqlite3, WAL, fsync on commit) in the data directory.
 */
export function createDataSource(
  config: SubgraphConfig,
  spec: DataSourceSpec,
  flavour: ServerFlavour = config.databaseUrl?.startsWith("mariadb:") ? "mariadb" : "mysql",
  galera: boolean = config.databaseCluster === "galera",
): DataSource {
  if (config.databaseUrl) {
    return new DataSource({
      // TypeORM reads MariaDB's catalogue differently (e.g. column defaults): it must know which it talks to.
      type: flavour,
      url: config.databaseUrl.replace(/^mariadb:/, "mysql:"),
      driver: sessionMysql(galera),
      entities: spec.entities,
      migrations: spec.migrations ?? [],
      migrationsTableName: "migrations",
      synchronize: false,
      timezone: "Z",
      charset: "utf8mb4_unicode_ci",
      poolSize: config.dbPoolSize,
      connectTimeout: 5_000,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
  }
  const database = sqlitePath(config);
  if (database !== ":memory:") mkdirSync(config.dataDir, { recursive: true });
  return new DataSource({
    type: "better-sqlite3",
    database,
    entities: spec.entities,
    synchronize: true,
    enableWAL: database !== ":memory:",
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // A committed transaction is on disk before the commit returns.
      db.pragma("synchronous = FULL");
      db.pragma("foreign_keys = ON");
      db.pragma("busy_timeout = 5000");
      // Negative: a size in KiB rather than in pages.
      db.pragma(`cache_size = -${config.sqliteCacheMb * 1024}`);
    },
  });
}

export type ServerFlavour = "mysql" | "mariadb";

/** Asks the server at `url` whether it is MySQL or MariaDB, and whether it is a Galera node (`wsrep_on`). */
export async function detectServer(url: string): Promise<{ flavour: ServerFlavour; galera: boolean }> {
  const connection = await mysqlPromise.createConnection({
    uri: url.replace(/^mariadb:/, "mysql:"),
    connectTimeout: 5_000,
  });
  try {
    const [rows] = await connection.query("SELECT VERSION() AS version");
    const flavour = /mariadb/i.test((rows as { version: string }[])[0].version) ? "mariadb" : "mysql";
    const [wsrep] = await connection.query("SHOW VARIABLES LIKE 'wsrep_on'");
    const galera = (wsrep as { Value: string }[])[0]?.Value === "ON";
    return { flavour, galera };
  } finally {
    await connection.end();
  }
}

/** Asks the server at `url` whether it is MySQL or MariaDB. */
export async function detectServerFlavour(url: string): Promise<ServerFlavour> {
  return (await detectServer(url)).flavour;
}

/**
 * Creates and opens a subgraph's data source; for MySQL/MariaDB a failure to connect, or a database
 * not in utf8mb4, becomes one line naming the cause and what to fix. Every path that touches the
 * database (start, migrate, seed) opens it here, so none writes to a database that would mangle names.
 */
export async function openDataSource(config: SubgraphConfig, spec: DataSourceSpec): Promise<DataSource> {
  if (!config.databaseUrl) return createDataSource(config, spec).initialize();
  let dataSource: DataSource;
  try {
    const server = await detectServer(config.databaseUrl);
    const galera = config.databaseCluster === "auto" ? server.galera : config.databaseCluster === "galera";
    dataSource = await createDataSource(config, spec, server.flavour, galera).initialize();
  } catch (error) {
    throw connectFailure(error, config.databaseUrl, config.databaseUrlVariable);
  }
  try {
    // On a Galera cluster another replica's migrations (DDL in total order) abort a concurrent read
    // of the catalogue as a deadlock: the check only reads, so it runs again.
    for (let attempt = 1; ; attempt++) {
      try {
        await requireUtf8mb4(dataSource, config.databaseUrl, config.databaseUrlVariable);
        break;
      } catch (error) {
        if (attempt >= 5 || !isTransactionConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Loads the sample into an empty database, in one transaction, exactly once. */
export async function seedIfEmpty(
  dataSource: DataSource,
  marker: EntityTarget<ObjectLiteral>,
  seed: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(marker)) > 0) return false;
    await seed(manager);
    return true;
  });
}
