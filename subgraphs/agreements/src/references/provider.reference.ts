import { entityReference } from "@itsm/kit";

/** The customers subgraph's Provider, as far as this subgraph knows it: its key. */
export const ProviderReference = entityReference(
  "Provider",
  "A service provider: internal IT, a shared-services unit or an external supplier.",
);
export type ProviderReference = InstanceType<typeof ProviderReference>;
