import { entityReference } from "@itsm/kit";

/** The catalog's Service, as far as this subgraph knows it: its key. */
export const ServiceReference = entityReference(
  "Service",
  "An IT service: something the provider delivers that creates value for customers.",
);
export type ServiceReference = InstanceType<typeof ServiceReference>;
