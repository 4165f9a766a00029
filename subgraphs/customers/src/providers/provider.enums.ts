import { registerEnumType } from "type-graphql";

/** How a provider relates to the organisation. */
export enum ProviderKind {
  INTERNAL = "INTERNAL",
  SHARED_SERVICES = "SHARED_SERVICES",
  EXTERNAL = "EXTERNAL",
}

registerEnumType(ProviderKind, {
  name: "ProviderKind",
  description: "How a service provider relates to the organisation.",
  valuesConfig: {
    INTERNAL: { description: "An internal IT department serving its own business units (Type I)." },
    SHARED_SERVICES: { description: "A shared-services unit serving several business units (Type II)." },
    EXTERNAL: { description: "An external supplier (Type III)." },
  },
});
