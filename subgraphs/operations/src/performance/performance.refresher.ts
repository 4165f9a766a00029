import type { Logger, Transactor } from "@itsm/kit";
import { LeasedJob } from "@itsm/kit";
import type { Period } from "@itsm/service-hours";
import { parsePeriod } from "@itsm/service-hours";
import type { CatalogueClient } from "../catalogue/catalogue.client";
import type { PerformanceStore } from "./performance.store";

/** The lease the replicas of the operations subgraph share: whoever holds it keeps the stored figures. */
export const PERFORMANCE_LEASE = "operations.performance";

/** Targets computed together (one `PerformanceService.compute`): bounded memory and transactions. */
const BATCH = 500;

/** Periods nobody asked for in this long are no longer kept up. */
const KEEP_REQUESTED_MS = 7 * 24 * 60 * 60 * 1000;

export interface PerformanceRefresherOptions {
  store: PerformanceStore;
  catalogue: CatalogueClient;
  transactor: Transactor;
  now: () => Date;
  logger: Logger;
  /** Seconds between runs, and the most a figure that moves with the clock may lag; 0 runs only when asked. */
  intervalSeconds: number;
  /** How long one run may compute before it yields to the next (default: the interval, at least 10 s). */
  budgetMs?: number;
  /** This replica's name in the lease (default: host, process and a random part). */
  holder?: string;
}

/** What a run did: per period, the targets computed and whether its figures are ready (none left stale). */
export type RefreshRun = { period: string; computed: number; ready: boolean }[];

/** The current month and the one before (UTC): what the report is asked for most. */
export function defaultPeriods(now: Date): Period[] {
  const month = (offset: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    return parsePeriod(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  };
  return [month(0), month(-1)];
}

/**
 * Keeps the service level report's stored figures (see `PerformanceStore`) in bounded batches: for
 * the current and previous month and every period a report asked for lately, rows follow the
 * catalogue revision, stale rows are computed, and figures that move with the clock (a running
 * period, an open incident) are computed again once older than the interval. Every run first takes
 * the database lease, so that of several replicas one computes; reads never wait for it (they
 * compute the stale rows they need themselves).
 */
export class PerformanceRefresher extends LeasedJob {
  private readonly leaseMs: number;

  constructor(private readonly options: PerformanceRefresherOptions) {
    super({
      transactor: options.transactor,
      lease: PERFORMANCE_LEASE,
      holder: options.holder,
      intervalSeconds: options.intervalSeconds,
      onError: (error) => options.logger.error({ err: error }, "performance refresh failed"),
    });
    this.leaseMs = Math.max(2 * options.intervalSeconds * 1000, 2 * this.budgetMs(), 60_000);
  }

  protected async tick(): Promise<number | void> {
    const run = await this.runOnce();
    if (run?.some((p) => p.computed > 0)) this.options.logger.info({ run }, "performance figures refreshed");
    // Work left (a first fill): go on at once — each batch awaits the database, so requests interleave.
    return run?.some((p) => !p.ready) ? 0 : undefined;
  }

  /** One run; null when another replica holds the lease. */
  async runOnce(): Promise<RefreshRun | null> {
    const { now, store, catalogue } = this.options;
    if (!(await this.lease.take(now(), this.leaseMs))) return null;
    const periods = new Map(defaultPeriods(now()).map((p) => [p.label, p]));
    for (const period of periods.values()) await store.request(period);
    for (const snapshot of await store.requestedSince(new Date(now().getTime() - KEEP_REQUESTED_MS))) {
      if (!periods.has(snapshot.period)) periods.set(snapshot.period, parsePeriod(snapshot.period));
    }
    const run: RefreshRun = [];
    const current = await catalogue.current();
    // Each period gets its share of the run, so that filling one (the running month) does not starve the others.
    const share = this.budgetMs() / periods.size;
    for (const period of periods.values()) {
      const periodStarted = Date.now();
      const snapshot = await store.snapshot(period);
      if (snapshot?.revision !== current.revision) await store.reconcile(period, current);
      let computed = 0;
      const liveBefore = new Date(now().getTime() - this.options.intervalSeconds * 1000);
      for (const live of [false, true]) {
        for (;;) {
          if (Date.now() - periodStarted > share) break;
          const due = await store.due(period, BATCH, live ? liveBefore : undefined);
          if (due.length === 0) break;
          const count = await store.compute(period, current, due);
          computed += due.length;
          // SQLite's driver is synchronous: let requests and timers (idle sockets' expiry) run between batches.
          await new Promise((resolve) => setTimeout(resolve, 0));
          // Targets the catalogue no longer has are not computed; the next reconcile drops their rows.
          if (count === 0) break;
        }
      }
      run.push({ period: period.label, computed, ready: await store.markReadyIfComplete(period) });
    }
    return run;
  }

  private budgetMs(): number {
    return this.options.budgetMs ?? Math.max(this.options.intervalSeconds * 1000, 10_000);
  }
}
