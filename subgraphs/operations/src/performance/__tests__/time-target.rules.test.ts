import { elapsedServiceMinutes } from "@itsm/service-hours";
import type { ServiceCalendar } from "@itsm/service-hours";
import { allowedBreaches, classifyTicket, targetMinutes, timeTargetPerformance } from "../time-target.rules";

const finished = (sampleSize: number, breaches: number, compliancePercent: number | null) =>
  timeTargetPerformance({ sampleSize, breaches, compliancePercent, running: false });
const running = (sampleSize: number, breaches: number, compliancePercent: number | null) =>
  timeTargetPerformance({ sampleSize, breaches, compliancePercent, running: true });

describe("time targets", () => {
  it("converts target units to minutes", () => {
    expect(targetMinutes(15, "MINUTES")).toBe(15);
    expect(targetMinutes(4, "HOURS")).toBe(240);
    expect(targetMinutes(2, "DAYS")).toBe(2_880);
    expect(targetMinutes(90, "SECONDS")).toBe(1.5);
  });

  it("classifies a ticket: at the limit met, past it breached, open and within it pending", () => {
    const limit = targetMinutes(4, "HOURS"); // 240
    expect(classifyTicket(240, false, limit)).toBe("MET");
    expect(classifyTicket(240.5, false, limit)).toBe("BREACHED");
    expect(classifyTicket(100, true, limit)).toBe("PENDING");
    expect(classifyTicket(240, true, limit)).toBe("PENDING");
    expect(classifyTicket(241, true, limit)).toBe("BREACHED");
  });

  it("an open incident past its target, in service hours, is breached", () => {
    const calendar: ServiceCalendar = {
      timeZone: "Europe/Berlin",
      windows: [{ days: ["MON", "TUE", "WED", "THU", "FRI"], from: "08:00", to: "18:00" }],
      holidays: [],
    };
    // opened Fri 13 Nov 2026 17:00 CET; now Mon 16 Nov 08:30 CET: 60 + 30 = 90 service minutes
    const clock = elapsedServiceMinutes(calendar, new Date("2026-11-13T16:00Z"), new Date("2026-11-16T07:30Z"));
    expect(clock).toBe(90);
    expect(classifyTicket(clock, true, targetMinutes(1, "HOURS"))).toBe("BREACHED"); // 90 > 60
    expect(classifyTicket(clock, true, targetMinutes(2, "HOURS"))).toBe("PENDING"); // 90 ≤ 120, the weekend does not count
  });

  it("allows floor(sample × (100 − compliance) / 100) breaches", () => {
    expect(allowedBreaches(20, 95)).toBe(1); // 20 × 5 % = 1
    expect(allowedBreaches(39, 95)).toBe(1); // 1.95 → 1
    expect(allowedBreaches(1_000, 99.9)).toBe(1); // 1,000 × 0.1 % = 0.99999… in floating point, still 1
    expect(allowedBreaches(500, null)).toBe(0); // null compliance is 100 %
  });

  it("a finished period meeting compliance exactly is met; one ticket more breached", () => {
    // 20 tickets, 95 %: 1 breach → 19 / 20 = 95 % met, budget 1 of 1
    expect(finished(20, 1, 95)).toEqual({
      achieved: 95,
      status: "MET",
      sampleSize: 20,
      breaches: 1,
      errorBudget: { allowed: 1, consumed: 1, remaining: 0, unit: "TICKETS" },
    });
    const breached = finished(20, 2, 95); // 18 / 20 = 90 % < 95 %
    expect(breached.status).toBe("BREACHED");
    expect(breached.achieved).toBe(90);
    expect(breached.errorBudget?.remaining).toBe(0);
  });

  it("null compliance means every ticket must meet the target", () => {
    expect(finished(10, 0, null).status).toBe("MET");
    expect(finished(10, 1, null).status).toBe("BREACHED"); // allowed 0
  });

  it("a running period is met at exactly 75 % of its budget, at risk above, breached past it", () => {
    // 40 tickets so far, 90 % → allowed floor(40 × 10 / 100) = 4; 3 / 4 = 75 %
    expect(running(40, 3, 90).status).toBe("MET");
    expect(running(40, 4, 90).status).toBe("AT_RISK"); // 100 % used, not exceeded
    expect(running(40, 5, 90).status).toBe("BREACHED"); // 35 / 40 = 87.5 % < 90 %
    expect(running(40, 0, null).status).toBe("MET"); // 0 of 0 is not at risk
  });

  it("no tickets is NO_DATA", () => {
    expect(finished(0, 0, 95)).toEqual({
      achieved: null,
      status: "NO_DATA",
      sampleSize: 0,
      breaches: 0,
      errorBudget: null,
    });
  });
});
