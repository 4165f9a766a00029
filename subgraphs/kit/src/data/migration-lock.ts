import type { DataSource, Migration } from "typeorm";
import { ConflictError } from "@itsm/runtime";
import { isTransactionConflict } from "./database-errors";
import { leaseHolderName } from "../write/recurring-job";
import { Transactor } from "../write/transactor";

/** How long a migration lock holds without being renewed (a holder that dies frees it after this). */
const LOCK_TTL_MS = 30_000;
/** How long a process waits for another one's migrations before it gives up. */
const WAIT_MS = 10 * 60_000;
const POLL_MS = 250;

/**
 * The lock's table, outside the migrations it guards (it must exist before they run). One row, one
 * holder, until `expiresAt`.
 */
const CREATE_TABLE =
  "CREATE TABLE IF NOT EXISTS `migration_lock` (`name` varchar(64) NOT NULL, `holder` varchar(160) NOT NULL, " +
  "`expiresAt` datetime(3) NOT NULL, `acquisitions` bigint UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (`name`)) ENGINE=InnoDB";

/**
 * Runs the data source's pending migrations with a database-wide lock held, so that replicas
 * started together with MIGRATE_ON_START run each migration once: the first takes the lock and
 * migrates, the others wait for it and then find nothing pending.
 *
 * Why not GET_LOCK: on a Galera cluster it is local to one node, so replicas connected to two nodes
 * would both get it. Why not a locked row held through the run: DDL commits the transaction it runs
 * in. So the lock is a lease in a row, taken by a committed write that always changes the row (on
 * Galera, the later of two nodes' writes fails certification: it did not get the lock), renewed
 * while the migrations run and given up at the end; a holder that dies loses it when it expires.
 * The same works on a single MariaDB/MySQL server.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  log: (message: string) => void = () => {},
): Promise<Migration[]> {
  const holder = leaseHolderName();
  const transactor = new Transactor(dataSource);
  await dataSource.query(CREATE_TABLE);
  const deadline = Date.now() + WAIT_MS;
  let announced = false;
  while (!(await take(transactor, holder))) {
    if (Date.now() > deadline) {
      throw new Error(`another process has held the migration lock for over ${WAIT_MS / 1000} s`);
    }
    if (!announced) log("waiting for another process's migrations (migration lock held)");
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const renewal = setInterval(() => {
    take(transactor, holder).catch(() => {
      // The next renewal tries again; if the lease expires meanwhile another process may migrate,
      // and TypeORM's migrations table then tells each which migrations remain.
    });
  }, LOCK_TTL_MS / 3);
  try {
    return await dataSource.runMigrations({ transaction: "each" });
  } finally {
    clearInterval(renewal);
    await dataSource
      .query(
        "UPDATE `migration_lock` SET `expiresAt` = '1970-01-01 00:00:00' WHERE `name` = 'migrations' AND `holder` = ?",
        [holder],
      )
      .catch(() => {
        // It expires by itself.
      });
  }
}

/** Takes (or renews) the lock for `holder` when it is free, expired or already theirs; true when held. */
async function take(transactor: Transactor, holder: string): Promise<boolean> {
  try {
    return await transactor.run(async (manager) => {
      await manager.query(
        "INSERT IGNORE INTO `migration_lock` (`name`, `holder`, `expiresAt`) VALUES ('migrations', '', '1970-01-01 00:00:00')",
      );
      const result: { affectedRows: number } = await manager.query(
        "UPDATE `migration_lock` SET `holder` = ?, `expiresAt` = NOW(3) + INTERVAL ? SECOND, " +
          "`acquisitions` = `acquisitions` + 1 WHERE `name` = 'migrations' AND (`holder` = ? OR `expiresAt` <= NOW(3))",
        [holder, LOCK_TTL_MS / 1000, holder],
      );
      return result.affectedRows === 1;
    });
  } catch (error) {
    if (error instanceof ConflictError || isTransactionConflict(error)) return false;
    throw error;
  }
}
