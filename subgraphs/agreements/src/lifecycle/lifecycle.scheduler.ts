import type { Logger, Transactor } from "@itsm/kit";
import { acquireLease, newId, releaseLease } from "@itsm/kit";
import { hostname } from "node:os";
import type { Clock } from "./lifecycle.clock";
import type { AppliedChange, ScheduleCommands } from "./schedule.commands";
import type { AlertRaising } from "../alerts/alert-raising.commands";

/** The lease the replicas of the agreements subgraph share: whoever holds it runs the lifecycle. */
export const LIFECYCLE_LEASE = "agreements.lifecycle";

export interface LifecycleSchedulerOptions {
  schedule: ScheduleCommands;
  /** Raises the alerts seen for the first time (their webhook events), after the changes. */
  alerts?: AlertRaising;
  transactor: Transactor;
  clock: Clock;
  logger: Logger;
  /** Seconds between runs; 0 runs only when asked (`runOnce`). */
  intervalSeconds: number;
  /** How long one acquisition holds the lease (default: two intervals, at least a minute). */
  leaseSeconds?: number;
  /** This replica's name in the lease (default: host, process and a random part). */
  holder?: string;
}

/**
 * Runs the agreements' lifecycle on a timer: every run first takes the database lease (a real
 * write with an expiry, see `acquireLease`), so that of several replicas one acts; the holder keeps
 * renewing it, and a replica that dies loses it when it expires. Each change is also re-checked in
 * its own transaction (see `ScheduleCommands`), so a run that overlaps another never repeats one.
 */
export class LifecycleScheduler {
  readonly holder: string;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private held = false;
  private stopped = false;

  constructor(private readonly options: LifecycleSchedulerOptions) {
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
    this.leaseMs = (options.leaseSeconds ?? Math.max(2 * options.intervalSeconds, 60)) * 1000;
  }

  /** One run: the changes made, or null when another replica holds the lease. */
  async runOnce(): Promise<AppliedChange[] | null> {
    const { transactor, clock, schedule, logger } = this.options;
    this.held = await acquireLease(transactor, {
      name: LIFECYCLE_LEASE,
      holder: this.holder,
      now: clock.now(),
      ttlMs: this.leaseMs,
    });
    if (!this.held) return null;
    const applied = await schedule.runDue();
    for (const change of applied) {
      logger.info(
        { agreement: change.number, version: change.version, change: change.kind, on: change.on },
        "lifecycle",
      );
    }
    const raised = (await this.options.alerts?.raiseNew()) ?? [];
    if (raised.length) logger.info({ alerts: raised.length }, "alerts raised");
    return applied;
  }

  /** Runs now and then every interval until stopped (nothing when the interval is 0). */
  start(): void {
    if (this.options.intervalSeconds <= 0 || this.stopped) return;
    const tick = () => {
      this.current = this.runOnce()
        .catch((error: unknown) => this.options.logger.error({ err: error }, "lifecycle run failed"))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalSeconds * 1000).unref();
        });
    };
    tick();
  }

  /** Stops the timer, lets a run in progress finish, and gives the lease up so another replica takes over. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
    if (this.held) await releaseLease(this.options.transactor, LIFECYCLE_LEASE, this.holder);
    this.held = false;
  }
}
