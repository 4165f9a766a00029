import { DataSource } from "typeorm";
import { Lease } from "../write/lease";
import { LeasedJob } from "../write/recurring-job";
import { Transactor } from "../write/transactor";

/** A job that counts its runs, acting only while it holds the lease. */
class CountingJob extends LeasedJob {
  acted = 0;
  readonly errors: unknown[] = [];

  constructor(
    transactor: Transactor,
    holder: string,
    private readonly now: () => Date,
    intervalSeconds = 0,
  ) {
    super({ transactor, lease: "test.job", holder, intervalSeconds, onError: (error) => this.errors.push(error) });
  }

  async runOnce(): Promise<boolean> {
    if (!(await this.lease.take(this.now(), 60_000))) return false;
    this.acted++;
    return true;
  }

  protected async tick(): Promise<void> {
    await this.runOnce();
  }
}

describe("LeasedJob", () => {
  let dataSource: DataSource;
  let transactor: Transactor;
  let now: Date;

  beforeEach(async () => {
    dataSource = await new DataSource({
      type: "better-sqlite3",
      database: ":memory:",
      entities: [Lease],
      synchronize: true,
    }).initialize();
    transactor = new Transactor(dataSource);
    now = new Date("2026-12-06T10:00:00Z");
  });
  afterEach(() => dataSource.destroy());

  it("lets one replica act while it holds the lease, and hands over at once when it stops", async () => {
    const a = new CountingJob(transactor, "replica-a", () => now);
    const b = new CountingJob(transactor, "replica-b", () => now);
    expect(a.holder).toBe("replica-a");
    expect(await a.runOnce()).toBe(true);
    expect(await b.runOnce()).toBe(false);
    await a.stop();
    expect(await b.runOnce()).toBe(true);
    expect(await a.runOnce()).toBe(false);
    expect([a.acted, b.acted]).toEqual([1, 1]);
  });

  it("runs its tick on the timer once started, and stops releasing a lease it never took", async () => {
    const job = new CountingJob(transactor, "replica-a", () => now, 3600);
    job.start();
    await job.stop();
    expect(job.acted).toBe(1);
    expect(job.errors).toEqual([]);
    const other = new CountingJob(transactor, "replica-b", () => now);
    expect(await other.runOnce()).toBe(true);
    // A replica that never took the lease gives nothing up when it stops: the holder keeps it.
    const idle = new CountingJob(transactor, "replica-c", () => now);
    await idle.stop();
    expect(await new CountingJob(transactor, "replica-d", () => now).runOnce()).toBe(false);
    expect(await other.runOnce()).toBe(true);
  });
});
