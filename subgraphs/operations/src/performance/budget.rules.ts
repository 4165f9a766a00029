import type { ErrorBudget, Performance, PerformanceStatus } from "./performance.model";
import { AT_RISK_SHARE } from "./performance.model";

/**
 * Whether `a` is greater than `b` beyond floating-point noise: 100 − 99.9 is 0.0999…943, and a
 * downtime exactly equal to its allowance must not read as a breach.
 */
export function exceeds(a: number, b: number): boolean {
  return a - b > 1e-9 * Math.max(1, Math.abs(b));
}

/** Rounds budget figures to the millionth, so 43,200 × (100 − 99.9) / 100 reads 43.2 and 43.2 − 30 reads 13.2. */
export function roundBudget(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** A budget from what is allowed and consumed; remaining is clamped at 0. */
export function errorBudget(allowed: number, consumed: number, unit: ErrorBudget["unit"]): ErrorBudget {
  return { allowed, consumed, remaining: Math.max(0, roundBudget(allowed - consumed)), unit };
}

/** The share of a budget consumed: 0.5 is half; Infinity when nothing was allowed and something went wrong. */
export function consumedShare(budget: ErrorBudget | null): number {
  if (!budget || budget.consumed <= 0) return 0;
  return budget.allowed > 0 ? budget.consumed / budget.allowed : Infinity;
}

/**
 * Status from a budget: BREACHED once more was consumed than allowed; AT_RISK when the period still
 * runs and more than 75 % (strictly) is consumed; MET otherwise.
 */
export function budgetStatus(budget: ErrorBudget, running: boolean): PerformanceStatus {
  if (exceeds(budget.consumed, budget.allowed)) return "BREACHED";
  if (running && exceeds(budget.consumed, AT_RISK_SHARE * budget.allowed)) return "AT_RISK";
  return "MET";
}

const RANK: Record<PerformanceStatus, number> = { BREACHED: 0, AT_RISK: 1, MET: 2, NO_DATA: 3 };

/** Orders a report worst first: breached, at risk, met, no data; within a status, most budget consumed first. */
export function compareWorstFirst(
  a: Pick<Performance, "status" | "errorBudget">,
  b: Pick<Performance, "status" | "errorBudget">,
): number {
  const byStatus = RANK[a.status] - RANK[b.status];
  if (byStatus !== 0) return byStatus;
  const [shareA, shareB] = [consumedShare(a.errorBudget), consumedShare(b.errorBudget)];
  return shareA === shareB ? 0 : shareA > shareB ? -1 : 1;
}

/** A running period's budget projected to its end. */
export interface BudgetForecast {
  projectedConsumed: number;
  projectedRemaining: number;
  /** Whether the budget runs out before the period ends at the current rate. */
  exhausts: boolean;
}

/**
 * Linear forecast: consumption continues at its rate so far over the rest of the period.
 * `elapsedShare` is the part of the period measured so far (for availability: service minutes so
 * far / service minutes of the whole period). The allowance is taken as given — whole-period for
 * minutes; for tickets it grows with the sample, so a ticket forecast is only indicative. Null
 * before anything elapsed.
 */
export function forecastBudget(budget: ErrorBudget, elapsedShare: number): BudgetForecast | null {
  if (!(elapsedShare > 0)) return null;
  const projectedConsumed = budget.consumed / Math.min(1, elapsedShare);
  return {
    projectedConsumed,
    projectedRemaining: Math.max(0, roundBudget(budget.allowed - projectedConsumed)),
    exhausts: exceeds(projectedConsumed, budget.allowed),
  };
}
