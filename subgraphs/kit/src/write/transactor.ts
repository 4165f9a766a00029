import { Mutex } from "async-mutex";
import type { DataSource, EntityManager } from "typeorm";

/**
 * Runs units of work in one database transaction each: on any error nothing is written. The
 * embedded database has one connection, on which TypeORM cannot interleave transactions, so
 * there they run one at a time; MySQL/MariaDB runs them concurrently on pooled connections.
 */
export class Transactor {
  private readonly serial: Mutex | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === "better-sqlite3" ? new Mutex() : undefined;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.dataSource.transaction(work);
    return this.serial ? this.serial.runExclusive(transaction) : transaction();
  }
}
