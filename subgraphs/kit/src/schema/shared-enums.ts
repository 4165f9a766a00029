import { defineEnum, type EnumValue } from "./described-enum";

// Enums of the agreements domain that the operations subgraph serves too (measurements compare with
// targets): composition merges an enum only if every subgraph declares it identically, and a subgraph
// imports no other subgraph — so both take them from here, the one declaration.

export const Priority = defineEnum("Priority", "Incident or request priority a target applies to; P1 is the most urgent.", {
  P1: null,
  P2: null,
  P3: null,
  P4: null,
});
export type Priority = EnumValue<typeof Priority>;

export const TargetMetric = defineEnum("TargetMetric", "What a service level target measures.", {
  AVAILABILITY: "Share of agreed service hours the service is usable.",
  RESPONSE_TIME: "Time from an incident being logged to work starting on it (time to own).",
  RESOLUTION_TIME: "Time from an incident being logged to service restoration (time to resolve).",
  FIRST_CONTACT_RESOLUTION: "Share of contacts resolved without escalation.",
  CUSTOMER_SATISFACTION: "Average satisfaction score from customer surveys.",
  RECOVERY_TIME_OBJECTIVE: "Longest acceptable time to restore service after a disaster.",
  RECOVERY_POINT_OBJECTIVE: "Largest acceptable window of data loss after a disaster.",
  CHANGE_SUCCESS_RATE: "Share of changes implemented without causing an incident.",
});
export type TargetMetric = EnumValue<typeof TargetMetric>;

export const AgreementType = defineEnum("AgreementType", "The kind of agreement, by who the counterparty is.", {
  SLA: "Service level agreement between the provider and its customers.",
  OLA: "Operational level agreement with an internal group; underpins SLAs.",
  UNDERPINNING_CONTRACT: "Contract with an external supplier; underpins SLAs.",
});
export type AgreementType = EnumValue<typeof AgreementType>;
