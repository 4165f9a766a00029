import { describeEnum } from "@itsm/kit";

/** What a service level target measures. */
export enum TargetMetric {
  AVAILABILITY = "AVAILABILITY",
  RESPONSE_TIME = "RESPONSE_TIME",
  RESOLUTION_TIME = "RESOLUTION_TIME",
  FIRST_CONTACT_RESOLUTION = "FIRST_CONTACT_RESOLUTION",
  CUSTOMER_SATISFACTION = "CUSTOMER_SATISFACTION",
  RECOVERY_TIME_OBJECTIVE = "RECOVERY_TIME_OBJECTIVE",
  RECOVERY_POINT_OBJECTIVE = "RECOVERY_POINT_OBJECTIVE",
  CHANGE_SUCCESS_RATE = "CHANGE_SUCCESS_RATE",
}

/** Whether the measured value must stay at or above, or at or below, the target value. */
export enum Comparator {
  AT_LEAST = "AT_LEAST",
  AT_MOST = "AT_MOST",
}

/** Unit of a target value. */
export enum TargetUnit {
  PERCENT = "PERCENT",
  SECONDS = "SECONDS",
  MINUTES = "MINUTES",
  HOURS = "HOURS",
  DAYS = "DAYS",
  SCORE = "SCORE",
}

/** Incident or request priority a target applies to. */
export enum Priority {
  P1 = "P1",
  P2 = "P2",
  P3 = "P3",
  P4 = "P4",
}

/** Period over which a target is measured and reported. */
export enum MeasurementPeriod {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}

describeEnum(TargetMetric, "TargetMetric", "What a service level target measures.", {
  AVAILABILITY: "Share of agreed service hours the service is usable.",
  RESPONSE_TIME: "Time from an incident being logged to work starting on it (time to own).",
  RESOLUTION_TIME: "Time from an incident being logged to service restoration (time to resolve).",
  FIRST_CONTACT_RESOLUTION: "Share of contacts resolved without escalation.",
  CUSTOMER_SATISFACTION: "Average satisfaction score from customer surveys.",
  RECOVERY_TIME_OBJECTIVE: "Longest acceptable time to restore service after a disaster.",
  RECOVERY_POINT_OBJECTIVE: "Largest acceptable window of data loss after a disaster.",
  CHANGE_SUCCESS_RATE: "Share of changes implemented without causing an incident.",
});
describeEnum(
  Comparator,
  "Comparator",
  "Whether the measured value must stay at or above, or at or below, the target value.",
  {
    AT_LEAST: "Met when the measured value is greater than or equal to the target.",
    AT_MOST: "Met when the measured value is less than or equal to the target.",
  },
);
describeEnum(TargetUnit, "TargetUnit", "Unit of a target value.", {
  PERCENT: "Percentage, 0 to 100.",
  SECONDS: "Seconds.",
  MINUTES: "Minutes.",
  HOURS: "Hours.",
  DAYS: "Calendar days.",
  SCORE: "Survey score on the scale the agreement describes.",
});
describeEnum(Priority, "Priority", "Incident or request priority a target applies to; P1 is the most urgent.");
describeEnum(MeasurementPeriod, "MeasurementPeriod", "Period over which a target is measured and reported.");
