import { defineEnum, type EnumValue } from "@itsm/kit";

export const ServiceType = defineEnum(
  "ServiceType",
  "Whether customers consume a service directly or it only supports other services.",
  {
    CUSTOMER_FACING: "Consumed directly by customers and offered in the service catalogue.",
    SUPPORTING: "Internal service that other services depend on; not offered to customers.",
  },
);
export type ServiceType = EnumValue<typeof ServiceType>;

/** Services are retired, never deleted. */
export const ServiceLifecycle = defineEnum(
  "ServiceLifecycle",
  "Lifecycle stage of a service: PIPELINE → LIVE → RETIRED.",
  {
    PIPELINE: "Being designed or built; not yet available to customers.",
    LIVE: "In operation and available to customers.",
    RETIRED: "Withdrawn from operation; kept for history and references.",
  },
);
export type ServiceLifecycle = EnumValue<typeof ServiceLifecycle>;

export const Criticality = defineEnum("Criticality", "Business impact when the service is unavailable.", {
  LOW: "Little business impact; work can continue.",
  MEDIUM: "Noticeable impact on some business activities.",
  HIGH: "Major business activities are impaired.",
  CRITICAL: "Core business stops; highest restoration priority.",
});
export type Criticality = EnumValue<typeof Criticality>;
