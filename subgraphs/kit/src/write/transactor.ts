import { setTimeout as sleep } from "node:timers/promises";
import { ConflictError } from "@itsm/runtime";
import { Mutex } from "async-mutex";
import type { DataSource, EntityManager } from "typeorm";
import { isTransactionConflict } from "../data/database-errors";

/** How a unit of work that lost a race with a concurrent transaction is run again. */
export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** The first pause before a retry; each further one doubles it, each with full jitter. */
  baseDelayMs: number;
  /** The longest pause. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 10, maxDelayMs: 200 };

/**
 * Runs units of work in one database transaction each: on any error nothing is written. The
 * embedded database has one connection, on which TypeORM cannot interleave transactions, so
 * there they run one at a time; MySQL/MariaDB runs them concurrently on pooled connections.
 *
 * A transaction that loses a race with a concurrent one — a deadlock, a lock-wait timeout, or on a
 * Galera cluster a certification conflict with another node's write, at any statement or at COMMIT —
 * has been rolled back as a whole, so the unit of work runs again from the start (it reads again
 * and decides again: a unit of work does nothing outside its transaction but read), a bounded
 * number of times with jittered exponential pauses. When every attempt lost, the caller gets a
 * CONFLICT, never an internal error.
 */
export class Transactor {
  private readonly serial: Mutex | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.serial = dataSource.options.type === "better-sqlite3" ? new Mutex() : undefined;
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (!isTransactionConflict(error)) throw error;
        if (attempt >= this.retry.attempts) {
          throw new ConflictError(
            "A concurrent change to the same records won; nothing was written. Read the current state and try again.",
            { reason: "TRANSACTION_CONFLICT", attempts: attempt },
          );
        }
        const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        await sleep(Math.random() * ceiling);
      }
    }
  }

  private once<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.dataSource.transaction(work);
    return this.serial ? this.serial.runExclusive(transaction) : transaction();
  }
}
