import type { DataSource } from "typeorm";
import { ErrorCode } from "@itsm/runtime";
import { isTransactionConflict } from "../data/database-errors";
import { NamedLock } from "../write/named-lock";
import { Transactor } from "../write/transactor";
import { locksDatabase } from "./support/locks-database";

/** An error as mysql2 reports it (TypeORM wraps it in a QueryFailedError with the same fields). */
function mysqlError(errno: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { errno, code, sqlState: "40001" });
}
const deadlock = () =>
  mysqlError(1213, "ER_LOCK_DEADLOCK", "Deadlock found when trying to get lock; try restarting transaction");
const wsrepConflict = () =>
  Object.assign(
    new Error("WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction"),
    { errno: 1213 },
  );
const lockWait = () =>
  mysqlError(1205, "ER_LOCK_WAIT_TIMEOUT", "Lock wait timeout exceeded; try restarting transaction");

describe("the transactor's retries of transactions that lost a race", () => {
  let dataSource: DataSource;
  const fast = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

  beforeAll(async () => {
    dataSource = await locksDatabase();
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => dataSource.getRepository(NamedLock).clear());

  it("recognises deadlocks, lock-wait timeouts and Galera certification conflicts, and nothing else", () => {
    expect(isTransactionConflict(deadlock())).toBe(true);
    expect(isTransactionConflict(lockWait())).toBe(true);
    expect(isTransactionConflict(wsrepConflict())).toBe(true);
    expect(isTransactionConflict(new Error("WSREP detected deadlock/conflict and aborted the transaction"))).toBe(true);
    expect(isTransactionConflict({ driverError: deadlock() })).toBe(true);
    expect(isTransactionConflict(mysqlError(1062, "ER_DUP_ENTRY", "Duplicate entry"))).toBe(false);
    expect(isTransactionConflict(new Error("boom"))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });

  it("runs the whole unit of work again after a conflict, and only the last attempt's writes remain", async () => {
    const transactor = new Transactor(dataSource, fast);
    const failures = [deadlock(), wsrepConflict()];
    let runs = 0;
    const result = await transactor.run(async (manager) => {
      runs++;
      await manager.save(NamedLock, { name: `attempt-${runs}`, acquisitions: "1" });
      const failure = failures.shift();
      if (failure) throw failure;
      return "done";
    });
    expect(result).toBe("done");
    expect(runs).toBe(3);
    // The failed attempts were rolled back as a whole.
    expect((await dataSource.getRepository(NamedLock).find()).map((l) => l.name)).toEqual(["attempt-3"]);
  });

  it("answers CONFLICT, never an internal error, when every attempt lost", async () => {
    const transactor = new Transactor(dataSource, fast);
    let runs = 0;
    const outcome = transactor.run(async (manager) => {
      runs++;
      await manager.save(NamedLock, { name: `attempt-${runs}`, acquisitions: "1" });
      throw lockWait();
    });
    await expect(outcome).rejects.toMatchObject({
      extensions: { code: ErrorCode.CONFLICT, reason: "TRANSACTION_CONFLICT", attempts: 4 },
    });
    expect(runs).toBe(4);
    expect(await dataSource.getRepository(NamedLock).count()).toBe(0);
  });

  it("does not retry other errors: they reach the caller unchanged, after one run", async () => {
    const transactor = new Transactor(dataSource, fast);
    let runs = 0;
    const bug = new TypeError("a bug");
    await expect(
      transactor.run(async () => {
        runs++;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(runs).toBe(1);
  });
});
