import { describeEnum } from "@itsm/kit";

/** How a provider relates to the organisation. */
export enum ProviderKind {
  INTERNAL = "INTERNAL",
  SHARED_SERVICES = "SHARED_SERVICES",
  EXTERNAL = "EXTERNAL",
}

describeEnum(ProviderKind, "ProviderKind", "How a service provider relates to the organisation.", {
  INTERNAL: "An internal IT department serving its own business units (Type I).",
  SHARED_SERVICES: "A shared-services unit serving several business units (Type II).",
  EXTERNAL: "An external supplier (Type III).",
});
