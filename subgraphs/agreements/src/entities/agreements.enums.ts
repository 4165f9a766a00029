import { registerEnumType } from "type-graphql";

/** The kind of agreement, by who the counterparty is. */
export enum AgreementType {
  SLA = "SLA",
  OLA = "OLA",
  UNDERPINNING_CONTRACT = "UNDERPINNING_CONTRACT",
}

/** Lifecycle of an agreement: DRAFT → ACTIVE → EXPIRED or TERMINATED. */
export enum AgreementStatus {
  DRAFT = "DRAFT",
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  TERMINATED = "TERMINATED",
}

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

/** The party to an agreement that holds a responsibility. */
export enum Party {
  PROVIDER = "PROVIDER",
  CUSTOMER = "CUSTOMER",
}

/** Area a responsibility belongs to. */
export enum ResponsibilityCategory {
  SERVICE_DELIVERY = "SERVICE_DELIVERY",
  SUPPORT = "SUPPORT",
  MONITORING = "MONITORING",
  SECURITY = "SECURITY",
  DATA_PROTECTION = "DATA_PROTECTION",
  COMMUNICATION = "COMMUNICATION",
  CHANGE_MANAGEMENT = "CHANGE_MANAGEMENT",
  REPORTING = "REPORTING",
  FINANCIAL = "FINANCIAL",
  COMPLIANCE = "COMPLIANCE",
}

registerEnumType(AgreementType, {
  name: "AgreementType",
  description: "The kind of agreement, by who the counterparty is.",
  valuesConfig: {
    SLA: { description: "Service level agreement between the provider and its customers." },
    OLA: { description: "Operational level agreement with an internal group; underpins SLAs." },
    UNDERPINNING_CONTRACT: { description: "Contract with an external supplier; underpins SLAs." },
  },
});
registerEnumType(AgreementStatus, {
  name: "AgreementStatus",
  description: "Lifecycle of an agreement: DRAFT → ACTIVE → EXPIRED or TERMINATED.",
  valuesConfig: {
    DRAFT: { description: "Being negotiated; terms may still change." },
    ACTIVE: { description: "In force; terms change only through a new version." },
    EXPIRED: { description: "Reached its end date." },
    TERMINATED: { description: "Ended early by one of the parties, or superseded by a newer version." },
  },
});
registerEnumType(TargetMetric, {
  name: "TargetMetric",
  description: "What a service level target measures.",
  valuesConfig: {
    AVAILABILITY: { description: "Share of agreed service hours the service is usable." },
    RESPONSE_TIME: { description: "Time from an incident being logged to work starting on it (time to own)." },
    RESOLUTION_TIME: { description: "Time from an incident being logged to service restoration (time to resolve)." },
    FIRST_CONTACT_RESOLUTION: { description: "Share of contacts resolved without escalation." },
    CUSTOMER_SATISFACTION: { description: "Average satisfaction score from customer surveys." },
    RECOVERY_TIME_OBJECTIVE: { description: "Longest acceptable time to restore service after a disaster." },
    RECOVERY_POINT_OBJECTIVE: { description: "Largest acceptable window of data loss after a disaster." },
    CHANGE_SUCCESS_RATE: { description: "Share of changes implemented without causing an incident." },
  },
});
registerEnumType(Comparator, {
  name: "Comparator",
  description: "Whether the measured value must stay at or above, or at or below, the target value.",
  valuesConfig: {
    AT_LEAST: { description: "Met when the measured value is greater than or equal to the target." },
    AT_MOST: { description: "Met when the measured value is less than or equal to the target." },
  },
});
registerEnumType(TargetUnit, {
  name: "TargetUnit",
  description: "Unit of a target value.",
  valuesConfig: {
    PERCENT: { description: "Percentage, 0 to 100." },
    SECONDS: { description: "Seconds." },
    MINUTES: { description: "Minutes." },
    HOURS: { description: "Hours." },
    DAYS: { description: "Calendar days." },
    SCORE: { description: "Survey score on the scale the agreement describes." },
  },
});
registerEnumType(Priority, {
  name: "Priority",
  description: "Incident or request priority a target applies to; P1 is the most urgent.",
});
registerEnumType(MeasurementPeriod, {
  name: "MeasurementPeriod",
  description: "Period over which a target is measured and reported.",
});
registerEnumType(Party, {
  name: "Party",
  description: "The party to an agreement that holds a responsibility.",
  valuesConfig: {
    PROVIDER: { description: "The service provider." },
    CUSTOMER: { description: "The customer (or, for an OLA or contract, the group receiving the service)." },
  },
});
registerEnumType(ResponsibilityCategory, {
  name: "ResponsibilityCategory",
  description: "Area a responsibility belongs to.",
});
