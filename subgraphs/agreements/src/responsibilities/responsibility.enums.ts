import { registerEnumType } from "type-graphql";

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
