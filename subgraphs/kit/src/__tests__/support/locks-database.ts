import { DataSource } from "typeorm";
import { NamedLock } from "../../write/named-lock";

/** An in-memory SQLite database with the kit's `locks` table: enough rows and columns for the data helpers' tests. */
export function locksDatabase(): Promise<DataSource> {
  return new DataSource({
    type: "better-sqlite3",
    database: ":memory:",
    entities: [NamedLock],
    synchronize: true,
  }).initialize();
}
