/** How a target is doing in a period (GraphQL `TargetStatus`). */
export type PerformanceStatus = "MET" | "AT_RISK" | "BREACHED" | "NO_DATA";

/** Whether a measured value must stay at or above, or at or below, the target value. */
export type Comparator = "AT_LEAST" | "AT_MOST";

/** Units of a duration target (RESPONSE_TIME, RESOLUTION_TIME). */
export type DurationUnit = "SECONDS" | "MINUTES" | "HOURS" | "DAYS";

/** What the target allows to go wrong in the period, and how much of that has gone wrong. */
export interface ErrorBudget {
  allowed: number;
  consumed: number;
  /** allowed − consumed, never below 0: an overspent budget shows as BREACHED, not as debt. */
  remaining: number;
  unit: "MINUTES" | "TICKETS";
}

/** A target's figures for one period (GraphQL `TargetPerformance` without target and period). */
export interface Performance {
  /** Percent available / percent of tickets meeting the target / mean measurement; null with NO_DATA. */
  achieved: number | null;
  status: PerformanceStatus;
  /** Agreed service minutes (availability), tickets measured, or measurements. */
  sampleSize: number;
  /** Unplanned outages, tickets breached, or measurements missing the target value. */
  breaches: number;
  errorBudget: ErrorBudget | null;
}

/** A budget more than this share consumed in a running period is AT_RISK. */
export const AT_RISK_SHARE = 0.75;
