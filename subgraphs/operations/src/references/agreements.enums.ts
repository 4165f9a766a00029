import { describeEnum } from "@itsm/kit";

// Both enums are the agreements subgraph's, repeated value for value and word for word: composition
// merges an enum only if every subgraph declares it identically, and measurements compare with targets.

/** Incident or request priority a target applies to. */
export enum Priority {
  P1 = "P1",
  P2 = "P2",
  P3 = "P3",
  P4 = "P4",
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

describeEnum(Priority, "Priority", "Incident or request priority a target applies to; P1 is the most urgent.");
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

/** The kind of agreement, by who the counterparty is. */
export enum AgreementType {
  SLA = "SLA",
  OLA = "OLA",
  UNDERPINNING_CONTRACT = "UNDERPINNING_CONTRACT",
}

describeEnum(AgreementType, "AgreementType", "The kind of agreement, by who the counterparty is.", {
  SLA: "Service level agreement between the provider and its customers.",
  OLA: "Operational level agreement with an internal group; underpins SLAs.",
  UNDERPINNING_CONTRACT: "Contract with an external supplier; underpins SLAs.",
});
