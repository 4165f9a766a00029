import { exceeds } from "./budget.rules";
import type { Comparator, Performance } from "./performance.model";

/** Aggregated measurements of a metric that is not a clock (satisfaction, first-contact resolution …). */
export interface MeasurementInput {
  comparator: Comparator;
  value: number;
  /** Measurements in the period; `mean` is their average (null when there are none). */
  count: number;
  mean: number | null;
  /** Measurements individually on the wrong side of the target value, reported as `breaches`. */
  missed: number;
}

/** Whether a measured value satisfies a comparator and target value (equal satisfies both). */
export function satisfies(measured: number, comparator: Comparator, value: number): boolean {
  return comparator === "AT_LEAST" ? !exceeds(value, measured) : !exceeds(measured, value);
}

/**
 * Other metrics: achieved = the mean of the period's measurements, MET when it satisfies the target,
 * else BREACHED (also in a running period: the figures so far miss it). No error budget: a mean has
 * no countable allowance, so never AT_RISK.
 */
export function measurementPerformance(input: MeasurementInput): Performance {
  if (!(input.count > 0) || input.mean === null) {
    return { achieved: null, status: "NO_DATA", sampleSize: 0, breaches: 0, errorBudget: null };
  }
  return {
    achieved: input.mean,
    status: satisfies(input.mean, input.comparator, input.value) ? "MET" : "BREACHED",
    sampleSize: input.count,
    breaches: input.missed,
    errorBudget: null,
  };
}
