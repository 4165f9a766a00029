import type { ServiceCalendar } from "@itsm/service-hours";
import { alwaysOn } from "@itsm/service-hours";
import { Comparator, Priority, TargetMetric, TargetUnit } from "../../targets/target.enums";
import type { FeasibilityFacts, JudgedTarget } from "../feasibility.rules";
import { FeasibilityStatus, feasibilityOf } from "../feasibility.rules";
import { describeUncovered, uncoveredHours } from "../uncovered-hours.rules";

const NOW = new Date("2026-01-15T12:00:00Z");
const H24 = alwaysOn("Europe/Berlin");
const EXTENDED: ServiceCalendar = {
  timeZone: "Europe/Berlin",
  windows: [{ days: ["MON", "TUE", "WED", "THU", "FRI", "SAT"], from: "07:00", to: "20:00" }],
  holidays: [],
};

let next = 0;
function availability(agreementId: string, serviceId: string, value: number): JudgedTarget {
  return {
    id: `t${next++}`,
    agreementId,
    serviceId,
    metric: TargetMetric.AVAILABILITY,
    comparator: Comparator.AT_LEAST,
    value,
    unit: TargetUnit.PERCENT,
    priority: null,
    compliancePercent: null,
  };
}
function resolution(
  agreementId: string,
  serviceId: string,
  hours: number,
  priority: Priority | null,
  compliancePercent: number | null = null,
): JudgedTarget {
  return {
    id: `t${next++}`,
    agreementId,
    serviceId,
    metric: TargetMetric.RESOLUTION_TIME,
    comparator: Comparator.AT_MOST,
    value: hours,
    unit: TargetUnit.HOURS,
    priority,
    compliancePercent,
  };
}

/** Facts from a small world: links (agreement → what underpins it), targets, and calendars per agreement. */
function world(
  links: Record<string, string[]>,
  targets: JudgedTarget[],
  dependencies: string[] = [],
  calendars: Record<string, ServiceCalendar> = {},
): FeasibilityFacts {
  return {
    dependencies,
    underpinningsOf: (id) => links[id] ?? [],
    targetsOf: (id) => targets.filter((t) => t.agreementId === id),
    calendarOf: (id) => calendars[id] ?? H24,
    now: NOW,
  };
}

describe("availability in series", () => {
  it("is the product of the best underpinning availability of the service and each dependency", () => {
    const sla = availability("SLA", "ERP", 99.9);
    const facts = world(
      { SLA: ["OLA", "UC"] },
      [
        sla,
        availability("OLA", "HOSTING", 99.98),
        availability("OLA", "DB", 99.95),
        availability("UC", "DB", 99.99),
        availability("UC", "WAN", 99.9),
      ],
      ["HOSTING", "DB", "WAN"],
    );
    const result = feasibilityOf(sla, facts)!;
    expect(result.composedValue).toBeCloseTo(99.98 * 0.9999 * 0.999, 6);
    expect(result.status).toBe(FeasibilityStatus.UNSUPPORTED);
    // Weakest first, and the better of two agreements on the same service.
    expect(result.weakestLinks.map((l) => [l.serviceId, l.agreementId])).toEqual([
      ["WAN", "UC"],
      ["HOSTING", "OLA"],
      ["DB", "UC"],
    ]);
  });

  it("is SUPPORTED when the product reaches the promise", () => {
    const sla = availability("SLA", "ERP", 99.5);
    const facts = world(
      { SLA: ["OLA"] },
      [sla, availability("OLA", "ERP", 99.9), availability("OLA", "DB", 99.9)],
      ["DB"],
    );
    const result = feasibilityOf(sla, facts)!;
    expect(result.status).toBe(FeasibilityStatus.SUPPORTED);
    expect(result.composedValue).toBeCloseTo(99.8001, 6);
  });

  it("is UNKNOWN, naming the dependency, when a dependency has no underpinning availability", () => {
    const sla = availability("SLA", "ERP", 90);
    const facts = world({ SLA: ["OLA"] }, [sla, availability("OLA", "DB", 99.9)], ["DB", "IDENTITY"]);
    const result = feasibilityOf(sla, facts)!;
    expect(result.status).toBe(FeasibilityStatus.UNKNOWN);
    expect(result.missing).toEqual(["IDENTITY"]);
  });

  it("ignores targets of agreements that do not underpin the SLA", () => {
    const sla = availability("SLA", "ERP", 90);
    const facts = world({ SLA: ["OLA"] }, [sla, availability("OTHER", "DB", 99.9)], ["DB"]);
    expect(feasibilityOf(sla, facts)!.status).toBe(FeasibilityStatus.UNKNOWN);
  });

  it("counts hours the underpinning does not cover against the promise", () => {
    const sla = availability("SLA", "ERP", 90);
    const facts = world({ SLA: ["OLA"] }, [sla, availability("OLA", "DB", 99.99)], ["DB"], { OLA: EXTENDED });
    const result = feasibilityOf(sla, facts)!;
    expect(result.composedValue).toBeCloseTo(99.99, 6);
    expect(result.status).toBe(FeasibilityStatus.UNSUPPORTED);
    expect(result.uncovered?.hoursPerWeek).toBe(168 - 6 * 13);
  });
});

describe("chains", () => {
  it("bounds an OLA's target by the weaker contract behind it", () => {
    const sla = availability("SLA", "ERP", 99.9);
    const facts = world(
      { SLA: ["OLA"], OLA: ["UC"] },
      [sla, availability("OLA", "WAN", 99.95), availability("UC", "WAN", 99.5)],
      ["WAN"],
    );
    const result = feasibilityOf(sla, facts)!;
    expect(result.composedValue).toBeCloseTo(99.5, 6);
    expect(result.weakestLinks[0]).toMatchObject({ agreementId: "UC", chain: ["OLA", "UC"] });
    expect(result.status).toBe(FeasibilityStatus.UNSUPPORTED);
  });

  it("keeps the OLA's own target when the contract behind promises more, and passes on a contract's target", () => {
    const sla = availability("SLA", "ERP", 99);
    const facts = world(
      { SLA: ["OLA"], OLA: ["UC"] },
      [sla, availability("OLA", "WAN", 99.9), availability("UC", "WAN", 99.99), availability("UC", "DB", 99.8)],
      ["WAN", "DB"],
    );
    const result = feasibilityOf(sla, facts)!;
    expect(result.weakestLinks.map((l) => [l.serviceId, l.agreementId, l.chain])).toEqual([
      ["DB", "UC", ["OLA", "UC"]],
      ["WAN", "OLA", ["OLA", "UC"]],
    ]);
    expect(result.status).toBe(FeasibilityStatus.SUPPORTED);
  });

  it("ends on a cycle of links", () => {
    const sla = availability("SLA", "ERP", 99);
    const facts = world({ SLA: ["OLA"], OLA: ["UC"], UC: ["OLA"] }, [sla, availability("UC", "WAN", 99.9)], ["WAN"]);
    expect(feasibilityOf(sla, facts)!.composedValue).toBeCloseTo(99.9, 6);
  });
});

describe("time targets", () => {
  it("matches the same service and priority (or a target for all priorities)", () => {
    const p1 = resolution("SLA", "WAN", 4, Priority.P1);
    const p2 = resolution("SLA", "WAN", 8, Priority.P2);
    const p3 = resolution("SLA", "WAN", 24, Priority.P3);
    const facts = world({ SLA: ["UC"] }, [
      p1,
      p2,
      p3,
      resolution("UC", "WAN", 3, Priority.P1),
      resolution("UC", "WAN", 10, Priority.P2),
      resolution("UC", "LAN", 1, Priority.P3),
    ]);
    expect(feasibilityOf(p1, facts)).toMatchObject({ status: FeasibilityStatus.SUPPORTED, composedValue: 3 });
    expect(feasibilityOf(p2, facts)).toMatchObject({ status: FeasibilityStatus.UNSUPPORTED, composedValue: 10 });
    expect(feasibilityOf(p3, facts)).toMatchObject({ status: FeasibilityStatus.UNKNOWN, missing: ["WAN"] });
    const all = world({ SLA: ["UC"] }, [p3, resolution("UC", "WAN", 12, null)]);
    expect(feasibilityOf(p3, all)).toMatchObject({ status: FeasibilityStatus.SUPPORTED, composedValue: 12 });
  });

  it("compares across units and shares of tickets", () => {
    const p1 = resolution("SLA", "WAN", 4, Priority.P1, 95);
    const inMinutes = { ...resolution("UC", "WAN", 180, Priority.P1, 90), unit: TargetUnit.MINUTES };
    const result = feasibilityOf(p1, world({ SLA: ["UC"] }, [p1, inMinutes]))!;
    expect(result.composedValue).toBe(3);
    // Three hours, but for fewer tickets than promised.
    expect(result.status).toBe(FeasibilityStatus.UNSUPPORTED);
  });

  it("is UNSUPPORTED on a 24x7 promise behind a Mon–Sat 07:00–20:00 underpinning, naming the hours", () => {
    const p1 = resolution("SLA", "DESK", 4, Priority.P1);
    const facts = world({ SLA: ["OLA"] }, [p1, resolution("OLA", "DESK", 1, Priority.P1)], [], { OLA: EXTENDED });
    const result = feasibilityOf(p1, facts)!;
    expect(result.status).toBe(FeasibilityStatus.UNSUPPORTED);
    expect(result.uncovered?.weekly).toEqual([
      { day: "MON", from: "00:00", to: "07:00" },
      { day: "MON", from: "20:00", to: "24:00" },
      ...["TUE", "WED", "THU", "FRI", "SAT"].flatMap((day) => [
        { day, from: "00:00", to: "07:00" },
        { day, from: "20:00", to: "24:00" },
      ]),
      { day: "SUN", from: "00:00", to: "24:00" },
    ]);
    expect(result.uncovered?.hoursPerWeek).toBe(90);
    expect(result.explanation).toContain("Mon–Sat 00:00–07:00 and 20:00–24:00; Sun 00:00–24:00 (Europe/Berlin)");
  });

  it("chains time targets too: the weaker of an OLA and the contract behind it, and both their hours", () => {
    const p1 = resolution("SLA", "WAN", 4, Priority.P1);
    const facts = world(
      { SLA: ["OLA"], OLA: ["UC"] },
      [p1, resolution("OLA", "WAN", 2, Priority.P1), resolution("UC", "WAN", 3, Priority.P1)],
      [],
      { UC: EXTENDED },
    );
    const result = feasibilityOf(p1, facts)!;
    expect(result.weakestLinks[0]).toMatchObject({ agreementId: "UC", chain: ["OLA", "UC"] });
    expect(result.composedValue).toBe(3);
    expect(result.status).toBe(FeasibilityStatus.UNSUPPORTED);
    expect(result.uncovered?.hoursPerWeek).toBe(90);
  });

  it("is not judged for other metrics", () => {
    const csat = { ...availability("SLA", "X", 4), metric: TargetMetric.CUSTOMER_SATISFACTION };
    expect(feasibilityOf(csat, world({}, [csat]))).toBeNull();
  });
});

describe("uncovered hours", () => {
  it("is null when the underpinning covers every hour", () => {
    expect(uncoveredHours(EXTENDED, H24, NOW)).toBeNull();
  });

  it("names holidays the underpinning takes and the promise serves", () => {
    const gap = uncoveredHours(H24, { ...H24, holidays: ["2026-05-01", "2025-12-25", "2026-12-25"] }, NOW)!;
    expect(gap.dates).toEqual(["2026-05-01", "2026-12-25"]);
    expect(gap.weekly).toEqual([]);
    expect(describeUncovered(gap)).toBe("2 holidays in the next twelve months (2026-05-01, 2026-12-25)");
  });

  it("moves another zone's windows by the offsets", () => {
    const london: ServiceCalendar = {
      timeZone: "Europe/London",
      windows: [{ days: ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"], from: "00:00", to: "23:00" }],
      holidays: [],
    };
    // 23:00–24:00 London is 00:00–01:00 Berlin in January.
    expect(uncoveredHours(H24, london, NOW)?.weekly[0]).toEqual({ day: "MON", from: "00:00", to: "01:00" });
  });
});
