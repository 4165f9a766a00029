import type { EntityManager } from "typeorm";
import { Entity, PrimaryColumn } from "typeorm";

/** One row per lock name: transactions that must not interleave lock the same row. */
@Entity("locks")
export class NamedLock {
  @PrimaryColumn({ type: "varchar", length: 120 })
  name: string;
}

/**
 * Holds the lock `name` until the surrounding transaction ends, so that checks and writes of
 * concurrent transactions on the same thing (a dependency graph, a referenced service) cannot
 * interleave. The embedded database already runs one transaction at a time.
 */
export async function lockNamed(manager: EntityManager, name: string): Promise<void> {
  if (manager.connection.options.type === "better-sqlite3") return;
  await manager.query("INSERT IGNORE INTO locks (name) VALUES (?)", [name]);
  await manager.query("SELECT name FROM locks WHERE name = ? FOR UPDATE", [name]);
}
