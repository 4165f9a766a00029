import type { Env, SubgraphName } from "@itsm/runtime/config";
import { commonEnv, commonSettings, ConfigError, envValue, parseEnv, SUBGRAPH_PORTS } from "@itsm/runtime/config";
import { z } from "zod";

const peerUrl = (name: SubgraphName) => envValue.httpUrl.default(`http://localhost:${SUBGRAPH_PORTS[name]}/graphql`);

/** The variables a subgraph reads; `PORT` and `DATABASE_URL` come from `<NAME>_PORT` and `<NAME>_DATABASE_URL`. */
const subgraphEnv = commonEnv.extend({
  DATABASE_URL: envValue.databaseUrl.optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  DB_POOL_SIZE: envValue.positiveInt.max(1000).default(10),
  // The embedded database's page cache, in MiB (SQLite's own default is 2).
  SQLITE_CACHE_MB: envValue.positiveInt.max(65_536).default(64),
  MIGRATE_ON_START: envValue.bool.default("false"),
  // "galera": the database is a MariaDB Galera cluster; "auto": ask the server (wsrep_on); "none": a single server.
  DATABASE_CLUSTER: z.enum(["auto", "galera", "none"]).default("auto"),
  SEED_ON_START: envValue.bool.optional(),
  SUBGRAPH_TIMEOUT_MS: envValue.positiveInt.default(10_000),
  // Where the other subgraphs are, for the checks that keep cross-subgraph references valid.
  ...({
    CATALOG_URL: peerUrl("catalog"),
    CUSTOMERS_URL: peerUrl("customers"),
    AGREEMENTS_URL: peerUrl("agreements"),
    OPERATIONS_URL: peerUrl("operations"),
  } satisfies Record<`${Uppercase<SubgraphName>}_URL`, z.ZodTypeAny>),
});

/**
 * Reads a subgraph's configuration: `<NAME>_PORT`, `<NAME>_DATABASE_URL`, `DATA_DIR`, `DB_POOL_SIZE`, `SQLITE_CACHE_MB`,
 * `DATABASE_CLUSTER`, `MIGRATE_ON_START`, `SEED_ON_START`, the other subgraphs' `<NAME>_URL`, `SUBGRAPH_TIMEOUT_MS` and the
 * common settings.
 */
export function loadSubgraphConfig(name: SubgraphName, env: Env = process.env) {
  const prefix = name.toUpperCase();
  const databaseUrlVariable = `${prefix}_DATABASE_URL`;
  const parsed = parseEnv(subgraphEnv.extend({ PORT: envValue.port.default(SUBGRAPH_PORTS[name]) }), env, {
    PORT: `${prefix}_PORT`,
    DATABASE_URL: databaseUrlVariable,
  });
  return {
    ...commonSettings(parsed),
    name,
    port: parsed.PORT,
    /** MySQL/MariaDB URL; when absent the subgraph uses its embedded SQLite database in `dataDir`. */
    databaseUrl: parsed.DATABASE_URL,
    /** The variable that holds `databaseUrl`, for messages that tell the operator what to fix. */
    databaseUrlVariable,
    dataDir: parsed.DATA_DIR,
    dbPoolSize: parsed.DB_POOL_SIZE,
    /**
     * The embedded database's page cache (MiB): SQLite's default 2 MiB holds a small part of a
     * database at scale, so hot reads went to the file for pages they had just read.
     */
    sqliteCacheMb: parsed.SQLITE_CACHE_MB,
    /**
     * Whether the database is a Galera cluster ("auto": the server says, by `wsrep_on`): then every
     * pooled connection reads with `wsrep_sync_wait = 1`, so a read sees every write committed on
     * any node before it (read-your-writes through any replica).
     */
    databaseCluster: parsed.DATABASE_CLUSTER,
    /** Run pending migrations at start-up (MySQL/MariaDB); otherwise pending migrations stop the start. */
    migrateOnStart: parsed.MIGRATE_ON_START,
    /** Load the sample into an empty database at start-up: default on for the embedded database only. */
    seedOnStart: parsed.SEED_ON_START ?? !parsed.DATABASE_URL,
    /** Where the other subgraphs are, for the checks that keep cross-subgraph references valid. */
    peerUrls: {
      catalog: parsed.CATALOG_URL,
      customers: parsed.CUSTOMERS_URL,
      agreements: parsed.AGREEMENTS_URL,
      operations: parsed.OPERATIONS_URL,
    } satisfies Record<SubgraphName, string>,
    /** Longest wait for one call to another subgraph. */
    peerTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
  };
}

export type SubgraphConfig = ReturnType<typeof loadSubgraphConfig>;

const testDatabaseEnv = z.object({
  ITSM_TEST_DB: z.enum(["sqlite", "mariadb"]).default("sqlite"),
  ITSM_TEST_MARIADB_URL: envValue.databaseUrl.optional(),
});

/**
 * Where database-backed tests run: the embedded database (default) or, with
 * `ITSM_TEST_DB=mariadb`, fresh databases on the server at `ITSM_TEST_MARIADB_URL`.
 */
export function loadTestDatabaseSettings(env: Env = process.env) {
  const parsed = parseEnv(testDatabaseEnv, env);
  if (parsed.ITSM_TEST_DB === "mariadb" && !parsed.ITSM_TEST_MARIADB_URL) {
    throw new ConfigError("Invalid configuration: ITSM_TEST_DB=mariadb needs ITSM_TEST_MARIADB_URL");
  }
  return {
    driver: parsed.ITSM_TEST_DB,
    /** Server URL without a database, e.g. `mysql://itsm:itsm@127.0.0.1:3307/`. */
    serverUrl: parsed.ITSM_TEST_MARIADB_URL,
  };
}

export type TestDatabaseSettings = ReturnType<typeof loadTestDatabaseSettings>;
