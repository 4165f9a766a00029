import type { ServiceLevelTarget } from "./target.entity";
import { Comparator, TargetMetric, TargetUnit } from "./target.enums";

const PERCENT_METRICS: TargetMetric[] = [
  TargetMetric.AVAILABILITY,
  TargetMetric.FIRST_CONTACT_RESOLUTION,
  TargetMetric.CHANGE_SUCCESS_RATE,
];
const DURATION_METRICS: TargetMetric[] = [
  TargetMetric.RESPONSE_TIME,
  TargetMetric.RESOLUTION_TIME,
  TargetMetric.RECOVERY_TIME_OBJECTIVE,
  TargetMetric.RECOVERY_POINT_OBJECTIVE,
];

/** Minutes per time unit; durations compare across units. */
const MINUTES: Partial<Record<TargetUnit, number>> = {
  [TargetUnit.SECONDS]: 1 / 60,
  [TargetUnit.MINUTES]: 1,
  [TargetUnit.HOURS]: 60,
  [TargetUnit.DAYS]: 1440,
};

/** Time targets: measured per ticket, so they may commit to a share of tickets (`compliancePercent`). */
const TICKET_METRICS: TargetMetric[] = [TargetMetric.RESPONSE_TIME, TargetMetric.RESOLUTION_TIME];

export interface TargetProblem {
  field: "value" | "unit" | "comparator" | "compliancePercent";
  message: string;
}

/** What the value rules look at (a target without `compliancePercent` commits to every ticket). */
export type TargetShape = Pick<ServiceLevelTarget, "metric" | "comparator" | "value" | "unit"> &
  Partial<Pick<ServiceLevelTarget, "compliancePercent">>;

/** What the strictness rule looks at: which commitment a target is (service, metric, priority), and its value. */
export type ComparedTarget = TargetShape & Pick<ServiceLevelTarget, "serviceId" | "priority">;

/** An agreement's number and targets, as the strictness rule compares them. */
export interface TargetSet {
  number: string;
  targets: readonly ComparedTarget[];
}

/** What is wrong with a target's value, unit and comparator for its metric. */
export function targetValueProblems(target: TargetShape): TargetProblem[] {
  const problems: TargetProblem[] = [];
  if (!Number.isFinite(target.value)) problems.push({ field: "value", message: "value must be a finite number" });
  if (PERCENT_METRICS.includes(target.metric)) {
    if (target.unit !== TargetUnit.PERCENT)
      problems.push({ field: "unit", message: `${target.metric} is measured in PERCENT` });
    if (target.value < 0 || target.value > 100) {
      problems.push({
        field: "value",
        message: `${target.metric} must be between 0 and 100 percent (got ${target.value})`,
      });
    }
    if (target.comparator !== Comparator.AT_LEAST) {
      problems.push({ field: "comparator", message: `${target.metric} is a floor: use AT_LEAST` });
    }
  } else if (DURATION_METRICS.includes(target.metric)) {
    if (MINUTES[target.unit] === undefined) {
      problems.push({ field: "unit", message: `${target.metric} is a duration: use SECONDS, MINUTES, HOURS or DAYS` });
    }
    if (!(target.value > 0))
      problems.push({ field: "value", message: `${target.metric} must be greater than 0 (got ${target.value})` });
    if (target.comparator !== Comparator.AT_MOST) {
      problems.push({ field: "comparator", message: `${target.metric} is a ceiling: use AT_MOST` });
    }
  } else if (target.metric === TargetMetric.CUSTOMER_SATISFACTION) {
    if (target.unit !== TargetUnit.SCORE) problems.push({ field: "unit", message: "CUSTOMER_SATISFACTION is a SCORE" });
    if (!(target.value > 0))
      problems.push({ field: "value", message: `CUSTOMER_SATISFACTION must be greater than 0 (got ${target.value})` });
  }
  problems.push(...complianceProblems(target));
  return problems;
}

/** A share of tickets only makes sense for time targets, and is a percentage above 0 up to 100. */
function complianceProblems({ metric, compliancePercent }: TargetShape): TargetProblem[] {
  if (compliancePercent === null || compliancePercent === undefined) return [];
  if (!TICKET_METRICS.includes(metric)) {
    return [
      {
        field: "compliancePercent",
        message: `compliancePercent applies to RESPONSE_TIME and RESOLUTION_TIME only, not ${metric}`,
      },
    ];
  }
  if (!Number.isFinite(compliancePercent) || compliancePercent <= 0 || compliancePercent > 100) {
    return [
      {
        field: "compliancePercent",
        message: `compliancePercent must be above 0 and at most 100 (got ${compliancePercent})`,
      },
    ];
  }
  return [];
}

/** The share of tickets a target commits to: null means all of them. */
const complianceOf = (target: TargetShape) => target.compliancePercent ?? 100;

/** A target's value in a unit comparable across targets of the same metric (durations in minutes). */
function comparable(target: TargetShape): number {
  return target.value * (MINUTES[target.unit] ?? 1);
}

/**
 * Whether an underpinning target is at least as strict as the SLA target it supports: at least as
 * high a floor, at most as high a ceiling, and (for time targets) for at least as large a share of
 * tickets — 4 hours for 90 % of tickets promises less than 4 hours for 95 %.
 */
export function atLeastAsStrict(underpinning: TargetShape, sla: TargetShape): boolean {
  if (underpinning.comparator !== sla.comparator) return false;
  if (complianceOf(underpinning) < complianceOf(sla)) return false;
  if ((MINUTES[underpinning.unit] === undefined) !== (MINUTES[sla.unit] === undefined)) return false;
  if (MINUTES[sla.unit] === undefined && underpinning.unit !== sla.unit) return false;
  return sla.comparator === Comparator.AT_LEAST
    ? comparable(underpinning) >= comparable(sla)
    : comparable(underpinning) <= comparable(sla);
}

/**
 * Where an OLA or underpinning contract is less strict than the SLA it underpins, as sentences:
 * compared for every service, metric and priority both set (empty when none).
 */
export function strictnessProblems(sla: TargetSet, underpinning: TargetSet): string[] {
  const problems: string[] = [];
  for (const slaTarget of sla.targets) {
    for (const target of underpinning.targets) {
      const same =
        target.serviceId === slaTarget.serviceId &&
        target.metric === slaTarget.metric &&
        (target.priority ?? null) === (slaTarget.priority ?? null);
      if (same && !atLeastAsStrict(target, slaTarget)) {
        problems.push(
          `${underpinning.number} is less strict than ${sla.number} for ${slaTarget.metric}${slaTarget.priority ? ` ${slaTarget.priority}` : ""} of service "${slaTarget.serviceId}" (${terms(target)} against ${terms(slaTarget)})`,
        );
      }
    }
  }
  return problems;
}

/** A target's commitment in words, its share of tickets when it has one. */
function terms(target: TargetShape): string {
  const share = target.compliancePercent != null ? ` for ${target.compliancePercent} % of tickets` : "";
  return `${target.comparator} ${target.value} ${target.unit}${share}`;
}
