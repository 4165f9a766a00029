import { describeEnum } from "@itsm/kit";

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

describeEnum(Party, "Party", "The party to an agreement that holds a responsibility.", {
  PROVIDER: "The service provider.",
  CUSTOMER: "The customer (or, for an OLA or contract, the group receiving the service).",
});
describeEnum(ResponsibilityCategory, "ResponsibilityCategory", "Area a responsibility belongs to.");
