import type { Logger, Transactor } from "@itsm/kit";
import { LeasedJob } from "@itsm/kit";
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
export class LifecycleScheduler extends LeasedJob {
  private readonly leaseMs: number;

  constructor(private readonly options: LifecycleSchedulerOptions) {
    super({
      transactor: options.transactor,
      lease: LIFECYCLE_LEASE,
      holder: options.holder,
      intervalSeconds: options.intervalSeconds,
      onError: (error) => options.logger.error({ err: error }, "lifecycle run failed"),
    });
    this.leaseMs = (options.leaseSeconds ?? Math.max(2 * options.intervalSeconds, 60)) * 1000;
  }

  protected async tick(): Promise<void> {
    await this.runOnce();
  }

  /** One run: the changes made, or null when another replica holds the lease. */
  async runOnce(): Promise<AppliedChange[] | null> {
    const { clock, schedule, logger } = this.options;
    if (!(await this.lease.take(clock.now(), this.leaseMs))) return null;
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
}
