import { entityReference } from "@itsm/kit";

/** The agreements subgraph's Agreement, as far as this subgraph knows it: its key. */
export const AgreementReference = entityReference(
  "Agreement",
  "A documented agreement between a service provider and a customer (SLA), an internal group (OLA) or an external supplier (underpinning contract): the services covered, their service level targets and the responsibilities of both parties.",
);
export type AgreementReference = InstanceType<typeof AgreementReference>;
