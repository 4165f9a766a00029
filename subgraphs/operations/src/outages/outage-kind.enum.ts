import { defineEnum, type EnumValue } from "@itsm/kit";

export const OutageKind = defineEnum(
  "OutageKind",
  "Whether an outage was agreed downtime (planned maintenance) or a failure.",
  {
    UNPLANNED: "A failure: counts against availability.",
    PLANNED: "Announced maintenance inside an agreed window: agreed downtime, not counted against availability.",
  },
);
export type OutageKind = EnumValue<typeof OutageKind>;
