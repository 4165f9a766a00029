import { describeEnum } from "@itsm/kit";

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

describeEnum(
  ServiceType,
  "ServiceType",
  "Whether customers consume a service directly or it only supports other services.",
  {
    CUSTOMER_FACING: "Consumed directly by customers and offered in the service catalogue.",
    SUPPORTING: "Internal service that other services depend on; not offered to customers.",
  },
);
describeEnum(ServiceLifecycle, "ServiceLifecycle", "Lifecycle stage of a service: PIPELINE → LIVE → RETIRED.", {
  PIPELINE: "Being designed or built; not yet available to customers.",
  LIVE: "In operation and available to customers.",
  RETIRED: "Withdrawn from operation; kept for history and references.",
});
describeEnum(Criticality, "Criticality", "Business impact when the service is unavailable.", {
  LOW: "Little business impact; work can continue.",
  MEDIUM: "Noticeable impact on some business activities.",
  HIGH: "Major business activities are impaired.",
  CRITICAL: "Core business stops; highest restoration priority.",
});
