// Small builders for the sample agreements: the data files read as tables of what differs, the
// enums and defaults every row would otherwise repeat are filled in here.
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { Party, ResponsibilityCategory } from "../responsibilities/responsibility.enums";
import { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "../targets/target.enums";
import type { SampleAgreement } from "./agreements.sample-types";

type SampleCoverage = SampleAgreement["coverage"][number];
type SampleTarget = SampleAgreement["targets"][number];
type SampleResponsibility = SampleAgreement["responsibilities"][number];
/** A target before it is given its service. */
type TargetRow = Omit<SampleTarget, "serviceCode">;

const COMPARATORS = { ">=": Comparator.AT_LEAST, "<=": Comparator.AT_MOST } as const;
const UNITS = {
  "%": TargetUnit.PERCENT,
  s: TargetUnit.SECONDS,
  min: TargetUnit.MINUTES,
  h: TargetUnit.HOURS,
  d: TargetUnit.DAYS,
  score: TargetUnit.SCORE,
} as const;

type Metric = keyof typeof TargetMetric;
type Op = keyof typeof COMPARATORS;
type Unit = keyof typeof UNITS;
type PriorityName = keyof typeof Priority;

/**
 * The share of tickets a time target commits to, by priority: the most urgent are promised for
 * nearly all tickets, the routine ones for most (a target for all priorities: 90 %).
 */
const COMPLIANCE: Partial<Record<Metric, Record<PriorityName | "ALL", number>>> = {
  RESPONSE_TIME: { P1: 95, P2: 95, P3: 90, P4: 90, ALL: 90 },
  RESOLUTION_TIME: { P1: 95, P2: 95, P3: 90, P4: 90, ALL: 90 },
};

/**
 * One service level target, e.g. `target("AVAILABILITY", ">=", 99.9, "%", "…")`: for all
 * priorities and measured per MONTH unless `priority` or `period` say otherwise.
 */
export function target(
  metric: Metric,
  op: Op,
  value: number,
  unit: Unit,
  description: string,
  {
    priority = null,
    period = "MONTH",
  }: { priority?: PriorityName | null; period?: keyof typeof MeasurementPeriod } = {},
): TargetRow {
  return {
    metric: TargetMetric[metric],
    comparator: COMPARATORS[op],
    value,
    unit: UNITS[unit],
    priority: priority === null ? null : Priority[priority],
    period: MeasurementPeriod[period],
    description,
    compliancePercent: COMPLIANCE[metric]?.[priority ?? "ALL"] ?? null,
  };
}

/**
 * Targets of one metric per priority, in the order given (P1 first in the sample), e.g.
 * `ladder("RESPONSE_TIME", "<=", "min", { P1: [15, "…"], P2: [30, "…"] })`.
 */
export function ladder(
  metric: Metric,
  op: Op,
  unit: Unit,
  steps: Partial<Record<PriorityName, [value: number, description: string]>>,
): TargetRow[] {
  return Object.entries(steps).map(([priority, [value, description]]) =>
    target(metric, op, value, unit, description, { priority: priority as PriorityName }),
  );
}

/**
 * Northwind's priority ladders, by the criticality of the service (the catalog's): the more critical
 * the service, the sooner each priority is picked up and resolved. HIGH is the standard ladder.
 */
const LADDERS = {
  CRITICAL: {
    RESPONSE_TIME: { unit: "min", P1: 10, P2: 20, P3: 45, P4: 180 },
    RESOLUTION_TIME: { unit: "h", P1: 2, P2: 6, P3: 16, P4: 48 },
  },
  HIGH: {
    RESPONSE_TIME: { unit: "min", P1: 15, P2: 30, P3: 60, P4: 240 },
    RESOLUTION_TIME: { unit: "h", P1: 4, P2: 8, P3: 24, P4: 72 },
  },
  MEDIUM: {
    RESPONSE_TIME: { unit: "min", P1: 30, P2: 60, P3: 120, P4: 480 },
    RESOLUTION_TIME: { unit: "h", P1: 8, P2: 16, P3: 40, P4: 120 },
  },
} as const;

/**
 * Targets on the ladder of a service's criticality for the priorities described, e.g.
 * `priorityLadder("CRITICAL", "RESOLUTION_TIME", { P1: "…" })` (CRITICAL: resolution within 2/6/16/48
 * hours; HIGH: 4/8/24/72; MEDIUM: 8/16/40/120). The descriptions state the same values in words.
 */
export function priorityLadder(
  criticality: keyof typeof LADDERS,
  metric: keyof (typeof LADDERS)["HIGH"],
  descriptions: Partial<Record<PriorityName, string>>,
): TargetRow[] {
  const ladder = LADDERS[criticality][metric];
  return Object.entries(descriptions).map(([priority, description]) =>
    target(metric, "<=", ladder[priority as PriorityName], ladder.unit, description, {
      priority: priority as PriorityName,
    }),
  );
}

/** The targets an agreement sets for one service. */
export function forService(serviceCode: string, ...rows: (TargetRow | TargetRow[])[]): SampleTarget[] {
  return rows.flat().map((row) => ({ serviceCode, ...row }));
}

/** How an agreement covers a service; a charge is a monthly amount in EUR, or null when not charged. */
export function cover(
  serviceCode: string,
  serviceHours: string,
  charge: string | null,
  description: string,
): SampleCoverage {
  return {
    serviceCode,
    description,
    serviceHours,
    monthlyCharge: charge === null ? null : { amount: charge, currency: "EUR" },
  };
}

/** A responsibility of the provider. */
export function provider(category: keyof typeof ResponsibilityCategory, description: string): SampleResponsibility {
  return { party: Party.PROVIDER, category: ResponsibilityCategory[category], description };
}

/** A responsibility of the customer. */
export function customer(category: keyof typeof ResponsibilityCategory, description: string): SampleResponsibility {
  return { party: Party.CUSTOMER, category: ResponsibilityCategory[category], description };
}

/** What every agreement states; dates are days from the day the sample is loaded (`to` null: open-ended). */
interface Header {
  number: string;
  title: string;
  description: string;
  status: keyof typeof AgreementStatus;
  /** 1 unless told. */
  version?: number;
  from: number;
  to: number | null;
  provider: string;
}

/** What an agreement contains; `targets` is one list per service (see `forService`). */
interface Parts {
  coverage: SampleCoverage[];
  targets: SampleTarget[][];
  responsibilities: SampleResponsibility[];
}

function agreement(
  type: AgreementType,
  header: Header,
  customerCodes: string[],
  underpins: string[],
  parts: Parts,
): SampleAgreement {
  return {
    number: header.number,
    title: header.title,
    description: header.description,
    type,
    status: AgreementStatus[header.status],
    version: header.version ?? 1,
    effectiveFromDays: header.from,
    effectiveToDays: header.to,
    providerCode: header.provider,
    customerCodes,
    coverage: parts.coverage,
    targets: parts.targets.flat(),
    responsibilities: parts.responsibilities,
    underpins,
  };
}

/** An SLA with the customers party to it. */
export function sla(header: Header & { customers: string[] }, parts: Parts): SampleAgreement {
  return agreement(AgreementType.SLA, header, header.customers, [], parts);
}

/** An OLA, with the numbers of the SLAs it underpins. */
export function ola(header: Header & { underpins: string[] }, parts: Parts): SampleAgreement {
  return agreement(AgreementType.OLA, header, [], header.underpins, parts);
}

/** An underpinning contract with a supplier, with the numbers of the SLAs it underpins. */
export function contract(header: Header & { underpins: string[] }, parts: Parts): SampleAgreement {
  return agreement(AgreementType.UNDERPINNING_CONTRACT, header, [], header.underpins, parts);
}
