import { registerEnumType } from "type-graphql";

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

registerEnumType(Priority, {
  name: "Priority",
  description: "Incident or request priority a target applies to; P1 is the most urgent.",
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

/** The kind of agreement, by who the counterparty is. */
export enum AgreementType {
  SLA = "SLA",
  OLA = "OLA",
  UNDERPINNING_CONTRACT = "UNDERPINNING_CONTRACT",
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
