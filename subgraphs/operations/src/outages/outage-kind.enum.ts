import { describeEnum } from "@itsm/kit";

/** Whether an outage was agreed downtime or a failure. */
export enum OutageKind {
  UNPLANNED = "UNPLANNED",
  PLANNED = "PLANNED",
}

describeEnum(OutageKind, "OutageKind", "Whether an outage was agreed downtime (planned maintenance) or a failure.", {
  UNPLANNED: "A failure: counts against availability.",
  PLANNED: "Announced maintenance inside an agreed window: agreed downtime, not counted against availability.",
});
