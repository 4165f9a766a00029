import { defineEnum, type EnumValue } from "@itsm/kit";

export const AlertKind = defineEnum("AlertKind", "What an alert is about.", {
  EXPIRING: "An ACTIVE agreement ends within 90 days (one that renews tacitly without notice does not end).",
  NOTICE_DUE: "The last day to give notice on a TACIT agreement is within 30 days.",
  REVIEW_DUE: "An agreement's review date is within 30 days, or has passed.",
  UNDERPINNING_ENDS_FIRST: "An ACTIVE OLA or underpinning contract behind an ACTIVE SLA ends before the SLA does.",
  BUDGET_75:
    "75 % or more of a target's error budget is used in its current period (MONTH, QUARTER or YEAR), and it is not breached yet (figures from the operations subgraph).",
  BREACHED: "A target is breached in its current period (figures from the operations subgraph).",
});
export type AlertKind = EnumValue<typeof AlertKind>;
