import type { AvailabilityInput } from "../availability.rules";
import { availabilityPerformance } from "../availability.rules";

// A finished 30-day month, 24×7: 30 × 1,440 = 43,200 service minutes, nothing planned.
const month = { serviceMinutes: 43_200, plannedMinutes: 0 };
const finished = (downtimeMinutes: number, extra: Partial<AvailabilityInput> = {}) =>
  availabilityPerformance({
    targetPercent: 99.9,
    measured: month,
    downtimeMinutes,
    outageCount: 1,
    running: false,
    ...extra,
  });

describe("availability", () => {
  it("achieved is the share of agreed time available; planned outages are not agreed time", () => {
    // agreed = 43,200 − 600 planned = 42,600; downtime 213 → 100 × 42,387 / 42,600 = 99.5 %
    const result = finished(213, { measured: { serviceMinutes: 43_200, plannedMinutes: 600 } });
    expect(result.achieved).toBeCloseTo(99.5, 10);
    expect(result.sampleSize).toBe(42_600);
    // allowed = 42,600 × 0.1 / 100 = 42.6 min; 213 consumed → breached, nothing remaining
    expect(result.errorBudget).toEqual({ allowed: 42.6, consumed: 213, remaining: 0, unit: "MINUTES" });
    expect(result.status).toBe("BREACHED");
    expect(result.breaches).toBe(1);
  });

  it("downtime exactly the allowance is met; a minute more is breached", () => {
    // allowed = 43,200 × (100 − 99.9) / 100 = 43.2 min
    const exact = finished(43.2);
    expect(exact.status).toBe("MET");
    expect(exact.achieved).toBeCloseTo(99.9, 10); // 100 × 43,156.8 / 43,200
    expect(exact.errorBudget).toEqual({ allowed: 43.2, consumed: 43.2, remaining: 0, unit: "MINUTES" });
    expect(finished(44.2).status).toBe("BREACHED");
  });

  it("a finished period is never at risk, however much budget it used", () => {
    // 43 of 43.2 min consumed (99.5 %), period over → MET
    expect(finished(43).status).toBe("MET");
  });

  describe("a running period: the whole month's budget, consumption so far", () => {
    // 10 days measured (14,400 min) of the 43,200-minute month; allowance 43.2 min of the whole month
    const running = (downtimeMinutes: number) =>
      availabilityPerformance({
        targetPercent: 99.9,
        measured: { serviceMinutes: 14_400, plannedMinutes: 0 },
        wholePeriod: month,
        downtimeMinutes,
        outageCount: 1,
        running: true,
      });

    it("is met under 75 % of the budget, even with achieved so far below target", () => {
      const result = running(30);
      expect(result.errorBudget).toEqual({ allowed: 43.2, consumed: 30, remaining: 13.2, unit: "MINUTES" });
      expect(result.achieved).toBeCloseTo((100 * 14_370) / 14_400, 10); // 99.79 %
      expect(result.status).toBe("MET"); // 30 / 43.2 = 69 %
    });

    it("is met at exactly 75 % and at risk above it", () => {
      expect(running(32.4).status).toBe("MET"); // 0.75 × 43.2 = 32.4: not more than 75 %
      expect(running(32.5).status).toBe("AT_RISK");
    });

    it("is at risk with the budget exactly spent and breached once it is overspent", () => {
      expect(running(43.2).status).toBe("AT_RISK"); // 100 % used, not exceeded: the month can still end at 99.9 %
      const over = running(43.3);
      expect(over.status).toBe("BREACHED");
      expect(over.errorBudget?.remaining).toBe(0);
    });

    it("without the whole period, the allowance is of the time measured", () => {
      const soFar = availabilityPerformance({
        targetPercent: 99.9,
        measured: { serviceMinutes: 14_400, plannedMinutes: 0 },
        downtimeMinutes: 10,
        outageCount: 1,
        running: true,
      });
      expect(soFar.errorBudget?.allowed).toBe(14.4); // 14,400 × 0.1 %
      expect(soFar.status).toBe("MET"); // 10 ≤ 0.75 × 14.4 = 10.8
    });
  });

  it("no agreed time is NO_DATA", () => {
    expect(finished(0, { measured: { serviceMinutes: 0, plannedMinutes: 0 } })).toEqual({
      achieved: null,
      status: "NO_DATA",
      sampleSize: 0,
      breaches: 1,
      errorBudget: null,
    });
    expect(finished(0, { measured: { serviceMinutes: 600, plannedMinutes: 600 } }).status).toBe("NO_DATA");
  });

  it("downtime beyond the agreed time counts as all of it", () => {
    // 700 min down of 600 agreed → 0 % available, 600 consumed
    const result = finished(700, { measured: { serviceMinutes: 600, plannedMinutes: 0 } });
    expect(result.achieved).toBe(0);
    expect(result.errorBudget?.consumed).toBe(600);
  });
});
