import { defineEnum, type EnumValue } from "@itsm/kit";
import type { ServiceCalendar } from "@itsm/service-hours";
import { Comparator, TargetMetric, TargetUnit } from "../targets/target.enums";
import type { ComparedTarget } from "../targets/target.rules";
import { atLeastAsStrict } from "../targets/target.rules";
import type { UncoveredHours } from "./uncovered-hours.rules";
import { describeUncovered, unionOfUncovered, uncoveredHours } from "./uncovered-hours.rules";

export const FeasibilityStatus = defineEnum(
  "FeasibilityStatus",
  "Whether what underpins a service level target can deliver it.",
  {
    SUPPORTED: "The ACTIVE underpinning agreements, composed, deliver at least the target in all of its service hours.",
    UNSUPPORTED: "They deliver less, or leave some of its service hours uncovered: the promise rests on nothing there.",
    UNKNOWN: "Something it depends on has no ACTIVE underpinning target to compose (see `missingUnderpinnings`).",
  },
);
export type FeasibilityStatus = EnumValue<typeof FeasibilityStatus>;

/** A target as the rules see it: which commitment it is, of which agreement, and its value. */
export type JudgedTarget = ComparedTarget & { id: string; agreementId: string };

/** What the rules know about the agreements around a target, read beforehand (see feasibility.service.ts). */
export interface FeasibilityFacts {
  /** The services the target's service depends on, directly or not (catalog), by id. */
  dependencies: readonly string[];
  /** Ids of the ACTIVE OLAs and contracts directly behind an agreement (its `underpinnedBy`). */
  underpinningsOf(agreementId: string): readonly string[];
  /** An agreement's targets. */
  targetsOf(agreementId: string): readonly JudgedTarget[];
  /** The calendar of an agreement's coverage of a service; null when it does not cover it. */
  calendarOf(agreementId: string, serviceId: string): ServiceCalendar | null;
  now: Date;
}

/** One underpinning commitment a verdict rests on: the target that bounds it, through the chain it came by. */
export interface Link {
  serviceId: string;
  /** The agreement whose target bounds the link (the weakest along its chain). */
  agreementId: string;
  target: JudgedTarget;
  /** The agreements from the one directly behind the judged target's agreement down to `agreementId`. */
  chain: string[];
  /** Every agreement along the chain that sets a target for the link, with its calendar for the service. */
  calendars: { agreementId: string; calendar: ServiceCalendar | null }[];
}

export interface Feasibility {
  status: FeasibilityStatus;
  /** Availability: the product of the links in percent; time targets: the bounding link's value in the target's unit. */
  composedValue: number | null;
  /** The links, weakest first. */
  weakestLinks: Link[];
  /** Services (availability: the target's dependencies) that no ACTIVE underpinning sets a matching target for. */
  missing: string[];
  uncovered: UncoveredHours | null;
  explanation: string;
}

const MINUTES: Partial<Record<TargetUnit, number>> = {
  [TargetUnit.SECONDS]: 1 / 60,
  [TargetUnit.MINUTES]: 1,
  [TargetUnit.HOURS]: 60,
  [TargetUnit.DAYS]: 1440,
};

/** Whether feasibility is judged for a metric: availability and the time targets. */
export function isJudged(metric: TargetMetric): boolean {
  return (
    metric === TargetMetric.AVAILABILITY ||
    metric === TargetMetric.RESPONSE_TIME ||
    metric === TargetMetric.RESOLUTION_TIME
  );
}

/** Higher is better for floors (availability); for ceilings (times) lower minutes, then a larger share of tickets. */
function better(a: JudgedTarget, b: JudgedTarget): boolean {
  if (a.comparator === Comparator.AT_LEAST) return a.value > b.value;
  const am = a.value * (MINUTES[a.unit] ?? 1);
  const bm = b.value * (MINUTES[b.unit] ?? 1);
  return am !== bm ? am < bm : (a.compliancePercent ?? 100) > (b.compliancePercent ?? 100);
}

/** Whether an underpinning target makes the same kind of commitment as `wanted` for `serviceId`. */
function matches(target: JudgedTarget, wanted: JudgedTarget, serviceId: string): boolean {
  if (target.serviceId !== serviceId || target.metric !== wanted.metric) return false;
  if (target.metric === TargetMetric.AVAILABILITY) return target.unit === TargetUnit.PERCENT;
  // A target for every priority answers for each; one for a priority answers only for it.
  return target.priority === null || target.priority === wanted.priority;
}

/**
 * The best link an agreement offers for a service, composed through the chain behind it: an OLA's
 * target is only as good as the contract behind it that commits to the same (the weaker bounds the
 * link); an agreement that sets none passes on what is behind it.
 */
function linkThrough(
  agreementId: string,
  serviceId: string,
  wanted: JudgedTarget,
  facts: FeasibilityFacts,
  seen: ReadonlySet<string>,
): Link | null {
  if (seen.has(agreementId)) return null;
  const visited = new Set(seen).add(agreementId);
  let own: JudgedTarget | null = null;
  for (const t of facts.targetsOf(agreementId)) {
    if (matches(t, wanted, serviceId) && (own === null || better(t, own))) own = t;
  }
  let behind: Link | null = null;
  for (const next of facts.underpinningsOf(agreementId)) {
    const link = linkThrough(next, serviceId, wanted, facts, visited);
    if (link && (behind === null || better(link.target, behind.target))) behind = link;
  }
  const ownCalendar = { agreementId, calendar: facts.calendarOf(agreementId, serviceId) };
  if (own === null) return behind && { ...behind, chain: [agreementId, ...behind.chain] };
  if (behind === null || better(behind.target, own) || !better(own, behind.target)) {
    if (behind === null) return { serviceId, agreementId, target: own, chain: [agreementId], calendars: [ownCalendar] };
    // The contract behind promises at least as much: the agreement's own target bounds the link.
    return {
      serviceId,
      agreementId,
      target: own,
      chain: [agreementId, ...behind.chain],
      calendars: [ownCalendar, ...behind.calendars],
    };
  }
  // The agreement promises more than what is behind it can deliver: the chain is as weak as its weakest part.
  return { ...behind, chain: [agreementId, ...behind.chain], calendars: [ownCalendar, ...behind.calendars] };
}

/** The best link among the agreements directly behind `target`'s agreement, for a service. */
function bestLink(target: JudgedTarget, serviceId: string, facts: FeasibilityFacts): Link | null {
  let best: Link | null = null;
  for (const id of facts.underpinningsOf(target.agreementId)) {
    const link = linkThrough(id, serviceId, target, facts, new Set([target.agreementId]));
    if (link && (best === null || better(link.target, best.target))) best = link;
  }
  return best;
}

/** The hours the target's agreement serves that the agreements along a link do not (one agreement at a time). */
function gapOf(target: JudgedTarget, link: Link, facts: FeasibilityFacts): UncoveredHours | null {
  const promise = facts.calendarOf(target.agreementId, target.serviceId);
  if (!promise) return null;
  return unionOfUncovered(
    link.calendars.map(({ calendar }) =>
      // Covering a service with no calendar of its own cannot happen (coverage always has one).
      calendar ? uncoveredHours(promise, calendar, facts.now) : null,
    ),
  );
}

const percent = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Whether the underpinning agreements can deliver a target. Availability: composed in series along
 * the service and its dependency closure, the product of the best ACTIVE underpinning availability on
 * each (the service's own part, when nothing underpins it, is the provider's own work and left out;
 * a dependency with nothing is UNKNOWN). Time targets: the best ACTIVE underpinning target for the
 * same service, metric and priority must be at least as strict. Either way, hours the target's
 * agreement serves and an underpinning does not make it UNSUPPORTED.
 */
export function feasibilityOf(target: JudgedTarget, facts: FeasibilityFacts): Feasibility | null {
  if (!isJudged(target.metric)) return null;
  return target.metric === TargetMetric.AVAILABILITY ? availability(target, facts) : time(target, facts);
}

function availability(target: JudgedTarget, facts: FeasibilityFacts): Feasibility {
  const links: Link[] = [];
  const missing: string[] = [];
  for (const serviceId of [target.serviceId, ...facts.dependencies]) {
    const link = bestLink(target, serviceId, facts);
    if (link) links.push(link);
    else if (serviceId !== target.serviceId) missing.push(serviceId);
  }
  links.sort((a, b) => a.target.value - b.target.value);
  const composed = links.reduce((product, link) => product * (link.target.value / 100), 1) * 100;
  const uncovered = unionOfUncovered(links.map((link) => gapOf(target, link, facts)));
  const status = missing.length
    ? FeasibilityStatus.UNKNOWN
    : composed + 1e-9 < target.value || uncovered
      ? FeasibilityStatus.UNSUPPORTED
      : FeasibilityStatus.SUPPORTED;
  const parts = [
    links.length
      ? `the ${links.length} underpinning availabilit${links.length === 1 ? "y" : "ies"} in series compose to ${percent(composed)} % against the ${target.value} % promised`
      : "no underpinning sets an availability for the service or what it depends on",
  ];
  if (missing.length)
    parts.push(
      `${missing.length} dependenc${missing.length === 1 ? "y has" : "ies have"} no ACTIVE underpinning availability target`,
    );
  if (uncovered) parts.push(`hours not covered: ${describeUncovered(uncovered)}`);
  return {
    status,
    composedValue: links.length ? percent(composed) : null,
    weakestLinks: links,
    missing,
    uncovered,
    explanation: `${status}: ${parts.join("; ")}.`,
  };
}

function time(target: JudgedTarget, facts: FeasibilityFacts): Feasibility {
  const link = bestLink(target, target.serviceId, facts);
  const what = `${target.metric}${target.priority ? ` ${target.priority}` : ""}`;
  if (!link) {
    return {
      status: FeasibilityStatus.UNKNOWN,
      composedValue: null,
      weakestLinks: [],
      missing: [target.serviceId],
      uncovered: null,
      explanation: `UNKNOWN: no ACTIVE underpinning agreement sets ${what} for the service.`,
    };
  }
  const uncovered = gapOf(target, link, facts);
  const strict = atLeastAsStrict(link.target, target);
  const status = strict && !uncovered ? FeasibilityStatus.SUPPORTED : FeasibilityStatus.UNSUPPORTED;
  const inUnit = (link.target.value * (MINUTES[link.target.unit] ?? 1)) / (MINUTES[target.unit] ?? 1);
  const share = (t: JudgedTarget) => (t.compliancePercent != null ? ` for ${t.compliancePercent} % of tickets` : "");
  const parts = [
    `the underpinning commits to ${link.target.value} ${link.target.unit}${share(link.target)} against ${target.value} ${target.unit}${share(target)} promised`,
  ];
  if (uncovered) parts.push(`hours not covered: ${describeUncovered(uncovered)}`);
  return {
    status,
    composedValue: Math.round(inUnit * 1e6) / 1e6,
    weakestLinks: [link],
    missing: [],
    uncovered,
    explanation: `${status}: ${parts.join("; ")}.`,
  };
}
