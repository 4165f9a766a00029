import type { ReportNode } from "../dashboard-model";
import { AVAILABILITY_TARGET_TERMS } from "@itsm/runtime/testing";
import { describeCell, describeTarget, heatmapRows, lastMonths, statusCounts } from "../dashboard-model";

function node(targetId: string, agreement: string, service: string, status: ReportNode["status"]): ReportNode {
  return {
    status,
    achieved: status === "NO_DATA" ? null : 99.5,
    breaches: status === "BREACHED" ? 2 : 0,
    sampleSize: 43200,
    errorBudget:
      status === "NO_DATA"
        ? null
        : { allowed: 43.2, consumed: status === "BREACHED" ? 60 : 10, remaining: 0, unit: "MINUTES" },
    target: {
      id: targetId,
      ...AVAILABILITY_TARGET_TERMS,
    },
    agreement: { id: agreement, number: agreement, title: agreement },
    service: { id: service, code: service, name: service },
  };
}

describe("the dashboard's model", () => {
  it("takes the running month and the five before it, across a year's end, oldest first", () => {
    expect(lastMonths(new Date(2027, 1, 14))).toEqual([
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ]);
    expect(lastMonths(new Date(2026, 11, 31), 2)).toEqual(["2026-11", "2026-12"]);
  });

  it("makes a row per target across periods, ordered by agreement and service, gaps where a period lacks it", () => {
    const rows = heatmapRows(
      ["2026-11", "2026-12"],
      [
        [node("t2", "SLA-2", "ERP", "MET"), node("t1", "SLA-1", "EMAIL", "BREACHED")],
        [node("t1", "SLA-1", "EMAIL", "AT_RISK")],
      ],
    );
    expect(rows.map((r) => [r.target.id, r.cells.map((c) => c?.status ?? null)])).toEqual([
      ["t1", ["BREACHED", "AT_RISK"]],
      ["t2", ["MET", null]],
    ]);
    expect(statusCounts(rows, 0)).toEqual({ MET: 1, AT_RISK: 0, BREACHED: 1, NO_DATA: 0 });
    expect(statusCounts(rows, 1)).toEqual({ MET: 0, AT_RISK: 1, BREACHED: 0, NO_DATA: 0 });
  });

  it("says in words what a cell shows: status, achieved against target, error budget", () => {
    const [row] = heatmapRows(["2026-11"], [[node("t1", "SLA-1", "EMAIL", "BREACHED")]]);
    expect(describeCell(row, "2026-11", row.cells[0])).toEqual([
      "SLA-1 · EMAIL · Availability · 2026-11",
      "Status: Breached",
      "Achieved: 99.5 % · target ≥ 99.9 %",
      "Error budget: 60 of 43.2 min spent, 0 left",
      "Breaches: 2 · sample: 43200",
    ]);
    expect(describeCell(row, "2026-10", null)[1]).toMatch(/Not in this period's report/);
    expect(
      describeTarget({
        ...row.target,
        metric: "RESOLUTION_TIME",
        comparator: "AT_MOST",
        value: 4,
        unit: "HOURS",
        compliancePercent: 95,
      }),
    ).toBe("≤ 4 h for 95 % of tickets");
  });
});
