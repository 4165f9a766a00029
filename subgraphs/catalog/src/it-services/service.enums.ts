import { registerEnumType } from "type-graphql";

/** Whether customers consume a service directly or it only supports other services. */
export enum ServiceType {
  CUSTOMER_FACING = "CUSTOMER_FACING",
  SUPPORTING = "SUPPORTING",
}

/** Where a service stands in its lifecycle; services are retired, never deleted. */
export enum ServiceLifecycle {
  PIPELINE = "PIPELINE",
  LIVE = "LIVE",
  RETIRED = "RETIRED",
}

/** Business impact when a service is unavailable. */
export enum Criticality {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
  CRITICAL = "CRITICAL",
}

registerEnumType(ServiceType, {
  name: "ServiceType",
  description: "Whether customers consume a service directly or it only supports other services.",
  valuesConfig: {
    CUSTOMER_FACING: { description: "Consumed directly by customers and offered in the service catalogue." },
    SUPPORTING: { description: "Internal service that other services depend on; not offered to customers." },
  },
});
registerEnumType(ServiceLifecycle, {
  name: "ServiceLifecycle",
  description: "Lifecycle stage of a service: PIPELINE → LIVE → RETIRED.",
  valuesConfig: {
    PIPELINE: { description: "Being designed or built; not yet available to customers." },
    LIVE: { description: "In operation and available to customers." },
    RETIRED: { description: "Withdrawn from operation; kept for history and references." },
  },
});
registerEnumType(Criticality, {
  name: "Criticality",
  description: "Business impact when the service is unavailable.",
  valuesConfig: {
    LOW: { description: "Little business impact; work can continue." },
    MEDIUM: { description: "Noticeable impact on some business activities." },
    HIGH: { description: "Major business activities are impaired." },
    CRITICAL: { description: "Core business stops; highest restoration priority." },
  },
});
