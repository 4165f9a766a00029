import { defineEnum, type EnumValue } from "@itsm/kit";

export const ProviderKind = defineEnum("ProviderKind", "How a service provider relates to the organisation.", {
  INTERNAL: "An internal IT department serving its own business units (Type I).",
  SHARED_SERVICES: "A shared-services unit serving several business units (Type II).",
  EXTERNAL: "An external supplier (Type III).",
});
export type ProviderKind = EnumValue<typeof ProviderKind>;
