import { describeEnum } from "@itsm/kit";

/** The kind of agreement, by who the counterparty is. */
export enum AgreementType {
  SLA = "SLA",
  OLA = "OLA",
  UNDERPINNING_CONTRACT = "UNDERPINNING_CONTRACT",
}

/** Lifecycle of an agreement: DRAFT → (SCHEDULED →) ACTIVE → EXPIRED or TERMINATED. */
export enum AgreementStatus {
  DRAFT = "DRAFT",
  SCHEDULED = "SCHEDULED",
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  TERMINATED = "TERMINATED",
}

/** What happens to an agreement at its end date. */
export enum RenewalKind {
  NONE = "NONE",
  TACIT = "TACIT",
  EXPRESS = "EXPRESS",
}

describeEnum(RenewalKind, "RenewalKind", "What happens to an agreement at its end date.", {
  NONE: "It ends (EXPIRED) at effectiveTo.",
  TACIT:
    "It renews itself for renewalTermMonths unless notice is given by effectiveTo − noticePeriodDays (giveNotice).",
  EXPRESS: "It ends at effectiveTo unless the parties agree a renewal (a new version).",
});
describeEnum(AgreementType, "AgreementType", "The kind of agreement, by who the counterparty is.", {
  SLA: "Service level agreement between the provider and its customers.",
  OLA: "Operational level agreement with an internal group; underpins SLAs.",
  UNDERPINNING_CONTRACT: "Contract with an external supplier; underpins SLAs.",
});
describeEnum(
  AgreementStatus,
  "AgreementStatus",
  "Lifecycle of an agreement: DRAFT → ACTIVE → EXPIRED or TERMINATED; a revision activated before its first day is SCHEDULED until then.",
  {
    DRAFT: "Being negotiated; terms may still change.",
    SCHEDULED:
      "A revision activated before its first day: becomes ACTIVE on effectiveFrom and supersedes the version it revises then; until that day that version stays ACTIVE. (A first version activated early is ACTIVE at once: it overlaps no other.)",
    ACTIVE: "In force; terms change only through a new version.",
    EXPIRED: "Reached its end date (set by the lifecycle scheduler the day after effectiveTo).",
    TERMINATED: "Ended early by one of the parties, or superseded by a newer version.",
  },
);
