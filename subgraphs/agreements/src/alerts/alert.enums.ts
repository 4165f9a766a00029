import { describeEnum } from "@itsm/kit";

/** What an alert is about. */
export enum AlertKind {
  EXPIRING = "EXPIRING",
  NOTICE_DUE = "NOTICE_DUE",
  REVIEW_DUE = "REVIEW_DUE",
  UNDERPINNING_ENDS_FIRST = "UNDERPINNING_ENDS_FIRST",
}

describeEnum(
  AlertKind,
  "AlertKind",
  "What an alert is about. (Alerts on service level performance, BUDGET_75 and BREACHED, will come from the operations subgraph.)",
  {
    EXPIRING: "An ACTIVE agreement ends within 90 days (one that renews tacitly without notice does not end).",
    NOTICE_DUE: "The last day to give notice on a TACIT agreement is within 30 days.",
    REVIEW_DUE: "An agreement's review date is within 30 days, or has passed.",
    UNDERPINNING_ENDS_FIRST: "An ACTIVE OLA or underpinning contract behind an ACTIVE SLA ends before the SLA does.",
  },
);
