import { entityReference } from "@itsm/kit";

/** The customers subgraph's Customer, as far as this subgraph knows it: its key. */
export const CustomerReference = entityReference(
  "Customer",
  "A customer: a business unit or external organisation that receives services under agreements.",
);
export type CustomerReference = InstanceType<typeof CustomerReference>;
