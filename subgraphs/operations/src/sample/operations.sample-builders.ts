import { sampleId, stableId } from "@itsm/kit";
import { DateTime } from "luxon";
import type { IncidentPause } from "../incidents/incident-pause.entity";
import type { Incident } from "../incidents/incident.entity";
import type { Measurement } from "../measurements/measurement.entity";
import type { OutageImpact } from "../outages/outage-impact.entity";
import type { Outage } from "../outages/outage.entity";
import { Priority } from "../references/agreements.enums";
import type { SampleRandom } from "./sample-random";
import { impactedServiceCodes, mostSharedDataCentre } from "./sample-topology";
import {
  ALL_CUSTOMER_FIGURES,
  DATA_CENTRE,
  FAILURES,
  HANDLING,
  INCIDENT_PROFILES,
  MAINTENANCE,
  MEASURED,
  OUTAGE_KINDS,
  PAUSED_SHARE,
  PRIORITY_MIX,
  RECOVERY_TESTS,
  RESOLUTION_SIGMA,
  RESPONSE_SIGMA,
  SHORT_STAFFED,
  SHORT_STAFFED_MONTH,
  SLA_COVERAGE,
  THIS_MONTH_FAILURE,
} from "./operations.sample";

/** How many days of history the sample has before the seed day. */
export const HISTORY_DAYS = 182;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The seed day's calendar: its UTC midnight, its month, and month offsets of other instants. */
export class SeedCalendar {
  readonly dayStart: DateTime;
  readonly monthStart: DateTime;

  constructor(readonly now: Date) {
    this.dayStart = DateTime.fromJSDate(now, { zone: "utc" }).startOf("day");
    this.monthStart = this.dayStart.startOf("month");
  }

  /** Midnight (UTC) `days` days from the seed day. */
  day(days: number): DateTime {
    return this.dayStart.plus({ days });
  }

  /** 0 for the seed day's month, -1 for the one before, ... */
  monthOffset(at: DateTime): number {
    return Math.round(at.startOf("month").diff(this.monthStart, "months").months);
  }

  /** The first day of the month `offset` months from the seed day's, as YYYY-MM-DD. */
  month(offset: number): string {
    return this.monthStart.plus({ months: offset }).toISODate() as string;
  }
}

/** The customers of each service under the ACTIVE SLAs of the agreements sample. */
export function customersByService(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { customers, services } of SLA_COVERAGE) {
    for (const service of services) map.set(service, [...new Set([...(map.get(service) ?? []), ...customers])]);
  }
  return map;
}

type IncidentRow = Pick<
  Incident,
  "id" | "externalId" | "serviceId" | "customerId" | "priority" | "openedAt" | "respondedAt" | "resolvedAt"
>;
type PauseRow = Pick<IncidentPause, "incidentId" | "position" | "pausedAt" | "resumedAt">;

/**
 * Incidents of the last six months: a Poisson number per service and day (fewer at weekends, more
 * in the short-staffed month), a priority mix with rare P1s, log-normal response and resolution
 * times, some waiting on the customer; those not yet responded to or resolved at the seed moment stay open.
 */
export function buildIncidents(calendar: SeedCalendar, random: SampleRandom) {
  const customers = customersByService();
  const incidents: IncidentRow[] = [];
  const pauses: PauseRow[] = [];
  const now = calendar.now.getTime();
  let number = 1_000_001;
  for (let d = -HISTORY_DAYS; d <= 0; d++) {
    const day = calendar.day(d);
    const weekend = day.weekday >= 6;
    const shortStaffed = calendar.monthOffset(day) === SHORT_STAFFED_MONTH;
    for (const profile of INCIDENT_PROFILES) {
      const mean = profile.perDay * (weekend ? 0.33 : 1) * (shortStaffed ? SHORT_STAFFED.volume : 1);
      for (let n = random.poisson(mean); n > 0; n--) {
        const priority = random.weighted(PRIORITY_MIX);
        const customer = random.pick(profile.customers ?? customers.get(profile.service) ?? []);
        // P1s come at any hour; the rest while people work (about 08:30–18:30 in Central Europe).
        const hour =
          priority === Priority.P1 ? random.between(0, 24) : random.between(weekend ? 8 : 6.5, weekend ? 16 : 16.5);
        const opened = day.toMillis() + Math.round(hour * 60) * MINUTE;
        const slow = shortStaffed ? SHORT_STAFFED.slowdown : 1;
        const response = Math.max(
          1,
          Math.round(random.logNormal(HANDLING[priority].responseMinutes * slow, RESPONSE_SIGMA)),
        );
        const resolution = Math.max(
          response + 5,
          Math.round(random.logNormal(HANDLING[priority].resolutionHours * 60 * slow, RESOLUTION_SIGMA)),
        );
        const paused = priority !== Priority.P1 && priority !== Priority.P2 && random.next() < PAUSED_SHARE;
        if (opened > now) continue;
        const id = stableId("Incident", `INC${number}`);
        const respondedAt = opened + response * MINUTE;
        const resolvedAt = opened + resolution * MINUTE;
        incidents.push({
          id,
          externalId: `INC${number++}`,
          serviceId: sampleId.service(profile.service),
          customerId: sampleId.customer(customer),
          priority,
          openedAt: new Date(opened),
          respondedAt: respondedAt <= now ? new Date(respondedAt) : null,
          resolvedAt: resolvedAt <= now ? new Date(resolvedAt) : null,
        });
        // Waiting on the customer for 40 % of the time between response and resolution.
        const span = resolvedAt - respondedAt;
        const from = respondedAt + Math.round((0.2 * span) / MINUTE) * MINUTE;
        const to = from + Math.round((0.4 * span) / MINUTE) * MINUTE;
        if (paused && span >= 60 * MINUTE && from <= now) {
          pauses.push({
            incidentId: id,
            position: 0,
            pausedAt: new Date(from),
            resumedAt: to <= now ? new Date(to) : null,
          });
        }
      }
    }
  }
  return { incidents, pauses };
}

type OutageRow = Pick<
  Outage,
  "id" | "externalId" | "serviceId" | "componentId" | "kind" | "startedAt" | "endedAt" | "description"
>;
type ImpactRow = Pick<OutageImpact, "outageId" | "serviceId">;

/** Planned maintenance on the agreed Sunday windows, and the failures, each with the services it reached. */
export function buildOutages(calendar: SeedCalendar) {
  const outages: OutageRow[] = [];
  const impact: ImpactRow[] = [];
  const add = (row: Omit<OutageRow, "id">, reached: string[]) => {
    const id = stableId("Outage", row.externalId);
    outages.push({ id, ...row });
    for (const code of reached) impact.push({ outageId: id, serviceId: sampleId.service(code) });
  };
  for (let d = -HISTORY_DAYS; d <= 0; d++) {
    const date = calendar.day(d);
    if (date.weekday !== 7) continue;
    for (const m of MAINTENANCE) {
      const fortnight = Math.floor(date.toMillis() / (7 * DAY)) % 2 === 0;
      if ("every" in m.sundays ? !fortnight : Math.ceil(date.day / 7) !== m.sundays.nthOfMonth) continue;
      const local = (time: string) =>
        DateTime.fromISO(`${date.toISODate()}T${time}`, { zone: "Europe/Berlin" }).toUTC().toJSDate();
      const [startedAt, endedAt] = [local(m.from), local(m.to)];
      if (endedAt > calendar.now) continue;
      const externalId = `CHG-${m.service}-${date.toISODate()}`;
      const row = { externalId, serviceId: sampleId.service(m.service), componentId: null, startedAt, endedAt };
      add({ ...row, kind: OUTAGE_KINDS.maintenance, description: m.description }, [m.service]);
    }
  }
  for (const failure of FAILURES) {
    const component = failure.component === DATA_CENTRE ? mostSharedDataCentre() : failure.component;
    const startedAt = DateTime.fromISO(`${calendar.day(-failure.daysAgo).toISODate()}T${failure.at}`, { zone: "utc" });
    add(
      {
        externalId: failure.externalId,
        serviceId: failure.service ? sampleId.service(failure.service) : null,
        componentId: component ? sampleId.component(component) : null,
        kind: OUTAGE_KINDS.failure,
        startedAt: startedAt.toJSDate(),
        endedAt: startedAt.plus({ minutes: failure.minutes }).toJSDate(),
        description: failure.description,
      },
      component ? impactedServiceCodes(component) : [failure.service as string],
    );
  }
  const elapsed = calendar.now.getTime() - calendar.monthStart.toMillis();
  if (elapsed >= 4 * THIS_MONTH_FAILURE.minutes * MINUTE) {
    const started = calendar.monthStart.toMillis() + Math.round(elapsed / 2 / MINUTE) * MINUTE;
    add(
      {
        externalId: THIS_MONTH_FAILURE.externalId,
        serviceId: sampleId.service(THIS_MONTH_FAILURE.service),
        componentId: null,
        kind: OUTAGE_KINDS.failure,
        startedAt: new Date(started),
        endedAt: new Date(started + THIS_MONTH_FAILURE.minutes * MINUTE),
        description: THIS_MONTH_FAILURE.description,
      },
      [THIS_MONTH_FAILURE.service],
    );
  }
  return { outages, impact };
}

type MeasurementRow = Pick<
  Measurement,
  "id" | "externalId" | "serviceId" | "customerId" | "metric" | "month" | "value"
>;

/**
 * Monthly satisfaction and first-contact resolution per service/customer pair of the SLAs, plus
 * figures over all customers and recovery tests. Where a target applies the figure sits a little
 * above it, below it in the short-staffed month, and just above it this month (heading for at risk).
 */
export function buildMeasurements(calendar: SeedCalendar, random: SampleRandom): MeasurementRow[] {
  const rows: MeasurementRow[] = [];
  const add = (service: string, customer: string | null, metric: string, offset: number, value: number) => {
    const month = calendar.month(offset);
    const externalId = `SVY-${service}-${customer ?? "ALL"}-${metric}-${month.slice(0, 7)}`;
    rows.push({
      id: stableId("Measurement", externalId),
      externalId,
      serviceId: sampleId.service(service),
      customerId: customer ? sampleId.customer(customer) : null,
      metric: metric as Measurement["metric"],
      month,
      value: Math.round(value * 100) / 100,
    });
  };
  const level = (target: number, margin: number, offset: number) =>
    offset === SHORT_STAFFED_MONTH ? target - 0.6 * margin : offset === 0 ? target + 0.15 * margin : target + margin;
  const months = Math.ceil(HISTORY_DAYS / 30);
  for (const [service, customers] of customersByService()) {
    for (const customer of customers) {
      for (const m of MEASURED) {
        for (let offset = -months; offset <= 0; offset++) {
          const target = m.target[service];
          const centre = target === undefined ? m.typical : level(target, 2.5 * m.spread, offset);
          add(service, customer, m.metric, offset, centre + random.normal() * m.spread * 0.3);
        }
      }
    }
  }
  for (const f of ALL_CUSTOMER_FIGURES) {
    for (let offset = -months; offset <= 0; offset++) {
      add(f.service, null, f.metric, offset, level(f.target, f.margin, offset) + random.normal() * f.margin * 0.1);
    }
  }
  for (const test of RECOVERY_TESTS) add(test.service, null, test.metric, -test.monthsAgo, test.minutes);
  return rows;
}
