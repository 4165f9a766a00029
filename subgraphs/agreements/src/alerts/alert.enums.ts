import { registerEnumType } from "type-graphql";

/** What an alert is about. */
export enum AlertKind {
  EXPIRING = "EXPIRING",
  NOTICE_DUE = "NOTICE_DUE",
  REVIEW_DUE = "REVIEW_DUE",
  UNDERPINNING_ENDS_FIRST = "UNDERPINNING_ENDS_FIRST",
}

registerEnumType(AlertKind, {
  name: "AlertKind",
  description:
    "What an alert is about. (Alerts on service level performance, BUDGET_75 and BREACHED, will come from the operations subgraph.)",
  valuesConfig: {
    EXPIRING: {
      description: "An ACTIVE agreement ends within 90 days (one that renews tacitly without notice does not end).",
    },
    NOTICE_DUE: { description: "The last day to give notice on a TACIT agreement is within 30 days." },
    REVIEW_DUE: { description: "An agreement's review date is within 30 days, or has passed." },
    UNDERPINNING_ENDS_FIRST: {
      description: "An ACTIVE OLA or underpinning contract behind an ACTIVE SLA ends before the SLA does.",
    },
  },
});
