import { defineEnum, type EnumValue } from "@itsm/kit";

// Operations serves AgreementType too: declared once, in the kit.
export { AgreementType } from "@itsm/kit";

export const AgreementStatus = defineEnum(
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
export type AgreementStatus = EnumValue<typeof AgreementStatus>;

export const RenewalKind = defineEnum("RenewalKind", "What happens to an agreement at its end date.", {
  NONE: "It ends (EXPIRED) at effectiveTo.",
  TACIT:
    "It renews itself for renewalTermMonths unless notice is given by effectiveTo − noticePeriodDays (giveNotice).",
  EXPRESS: "It ends at effectiveTo unless the parties agree a renewal (a new version).",
});
export type RenewalKind = EnumValue<typeof RenewalKind>;
