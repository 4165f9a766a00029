import { registerEnumType } from "type-graphql";

/** Whether an outage was agreed downtime or a failure. */
export enum OutageKind {
  UNPLANNED = "UNPLANNED",
  PLANNED = "PLANNED",
}

registerEnumType(OutageKind, {
  name: "OutageKind",
  description: "Whether an outage was agreed downtime (planned maintenance) or a failure.",
  valuesConfig: {
    UNPLANNED: { description: "A failure: counts against availability." },
    PLANNED: {
      description: "Announced maintenance inside an agreed window: agreed downtime, not counted against availability.",
    },
  },
});
