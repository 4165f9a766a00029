import type { Period } from "@itsm/service-hours";
import { alwaysOn, compileCalendar } from "@itsm/service-hours";
import type { Catalogue, CatalogueTarget } from "../catalogue/catalogue.model";
import { isClockMetric } from "../catalogue/catalogue.model";
import type { IncidentClockService } from "../incidents/incident-clock.service";
import type { IncidentPause } from "../incidents/incident-pause.entity";
import { compareWorstFirst, forecastBudget } from "./budget.rules";
import { measurementPerformance } from "./measurement.rules";
import type { BudgetForecast } from "./budget.rules";
import type { DurationUnit, Performance } from "./performance.model";
import type { TargetSpan } from "./performance.compute";
import { availabilityFrom, elapsedShare, openBreaches, targetSpan } from "./performance.compute";
import type { MeasurementQuery, PerformanceQueries, TicketQuery } from "./performance.queries";
import type { Viewer } from "./performance.scope";
import { figureCustomers } from "./performance.scope";
import { targetMinutes, timeTargetPerformance } from "./time-target.rules";

/** One target's figures for one period, as a caller may see them. */
export interface TargetResult {
  target: CatalogueTarget;
  period: Period;
  customerId: string | null;
  performance: Performance;
  forecast: BudgetForecast | null;
  /** Whether the figures move with the clock alone: a running period, or an incident whose clock still runs. */
  live: boolean;
}

const NO_DATA: Performance = { achieved: null, status: "NO_DATA", sampleSize: 0, breaches: 0, errorBudget: null };
const DURATION_UNITS = new Set<string>(["SECONDS", "MINUTES", "HOURS", "DAYS"]);

/** Whether a target's agreement is in force at some point of the period (its effective dates overlap it). */
export function inForceDuring(target: CatalogueTarget, period: Period): boolean {
  return target.effectiveFrom <= period.to && (target.effectiveTo === null || target.effectiveTo >= period.from);
}

/** Orders results worst first, then by agreement number and target id (stable). */
export function compareResults(a: TargetResult, b: TargetResult): number {
  return (
    compareWorstFirst(a.performance, b.performance) ||
    textOrder(a.target.agreementNumber, b.target.agreementNumber) ||
    textOrder(a.target.targetId, b.target.targetId)
  );
}

interface Planned {
  target: CatalogueTarget;
  span: TargetSpan;
  customers: string[] | null;
}

/**
 * Achieved against target for many targets at once, in a constant number of statements: outages of
 * every availability target's service in one, clocks kept up to date, ticket counts and open tickets
 * in one each, measurements in one. The pure rules in this folder decide status and budget.
 */
export class PerformanceService {
  constructor(
    private readonly queries: PerformanceQueries,
    private readonly clocks: IncidentClockService,
    private readonly now: () => Date,
  ) {}

  async compute(
    catalogue: Catalogue,
    targets: readonly CatalogueTarget[],
    period: Period,
    viewer: Viewer,
    customerId: string | null,
  ): Promise<TargetResult[]> {
    const now = this.now();
    const results = new Map<string, Performance>();
    const forecasts = new Map<string, BudgetForecast | null>();
    const open = new Set<string>();
    const planned: Planned[] = [];
    for (const target of targets) {
      const entry = catalogue.calendars.get(target.calendarId);
      if (!entry || !inForceDuring(target, period)) {
        results.set(target.targetId, NO_DATA);
        continue;
      }
      const span = targetSpan(period, entry.calendar.timeZone, target.effectiveFrom, target.effectiveTo, now);
      planned.push({ target, span, customers: figureCustomers(viewer, target, customerId) });
    }
    const spans = new Map(planned.map((p) => [p.target.targetId, p.span]));
    const calendarOf = (p: Planned) => catalogue.calendars.get(p.target.calendarId)!.compiled;

    const availability = planned.filter((p) => p.target.metric === "AVAILABILITY");
    const clocked = planned.filter(
      (p) => isClockMetric(p.target.metric) && DURATION_UNITS.has(p.target.unit) && p.customers?.length !== 0,
    );
    const measured = planned.filter(
      (p) => p.target.metric !== "AVAILABILITY" && !isClockMetric(p.target.metric) && p.customers?.length !== 0,
    );

    await Promise.all([
      this.availability(availability, calendarOf, results),
      this.tickets(catalogue, clocked, calendarOf, results, open, now),
      this.measurements(measured, period, results),
    ]);

    for (const p of planned) {
      const performance = results.get(p.target.targetId) ?? NO_DATA;
      results.set(p.target.targetId, performance);
      forecasts.set(
        p.target.targetId,
        p.span.running && performance.errorBudget
          ? forecastBudget(performance.errorBudget, elapsedShare(calendarOf(p), p.span))
          : null,
      );
    }
    return targets.map((target) => ({
      target,
      period,
      customerId,
      performance: results.get(target.targetId) ?? NO_DATA,
      forecast: forecasts.get(target.targetId) ?? null,
      live: open.has(target.targetId) || (spans.get(target.targetId)?.running ?? false),
    }));
  }

  /** Around-the-clock availability of services in a period (UTC), planned outages excluded; null before it starts. */
  async serviceAvailability(serviceIds: readonly string[], period: Period): Promise<Map<string, number | null>> {
    const span = targetSpan(period, "UTC", period.from, null, this.now());
    const outages = await this.queries.outages(serviceIds, span.whole.start, span.whole.end);
    const calendar = compileCalendar(alwaysOn("UTC"));
    const byService = groupBy(outages, (o) => o.serviceId);
    return new Map(
      serviceIds.map((id) => [id, availabilityFrom(calendar, 100, span, byService.get(id) ?? []).achieved]),
    );
  }

  private async availability(
    planned: Planned[],
    calendarOf: (p: Planned) => ReturnType<typeof compileCalendar>,
    results: Map<string, Performance>,
  ): Promise<void> {
    if (planned.length === 0) return;
    const { from, to } = bounds(planned);
    const outages = groupBy(
      await this.queries.outages([...new Set(planned.map((p) => p.target.serviceId))], from, to),
      (o) => o.serviceId,
    );
    for (const p of planned) {
      const own = outages.get(p.target.serviceId) ?? [];
      results.set(p.target.targetId, availabilityFrom(calendarOf(p), p.target.value, p.span, own));
    }
  }

  private async tickets(
    catalogue: Catalogue,
    planned: Planned[],
    calendarOf: (p: Planned) => ReturnType<typeof compileCalendar>,
    results: Map<string, Performance>,
    open: Set<string>,
    now: Date,
  ): Promise<void> {
    const counted = planned.filter((p) => p.span.measured.end > p.span.measured.start);
    if (counted.length === 0) return;
    const { from, to } = bounds(counted);
    await this.clocks.ensure(catalogue, new Set(counted.map((p) => p.target.serviceId)), from, to);
    const queries: TicketQuery[] = counted.map((p) => ({
      key: p.target.targetId,
      serviceId: p.target.serviceId,
      priority: p.target.priority,
      calendarId: p.target.calendarId,
      metric: p.target.metric as TicketQuery["metric"],
      from: p.span.measured.start,
      to: p.span.measured.end,
      limitMinutes: targetMinutes(p.target.value, p.target.unit as DurationUnit),
      customers: p.customers,
    }));
    const [counts, openIds] = await Promise.all([
      this.queries.ticketCounts(queries),
      this.queries.openTickets(queries),
    ]);
    const { incidents, pauses } = await this.queries.incidentsWithPauses([...new Set([...openIds.values()].flat())]);
    const incidentById = new Map(incidents.map((i) => [i.id, i]));
    const pausesOf: ReadonlyMap<string, IncidentPause[]> = groupBy(pauses, (pause) => pause.incidentId);
    counted.forEach((p, i) => {
      const count = counts.get(p.target.targetId) ?? { sampleSize: 0, breaches: 0 };
      const stillOpen = (openIds.get(p.target.targetId) ?? []).flatMap((id) => incidentById.get(id) ?? []);
      if (stillOpen.length > 0) open.add(p.target.targetId);
      const breaches = count.breaches + openBreaches(calendarOf(p), stillOpen, pausesOf, queries[i].limitMinutes, now);
      results.set(
        p.target.targetId,
        timeTargetPerformance({
          sampleSize: count.sampleSize,
          breaches,
          compliancePercent: p.target.compliancePercent,
          running: p.span.running,
        }),
      );
    });
  }

  private async measurements(planned: Planned[], period: Period, results: Map<string, Performance>): Promise<void> {
    const queries: MeasurementQuery[] = planned.map((p) => ({
      key: p.target.targetId,
      serviceId: p.target.serviceId,
      metric: p.target.metric,
      // Measurements are monthly: the months of the period the agreement was in force in.
      fromMonth: maxText(period.from, `${p.target.effectiveFrom.slice(0, 7)}-01`),
      toMonth: p.target.effectiveTo && p.target.effectiveTo < period.to ? p.target.effectiveTo : period.to,
      comparator: p.target.comparator,
      value: p.target.value,
      customers: p.customers,
    }));
    const figures = await this.queries.measurementFigures(queries);
    for (const p of planned) {
      const f = figures.get(p.target.targetId) ?? { count: 0, mean: null, missed: 0 };
      results.set(
        p.target.targetId,
        measurementPerformance({ comparator: p.target.comparator, value: p.target.value, ...f }),
      );
    }
  }
}

function bounds(planned: readonly Planned[]): { from: Date; to: Date } {
  const from = Math.min(...planned.map((p) => p.span.whole.start.getTime()));
  const to = Math.max(...planned.map((p) => p.span.whole.end.getTime()));
  return { from: new Date(from), to: new Date(to) };
}

/** Items by a key, in their order: one pass (a filter per target is quadratic at scale). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function maxText(a: string, b: string): string {
  return a > b ? a : b;
}

/** Code-point order, as the report's cursors compare. */
function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
