import { RenewalKind } from "../../agreements/agreement.enums";
import { noticeDeadline, renewalProblems, tacitRenewals } from "../renewal.rules";

const terms = (overrides: Partial<Parameters<typeof renewalProblems>[0]> = {}) => ({
  renewal: RenewalKind.TACIT,
  renewalTermMonths: 12,
  noticePeriodDays: 90,
  effectiveFrom: "2026-01-01",
  effectiveTo: "2026-12-31",
  ...overrides,
});

describe("renewal rules", () => {
  it("puts the notice deadline noticePeriodDays before effectiveTo, for TACIT agreements with an end only", () => {
    expect(noticeDeadline(terms())).toBe("2026-10-02");
    expect(noticeDeadline(terms({ noticePeriodDays: null }))).toBe("2026-12-31");
    expect(noticeDeadline(terms({ renewal: RenewalKind.EXPRESS }))).toBeNull();
    expect(noticeDeadline(terms({ effectiveTo: null }))).toBeNull();
  });

  it("accepts consistent terms and names the field of each inconsistency", () => {
    expect(renewalProblems(terms())).toEqual([]);
    expect(
      renewalProblems(terms({ renewal: RenewalKind.NONE, renewalTermMonths: null, noticePeriodDays: null })),
    ).toEqual([]);
    expect(renewalProblems(terms({ renewalTermMonths: null })).map((p) => p.field)).toEqual(["renewalTermMonths"]);
    expect(renewalProblems(terms({ renewalTermMonths: 3, noticePeriodDays: 84 })).map((p) => p.field)).toEqual([
      "noticePeriodDays",
    ]);
    expect(renewalProblems(terms({ effectiveTo: null })).map((p) => p.field)).toEqual(["renewal"]);
    expect(renewalProblems(terms({ effectiveTo: "2026-02-01", noticePeriodDays: 60 })).map((p) => p.field)).toEqual([
      "noticePeriodDays",
    ]);
  });

  it("renews once per term whose deadline passed, counted from the original end so month ends do not drift", () => {
    const monthly = terms({ renewalTermMonths: 1, noticePeriodDays: 0, effectiveTo: "2026-01-31" });
    expect(tacitRenewals(monthly, "2026-01-31")).toEqual([]);
    expect(tacitRenewals(monthly, "2026-02-01")).toEqual(["2026-02-28"]);
    expect(tacitRenewals(monthly, "2026-04-15")).toEqual(["2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(tacitRenewals(terms({ renewal: RenewalKind.EXPRESS }), "2030-01-01")).toEqual([]);
  });
});
