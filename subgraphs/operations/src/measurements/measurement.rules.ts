import { TargetMetric } from "../references/agreements.enums";
import type { Problems } from "../records/record.validation";
import { checkUniqueExternalIds } from "../records/record.validation";
import type { MeasurementRecordInput } from "./measurement.inputs";

/** Metrics computed from outages and incidents: a recorded figure for them would be a second truth. */
export const CLOCK_METRICS: readonly TargetMetric[] = [
  TargetMetric.AVAILABILITY,
  TargetMetric.RESPONSE_TIME,
  TargetMetric.RESOLUTION_TIME,
];

const PERCENT_METRICS: readonly TargetMetric[] = [
  TargetMetric.FIRST_CONTACT_RESOLUTION,
  TargetMetric.CHANGE_SUCCESS_RATE,
];

/** A month is named by its first day; figures are percentages where the metric is one, never negative. */
export function checkMeasurements(measurements: readonly MeasurementRecordInput[], problems: Problems): void {
  checkUniqueExternalIds("measurements", measurements, problems);
  measurements.forEach((m, i) => {
    const path = `input.measurements.${i}`;
    if (!m.month.endsWith("-01"))
      problems.add(`${path}.month`, "month must be the first day of a month, e.g. 2026-03-01");
    if (CLOCK_METRICS.includes(m.metric)) {
      problems.add(`${path}.metric`, `${m.metric} is computed from outages and incidents, not recorded`);
    }
    if (m.value < 0) problems.add(`${path}.value`, "value must not be negative");
    else if (PERCENT_METRICS.includes(m.metric) && m.value > 100) {
      problems.add(`${path}.value`, `${m.metric} is a percentage: at most 100`);
    }
  });
}
