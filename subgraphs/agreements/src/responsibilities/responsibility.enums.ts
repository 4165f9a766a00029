import { defineEnum, type EnumValue } from "@itsm/kit";

export const Party = defineEnum("Party", "The party to an agreement that holds a responsibility.", {
  PROVIDER: "The service provider.",
  CUSTOMER: "The customer (or, for an OLA or contract, the group receiving the service).",
});
export type Party = EnumValue<typeof Party>;

export const ResponsibilityCategory = defineEnum("ResponsibilityCategory", "Area a responsibility belongs to.", {
  SERVICE_DELIVERY: null,
  SUPPORT: null,
  MONITORING: null,
  SECURITY: null,
  DATA_PROTECTION: null,
  COMMUNICATION: null,
  CHANGE_MANAGEMENT: null,
  REPORTING: null,
  FINANCIAL: null,
  COMPLIANCE: null,
});
export type ResponsibilityCategory = EnumValue<typeof ResponsibilityCategory>;
