import type { CompiledCalendar, ServiceCalendar } from "@itsm/service-hours";

/** The agreement types and statuses the catalogue names (agreements' `AgreementType`, `AgreementStatus`). */
export type CatalogueAgreementType = "SLA" | "OLA" | "UNDERPINNING_CONTRACT";
export type CatalogueAgreementStatus = "ACTIVE" | "EXPIRED" | "TERMINATED";

/** One target of a non-DRAFT agreement as agreements serves it (`CatalogueTarget`). */
export interface CatalogueTarget {
  targetId: string;
  agreementId: string;
  agreementNumber: string;
  agreementType: CatalogueAgreementType;
  agreementStatus: CatalogueAgreementStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  providerId: string;
  customerIds: string[];
  serviceId: string;
  calendarId: string;
  metric: string;
  comparator: "AT_LEAST" | "AT_MOST";
  value: number;
  unit: string;
  priority: string | null;
  compliancePercent: number | null;
  period: "MONTH" | "QUARTER" | "YEAR";
}

/** A calendar as agreements serves it: the service-hours model plus its identity and version. */
export interface CatalogueCalendar extends ServiceCalendar {
  id: string;
  code: string;
  version: number;
}

/** What the agreements subgraph answers to `serviceLevelCatalogue`. */
export interface CatalogueAnswer {
  revision: string;
  calendars: CatalogueCalendar[];
  targets: CatalogueTarget[];
}

/**
 * The catalogue prepared for computing: calendars compiled once, targets indexed. Derived only from
 * agreements' data, never from a caller — callers' filtering is applied to it afterwards.
 */
export class Catalogue {
  readonly calendars: ReadonlyMap<string, { calendar: CatalogueCalendar; compiled: CompiledCalendar }>;
  readonly targets: ReadonlyMap<string, CatalogueTarget>;
  readonly targetsByAgreement: ReadonlyMap<string, CatalogueTarget[]>;
  readonly targetsByService: ReadonlyMap<string, CatalogueTarget[]>;

  constructor(
    readonly revision: string,
    calendars: ReadonlyMap<string, { calendar: CatalogueCalendar; compiled: CompiledCalendar }>,
    readonly allTargets: readonly CatalogueTarget[],
  ) {
    this.calendars = calendars;
    this.targets = new Map(allTargets.map((t) => [t.targetId, t]));
    this.targetsByAgreement = groupBy(allTargets, (t) => t.agreementId);
    this.targetsByService = groupBy(allTargets, (t) => t.serviceId);
  }

  /** The calendars (id → version) that clock targets on each service use: what incident clocks are kept for. */
  clockCalendarsByService(): Map<string, Set<string>> {
    const byService = new Map<string, Set<string>>();
    for (const target of this.allTargets) {
      if (!isClockMetric(target.metric) || !this.calendars.has(target.calendarId)) continue;
      const set = byService.get(target.serviceId) ?? new Set<string>();
      set.add(target.calendarId);
      byService.set(target.serviceId, set);
    }
    return byService;
  }
}

/** Metrics measured by incident clocks. */
export function isClockMetric(metric: string): metric is "RESPONSE_TIME" | "RESOLUTION_TIME" {
  return metric === "RESPONSE_TIME" || metric === "RESOLUTION_TIME";
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
