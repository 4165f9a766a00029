import { budgetStatus, compareWorstFirst, consumedShare, errorBudget, forecastBudget } from "../budget.rules";
import type { ErrorBudget, PerformanceStatus } from "../performance.model";

const minutes = (allowed: number, consumed: number): ErrorBudget => errorBudget(allowed, consumed, "MINUTES");

describe("error budgets", () => {
  it("remaining is clamped at 0 when overspent", () => {
    expect(minutes(40, 50)).toEqual({ allowed: 40, consumed: 50, remaining: 0, unit: "MINUTES" });
    expect(minutes(40, 10).remaining).toBe(30);
  });

  it("consumed share: a fraction, Infinity when nothing was allowed but something went wrong", () => {
    expect(consumedShare(minutes(40, 30))).toBe(0.75);
    expect(consumedShare(minutes(0, 1))).toBe(Infinity);
    expect(consumedShare(minutes(0, 0))).toBe(0);
    expect(consumedShare(null)).toBe(0);
  });

  it("status at the boundaries: 75 % exactly is met, all of it at risk, beyond it breached", () => {
    expect(budgetStatus(minutes(40, 30), true)).toBe("MET"); // 30 / 40 = 75 %
    expect(budgetStatus(minutes(40, 30.001), true)).toBe("AT_RISK");
    expect(budgetStatus(minutes(40, 40), true)).toBe("AT_RISK");
    expect(budgetStatus(minutes(40, 40.001), true)).toBe("BREACHED");
    expect(budgetStatus(minutes(40, 40), false)).toBe("MET");
    expect(budgetStatus(minutes(40, 40.001), false)).toBe("BREACHED");
  });

  it("sorts worst first: breached, at risk, met, no data; then most budget consumed", () => {
    const row = (name: string, status: PerformanceStatus, budget: ErrorBudget | null) => ({
      name,
      status,
      errorBudget: budget,
    });
    const rows = [
      row("met-half", "MET", minutes(40, 20)),
      row("no-data", "NO_DATA", null),
      row("risk-80", "AT_RISK", minutes(40, 32)),
      row("breached-2x", "BREACHED", minutes(40, 80)),
      row("met-no-budget", "MET", null),
      row("risk-90", "AT_RISK", minutes(40, 36)),
      row("breached-zero-allowed", "BREACHED", errorBudget(0, 1, "TICKETS")),
    ];
    const sorted = [...rows].sort((a, b) => compareWorstFirst(a, b));
    expect(sorted.map((r) => r.name)).toEqual([
      "breached-zero-allowed",
      "breached-2x",
      "risk-90",
      "risk-80",
      "met-half",
      "met-no-budget",
      "no-data",
    ]);
  });

  it("forecasts linear consumption to the period's end", () => {
    // a third of the month gone, 20 of 43.2 min consumed → 60 projected, budget exhausted
    expect(forecastBudget(minutes(43.2, 20), 1 / 3)).toEqual({
      projectedConsumed: 60,
      projectedRemaining: 0,
      exhausts: true,
    });
    // 10 consumed → 30 projected, 13.2 left
    const calm = forecastBudget(minutes(43.2, 10), 1 / 3);
    expect(calm?.projectedConsumed).toBeCloseTo(30, 10);
    expect(calm?.projectedRemaining).toBeCloseTo(13.2, 10);
    expect(calm?.exhausts).toBe(false);
    expect(forecastBudget(minutes(43.2, 0), 0)).toBeNull();
  });
});
