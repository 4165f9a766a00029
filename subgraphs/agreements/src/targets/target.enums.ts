import { defineEnum, type EnumValue } from "@itsm/kit";

// Operations serves these two too: declared once, in the kit.
export { Priority, TargetMetric } from "@itsm/kit";

export const Comparator = defineEnum(
  "Comparator",
  "Whether the measured value must stay at or above, or at or below, the target value.",
  {
    AT_LEAST: "Met when the measured value is greater than or equal to the target.",
    AT_MOST: "Met when the measured value is less than or equal to the target.",
  },
);
export type Comparator = EnumValue<typeof Comparator>;

export const TargetUnit = defineEnum("TargetUnit", "Unit of a target value.", {
  PERCENT: "Percentage, 0 to 100.",
  SECONDS: "Seconds.",
  MINUTES: "Minutes.",
  HOURS: "Hours.",
  DAYS: "Calendar days.",
  SCORE: "Survey score on the scale the agreement describes.",
});
export type TargetUnit = EnumValue<typeof TargetUnit>;

export const MeasurementPeriod = defineEnum(
  "MeasurementPeriod",
  "Period over which a target is measured and reported.",
  { MONTH: null, QUARTER: null, YEAR: null },
);
export type MeasurementPeriod = EnumValue<typeof MeasurementPeriod>;
