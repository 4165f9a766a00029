import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { EntityManager, EntityTarget, MixedList, ObjectLiteral } from "typeorm";
import { DataSource } from "typeorm";
import type { SubgraphConfig } from "../config";

// TypeORM's own option type for entity and migration lists.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface DataSourceSpec {
  entities: ClassList;
  /** Migrations for MySQL/MariaDB; the embedded database is synchronised from the entities. */
  migrations?: ClassList;
}

/** Where the embedded database of a subgraph lives; `:memory:` keeps it in memory (tests). */
export function sqlitePath(config: Pick<SubgraphConfig, "name" | "dataDir">): string {
  return config.dataDir === ":memory:" ? ":memory:" : join(config.dataDir, `${config.name}.sqlite`);
}

/**
 * The one data-source factory: MySQL/MariaDB through mysql2 when the subgraph has a database URL,
 * otherwise an embedded SQLite file (better-sqlite3, WAL, fsync on commit) in the data directory.
 */
export function createDataSource(config: SubgraphConfig, spec: DataSourceSpec): DataSource {
  if (config.databaseUrl) {
    return new DataSource({
      type: "mysql",
      url: config.databaseUrl,
      entities: spec.entities,
      migrations: spec.migrations ?? [],
      synchronize: false,
      timezone: "Z",
      poolSize: config.dbPoolSize,
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
    },
  });
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
