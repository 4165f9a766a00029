import { entityReference } from "@itsm/kit";

/** The agreements subgraph's ServiceLevelTarget, as far as this subgraph knows it: its key. */
export const ServiceLevelTargetReference = entityReference(
  "ServiceLevelTarget",
  "A measurable commitment for one service, e.g. availability AT_LEAST 99.9 PERCENT per MONTH, or P1 resolution AT_MOST 4 HOURS.",
);
export type ServiceLevelTargetReference = InstanceType<typeof ServiceLevelTargetReference>;
