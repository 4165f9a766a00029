import { hostname } from "node:os";
import { newId } from "../data/stable-id";
import { acquireLease, releaseLease } from "./lease";
import type { Transactor } from "./transactor";

/** A name for this process in a lease: host, process id and a random part (two processes never share one). */
export function leaseHolderName(): string {
  return `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
}

/**
 * The lease of a job that one replica at a time runs: taken (or renewed) by each run that acts,
 * given up when the job stops so that another replica takes over at once.
 */
export class JobLease {
  private held = false;

  constructor(
    private readonly transactor: Transactor,
    readonly name: string,
    readonly holder: string = leaseHolderName(),
  ) {}

  /** Takes or renews the lease from `now` for `ttlMs`; true when this process holds it. */
  async take(now: Date, ttlMs: number): Promise<boolean> {
    this.held = await acquireLease(this.transactor, { name: this.name, holder: this.holder, now, ttlMs });
    return this.held;
  }

  /** Gives the lease up, if held. */
  async release(): Promise<void> {
    if (this.held) await releaseLease(this.transactor, this.name, this.holder);
    this.held = false;
  }
}

export interface RecurringRunOptions {
  /** Seconds from the end of one run to the start of the next; 0 or less: never runs. */
  intervalSeconds: number;
  /** One run; it may answer how many milliseconds to wait before the next (default: the interval). */
  run: () => Promise<number | void>;
  /** Told of a run that failed; the next run comes after the interval. */
  onError: (error: unknown) => void;
}

/**
 * Runs a job now and then again an interval after each run ends (runs never overlap), until
 * stopped; the timer does not keep the process alive.
 */
export class RecurringRun {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly options: RecurringRunOptions) {}

  /** Runs now and then every interval until stopped (nothing when the interval is 0, or once stopped). */
  start(): void {
    const intervalMs = this.options.intervalSeconds * 1000;
    if (intervalMs <= 0 || this.stopped) return;
    const tick = () => {
      this.current = this.options
        .run()
        .then((delay) => delay ?? intervalMs)
        .catch((error: unknown) => {
          this.options.onError(error);
          return intervalMs;
        })
        .then((delay) => {
          if (!this.stopped) this.timer = setTimeout(tick, delay).unref();
        });
    };
    tick();
  }

  /** Stops the timer and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }
}

export interface LeasedJobOptions {
  transactor: Transactor;
  /** The lease's name: of the replicas that share it, the one holding it runs the job. */
  lease: string;
  /** This replica's name in the lease (default: host, process and a random part). */
  holder?: string;
  /** Seconds from the end of one run to the start of the next; 0 or less: runs only when asked. */
  intervalSeconds: number;
  /** Told of a run that failed; the next run comes after the interval. */
  onError: (error: unknown) => void;
}

/**
 * A job that one replica at a time runs on a timer: the subclass's `tick` runs now and then an
 * interval after each run ends, and takes `lease` (with a TTL of its choosing) before it acts;
 * stopping lets a run in progress finish and gives the lease up, so another replica takes over at once.
 */
export abstract class LeasedJob {
  protected readonly lease: JobLease;
  private readonly loop: RecurringRun;

  protected constructor(options: LeasedJobOptions) {
    this.lease = new JobLease(options.transactor, options.lease, options.holder);
    this.loop = new RecurringRun({
      intervalSeconds: options.intervalSeconds,
      run: () => this.tick(),
      onError: options.onError,
    });
  }

  /** One timed run; it may answer how many milliseconds to wait before the next (default: the interval). */
  protected abstract tick(): Promise<number | void>;

  /** This replica's name in the lease. */
  get holder(): string {
    return this.lease.holder;
  }

  /** Runs now and then every interval until stopped (nothing when the interval is 0). */
  start(): void {
    this.loop.start();
  }

  /** Stops the timer, lets a run in progress finish, and gives the lease up. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.lease.release();
  }
}
