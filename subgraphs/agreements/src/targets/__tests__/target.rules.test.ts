import { Comparator, Priority, TargetMetric, TargetUnit } from "../target.enums";
import type { ComparedTarget, TargetShape } from "../target.rules";
import { atLeastAsStrict, strictnessProblems, targetValueProblems } from "../target.rules";

const { AT_LEAST, AT_MOST } = Comparator;
const { PERCENT, SECONDS, MINUTES, HOURS, DAYS, SCORE } = TargetUnit;

const resolution = (value: number, unit: TargetUnit, comparator: Comparator = AT_MOST): TargetShape => ({
  metric: TargetMetric.RESOLUTION_TIME,
  comparator,
  value,
  unit,
});
const availability = (value: number, comparator: Comparator = AT_LEAST): TargetShape => ({
  metric: TargetMetric.AVAILABILITY,
  comparator,
  value,
  unit: PERCENT,
});

describe("atLeastAsStrict (underpinning target against the SLA's)", () => {
  it.each([
    ["4 HOURS against 240 MINUTES (the same ceiling)", resolution(4, HOURS), resolution(240, MINUTES), true],
    ["240 MINUTES against 4 HOURS", resolution(240, MINUTES), resolution(4, HOURS), true],
    ["3 HOURS against 240 MINUTES (a lower ceiling)", resolution(3, HOURS), resolution(240, MINUTES), true],
    ["5 HOURS against 240 MINUTES (a higher ceiling)", resolution(5, HOURS), resolution(240, MINUTES), false],
    ["241 MINUTES against 4 HOURS", resolution(241, MINUTES), resolution(4, HOURS), false],
    ["3600 SECONDS against 1 HOURS", resolution(3600, SECONDS), resolution(1, HOURS), true],
    ["3601 SECONDS against 1 HOURS", resolution(3601, SECONDS), resolution(1, HOURS), false],
    ["1 DAYS against 1440 MINUTES", resolution(1, DAYS), resolution(1440, MINUTES), true],
    ["1 DAYS against 23 HOURS", resolution(1, DAYS), resolution(23, HOURS), false],
  ])("a duration ceiling: %s → %s", (_, underpinning, sla, strict) => {
    expect(atLeastAsStrict(underpinning, sla)).toBe(strict);
  });

  it.each([
    ["99.95 % against 99.9 % (a higher floor)", availability(99.95), availability(99.9), true],
    ["99.9 % against 99.9 %", availability(99.9), availability(99.9), true],
    ["99.5 % against 99.9 % (a lower floor)", availability(99.5), availability(99.9), false],
  ])("a floor: %s → %s", (_, underpinning, sla, strict) => {
    expect(atLeastAsStrict(underpinning, sla)).toBe(strict);
  });

  it("never matches AT_LEAST against AT_MOST, whatever the values", () => {
    expect(atLeastAsStrict(resolution(1, HOURS, AT_LEAST), resolution(4, HOURS, AT_MOST))).toBe(false);
    expect(atLeastAsStrict(resolution(1, HOURS, AT_MOST), resolution(4, HOURS, AT_LEAST))).toBe(false);
    expect(atLeastAsStrict(availability(99.99, AT_MOST), availability(99.9, AT_LEAST))).toBe(false);
  });

  it("never compares a duration with a unit that is not one", () => {
    expect(atLeastAsStrict(resolution(1, PERCENT), resolution(4, HOURS))).toBe(false);
    expect(atLeastAsStrict(resolution(4, HOURS), resolution(1, PERCENT))).toBe(false);
  });

  it("compares units that are not durations only when they are the same", () => {
    const score = (value: number, unit: TargetUnit): TargetShape => ({
      metric: TargetMetric.CUSTOMER_SATISFACTION,
      comparator: AT_LEAST,
      value,
      unit,
    });
    expect(atLeastAsStrict(score(4.5, SCORE), score(4.2, SCORE))).toBe(true);
    expect(atLeastAsStrict(score(90, PERCENT), score(4.2, SCORE))).toBe(false);
  });
});

describe("strictnessProblems", () => {
  const target = (serviceId: string, shape: TargetShape, priority: Priority | null = null): ComparedTarget => ({
    serviceId,
    priority,
    ...shape,
  });
  const sla = {
    number: "SLA-1",
    targets: [
      target("wan", availability(99.9)),
      target("wan", resolution(4, HOURS), Priority.P1),
      target("wan", resolution(8, HOURS), Priority.P2),
    ],
  };

  it("is empty when every shared commitment is at least as strict, in any unit", () => {
    const ola = {
      number: "OLA-1",
      targets: [target("wan", availability(99.95)), target("wan", resolution(180, MINUTES), Priority.P1)],
    };
    expect(strictnessProblems(sla, ola)).toEqual([]);
  });

  it("names every commitment the underpinning agreement is less strict on", () => {
    const ola = {
      number: "OLA-1",
      targets: [target("wan", availability(99.5)), target("wan", resolution(300, MINUTES), Priority.P1)],
    };
    expect(strictnessProblems(sla, ola)).toEqual([
      'OLA-1 is less strict than SLA-1 for AVAILABILITY of service "wan" (AT_LEAST 99.5 PERCENT against AT_LEAST 99.9 PERCENT)',
      'OLA-1 is less strict than SLA-1 for RESOLUTION_TIME P1 of service "wan" (AT_MOST 300 MINUTES against AT_MOST 4 HOURS)',
    ]);
  });

  it("compares only the same service, metric and priority", () => {
    const ola = {
      number: "OLA-1",
      targets: [
        target("lan", availability(90)),
        target("wan", resolution(24, HOURS), Priority.P3),
        target("wan", resolution(24, HOURS)),
        target("wan", { ...availability(50), metric: TargetMetric.FIRST_CONTACT_RESOLUTION }),
      ],
    };
    expect(strictnessProblems(sla, ola)).toEqual([]);
  });
});

describe("targetValueProblems", () => {
  const problems = (target: TargetShape) => targetValueProblems(target).map((p) => p.field);

  it("accepts well-formed targets of every kind", () => {
    expect(problems(availability(99.9))).toEqual([]);
    expect(problems(resolution(4, HOURS))).toEqual([]);
    expect(
      problems({ metric: TargetMetric.CUSTOMER_SATISFACTION, comparator: AT_LEAST, value: 4.2, unit: SCORE }),
    ).toEqual([]);
  });

  it("keeps percentages in PERCENT, between 0 and 100, as floors", () => {
    expect(problems(availability(100.5))).toEqual(["value"]);
    expect(problems(availability(-1))).toEqual(["value"]);
    expect(problems({ ...availability(99), unit: MINUTES })).toEqual(["unit"]);
    expect(problems(availability(99, AT_MOST))).toEqual(["comparator"]);
  });

  it("keeps durations in time units, above 0, as ceilings", () => {
    expect(problems(resolution(0, HOURS))).toEqual(["value"]);
    expect(problems(resolution(4, PERCENT))).toEqual(["unit"]);
    expect(problems(resolution(4, HOURS, AT_LEAST))).toEqual(["comparator"]);
  });

  it("keeps satisfaction a SCORE above 0, and every value finite", () => {
    const csat = (value: number, unit: TargetUnit) => ({
      metric: TargetMetric.CUSTOMER_SATISFACTION,
      comparator: AT_LEAST,
      value,
      unit,
    });
    expect(problems(csat(4, PERCENT))).toEqual(["unit"]);
    expect(problems(csat(0, SCORE))).toEqual(["value"]);
    expect(problems(availability(Number.NaN))).toContain("value");
  });
});

describe("compliancePercent (the share of tickets a time target commits to)", () => {
  const share = (compliancePercent: number | null, value = 4, unit = HOURS): TargetShape => ({
    ...resolution(value, unit),
    compliancePercent,
  });

  it.each([
    ["the same ceiling for 95 % against 95 %", share(95), share(95), true],
    ["the same ceiling for all tickets (null) against 95 %", share(null), share(95), true],
    ["the same ceiling for 90 % against 95 % (fewer tickets)", share(90), share(95), false],
    ["the same ceiling for 95 % against all tickets (null)", share(95), share(null), false],
    ["a lower ceiling for 99 % against 95 %", share(99, 3), share(95), true],
    ["a lower ceiling but for 90 % against 95 %", share(90, 3), share(95), false],
  ])("an underpinning time target: %s → %s", (_, underpinning, sla, strict) => {
    expect(atLeastAsStrict(underpinning, sla)).toBe(strict);
  });

  it("names the shares when a contract promises a smaller one", () => {
    const target = (compliancePercent: number | null): ComparedTarget => ({
      ...share(compliancePercent),
      serviceId: "svc",
      priority: Priority.P1,
    });
    expect(
      strictnessProblems({ number: "SLA-1", targets: [target(95)] }, { number: "UC-1", targets: [target(90)] }),
    ).toEqual([
      'UC-1 is less strict than SLA-1 for RESOLUTION_TIME P1 of service "svc" (AT_MOST 4 HOURS for 90 % of tickets against AT_MOST 4 HOURS for 95 % of tickets)',
    ]);
  });

  it.each([
    [95, []],
    [100, []],
    [0.5, []],
    [0, ["compliancePercent"]],
    [-5, ["compliancePercent"]],
    [100.01, ["compliancePercent"]],
    [Number.NaN, ["compliancePercent"]],
  ])("accepts a share of %s on a time target only above 0 and up to 100", (compliancePercent, fields) => {
    expect(targetValueProblems(share(compliancePercent)).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    TargetMetric.AVAILABILITY,
    TargetMetric.CUSTOMER_SATISFACTION,
    TargetMetric.RECOVERY_TIME_OBJECTIVE,
    TargetMetric.FIRST_CONTACT_RESOLUTION,
  ])("refuses a share on %s (not measured per ticket)", (metric) => {
    const valid = metric === TargetMetric.RECOVERY_TIME_OBJECTIVE ? resolution(4, HOURS) : availability(99);
    const shape = {
      ...valid,
      metric,
      unit: metric === TargetMetric.CUSTOMER_SATISFACTION ? SCORE : valid.unit,
      compliancePercent: 95,
    };
    expect(targetValueProblems(shape).map((p) => p.field)).toEqual(["compliancePercent"]);
  });
});
