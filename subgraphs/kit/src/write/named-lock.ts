import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** The longest lock name the table holds; longer names (made from client input) are hashed. */
const NAME_LENGTH = 120;

/** One row per lock name: transactions that must not interleave lock the same row. */
@Entity("locks")
export class NamedLock {
  @PrimaryColumn({ type: "varchar", length: NAME_LENGTH })
  name: string;

  /**
   * Incremented by every acquisition, so that taking the lock always changes the row: on a Galera
   * cluster only changed rows are certified, so two nodes taking the same lock conflict at COMMIT.
   */
  @Column({ type: "bigint", unsigned: true, default: 0 })
  acquisitions: string;
}

/**
 * Adds `locks.acquisitions` (every subgraph with write-path tables lists this migration after the
 * one that created `locks`).
 */
export class NamedLockAcquisitions1797000000000 implements MigrationInterface {
  name = "NamedLockAcquisitions1797000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `locks` ADD `acquisitions` bigint UNSIGNED NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `locks` DROP COLUMN `acquisitions`");
  }
}

/** The row name of a lock: the name itself, or its SHA-256 when it is longer than the column. */
export function lockRowName(name: string): string {
  return name.length <= NAME_LENGTH ? name : `sha256:${createHash("sha256").update(name).digest("hex")}`;
}

/**
 * Holds the lock `name` until the surrounding transaction ends, so that checks and writes of
 * concurrent transactions on the same thing (a dependency graph, a referenced service) cannot
 * interleave. The embedded database already runs one transaction at a time.
 *
 * The upsert always writes (the `acquisitions` counter), never `ON DUPLICATE KEY UPDATE name = name`,
 * which changes nothing when the row exists: on one server both take the row's exclusive lock, but a
 * Galera cluster certifies only changed rows, so two nodes would both "hold" a lock that wrote
 * nothing and both commit. With a real write, the later of two nodes' transactions fails its
 * certification (a deadlock error) and the transactor runs it again, now after the winner.
 */
export async function lockNamed(manager: EntityManager, name: string): Promise<void> {
  if (manager.connection.options.type === "better-sqlite3") return;
  // An upsert takes the row's exclusive lock at once (INSERT IGNORE + SELECT FOR UPDATE would first
  // take a shared lock, and two holders upgrading it deadlock).
  await manager.query(
    "INSERT INTO locks (name, acquisitions) VALUES (?, 1) ON DUPLICATE KEY UPDATE acquisitions = acquisitions + 1",
    [lockRowName(name)],
  );
}

/**
 * Find options for a read that must see the latest committed rows, not the transaction's snapshot
 * (MySQL's REPEATABLE READ fixes the snapshot at the first plain read, possibly before a lock was
 * taken): a shared-lock read on MySQL/MariaDB; the embedded database has no concurrent writers.
 */
export function latest(manager: EntityManager): { lock?: { mode: "pessimistic_read" } } {
  return manager.connection.options.type === "better-sqlite3" ? {} : { lock: { mode: "pessimistic_read" } };
}
