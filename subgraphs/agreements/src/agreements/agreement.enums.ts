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
