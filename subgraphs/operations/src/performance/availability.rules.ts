import { budgetStatus, errorBudget, roundBudget } from "./budget.rules";
import type { Performance } from "./performance.model";

/** Service minutes of a span, and how many of them were agreed as planned outage. */
export interface AgreedTime {
  serviceMinutes: number;
  plannedMinutes: number;
}

/**
 * Aggregated inputs of an AVAILABILITY target (AT_LEAST `targetPercent`), all in service minutes.
 * `measured` covers the period up to now (the whole period once it ended); `downtimeMinutes` is the
 * unplanned downtime in that span, merged, outside planned outages (see `subtractIntervals`).
 */
export interface AvailabilityInput {
  targetPercent: number;
  measured: AgreedTime;
  /** The whole period, for a running period's allowance; defaults to `measured`. */
  wholePeriod?: AgreedTime;
  downtimeMinutes: number;
  /** Unplanned outages with downtime in the span, reported as `breaches`. */
  outageCount: number;
  running: boolean;
}

/** Agreed minutes: service minutes less planned outage, never negative. */
export function agreedMinutes(time: AgreedTime): number {
  return Math.max(0, time.serviceMinutes - time.plannedMinutes);
}

/**
 * Availability against target: achieved = 100 × (agreed − downtime) / agreed over the time measured;
 * the error budget in minutes allows (100 − target) % of the whole period's agreed time — the usual
 * error-budget convention, so a running period's budget is the month's and its consumption so far.
 * A running period is BREACHED once that budget is overspent (the target can no longer be met),
 * AT_RISK past 75 % of it; NO_DATA when nothing was agreed yet.
 */
export function availabilityPerformance(input: AvailabilityInput): Performance {
  const agreed = agreedMinutes(input.measured);
  const downtime = Math.min(Math.max(0, input.downtimeMinutes), agreed);
  if (!(agreed > 0)) {
    return { achieved: null, status: "NO_DATA", sampleSize: 0, breaches: input.outageCount, errorBudget: null };
  }
  const wholeAgreed = agreedMinutes(input.wholePeriod ?? input.measured);
  const allowed = roundBudget((Math.max(agreed, wholeAgreed) * (100 - input.targetPercent)) / 100);
  const budget = errorBudget(allowed, roundBudget(downtime), "MINUTES");
  // Once the period ended, downtime > allowance is exactly achieved < target: one rule for both.
  return {
    achieved: (100 * (agreed - downtime)) / agreed,
    status: budgetStatus(budget, input.running),
    sampleSize: Math.floor(agreed),
    breaches: input.outageCount,
    errorBudget: budget,
  };
}
