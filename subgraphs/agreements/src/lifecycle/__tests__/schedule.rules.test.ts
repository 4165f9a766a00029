import { AgreementStatus, RenewalKind } from "../../agreements/agreement.enums";
import { loadAgreementsConfig } from "../../agreements.config";
import { addDays, addMonths } from "../lifecycle.clock";
import { dueChange, dueChanges, ScheduledChangeKind } from "../schedule.rules";

const agreement = (id: string, status: AgreementStatus, effectiveFrom: string, effectiveTo: string | null) => ({
  id,
  status,
  effectiveFrom,
  effectiveTo,
  renewal: RenewalKind.NONE,
  renewalTermMonths: null,
  noticePeriodDays: null,
  noticeGivenOn: null,
});

describe("dueChange", () => {
  it("starts a SCHEDULED agreement on its effectiveFrom, not before", () => {
    const scheduled = agreement("a", AgreementStatus.SCHEDULED, "2026-03-01", null);
    expect(dueChange(scheduled, "2026-02-28")).toBeNull();
    expect(dueChange(scheduled, "2026-03-01")).toEqual({ kind: "START", agreementId: "a", on: "2026-03-01" });
  });

  it("expires an ACTIVE agreement the day after effectiveTo; open-ended and other statuses never", () => {
    const active = agreement("a", AgreementStatus.ACTIVE, "2025-01-01", "2026-02-28");
    expect(dueChange(active, "2026-02-28")).toBeNull();
    expect(dueChange(active, "2027-01-01")).toEqual({ kind: "EXPIRE", agreementId: "a", on: "2026-03-01" });
    expect(dueChange(agreement("b", AgreementStatus.ACTIVE, "2025-01-01", null), "2099-01-01")).toBeNull();
    for (const status of [AgreementStatus.DRAFT, AgreementStatus.EXPIRED, AgreementStatus.TERMINATED]) {
      expect(dueChange(agreement("c", status, "2025-01-01", "2025-02-01"), "2026-01-01")).toBeNull();
    }
  });
});

describe("dueChanges", () => {
  it("orders what fell due by day, an ending before a start on the same day", () => {
    const changes = dueChanges(
      [
        agreement("late", AgreementStatus.ACTIVE, "2025-01-01", "2026-05-31"),
        agreement("next", AgreementStatus.SCHEDULED, "2026-03-01", null),
        agreement("ending", AgreementStatus.ACTIVE, "2025-01-01", "2026-02-28"),
      ],
      "2026-12-31",
    );
    expect(changes.map((c) => [c.kind, c.agreementId, c.on])).toEqual([
      [ScheduledChangeKind.EXPIRE, "ending", "2026-03-01"],
      [ScheduledChangeKind.START, "next", "2026-03-01"],
      [ScheduledChangeKind.EXPIRE, "late", "2026-06-01"],
    ]);
  });
});

describe("calendar arithmetic", () => {
  it("adds days across months and years, and months clamped to the month's end", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2027-12-31", 2)).toBe("2028-02-29");
    expect(addMonths("2026-06-15", 12)).toBe("2027-06-15");
  });
});

describe("LIFECYCLE_INTERVAL_SECONDS", () => {
  it("defaults to 60, accepts 0 (off) and refuses anything else by name", () => {
    expect(loadAgreementsConfig({}).lifecycleIntervalSeconds).toBe(60);
    expect(loadAgreementsConfig({ LIFECYCLE_INTERVAL_SECONDS: "0" }).lifecycleIntervalSeconds).toBe(0);
    expect(() => loadAgreementsConfig({ LIFECYCLE_INTERVAL_SECONDS: "-5" })).toThrow(
      /LIFECYCLE_INTERVAL_SECONDS must be a whole number of seconds, 0 or more \(got "-5"\)/,
    );
  });
});
