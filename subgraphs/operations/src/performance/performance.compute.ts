import type { CalendarInput, Interval, Period } from "@itsm/service-hours";
import {
  clipIntervals,
  elapsedServiceMinutes,
  periodInstants,
  serviceMinutes,
  serviceMinutesWithin,
  subtractIntervals,
} from "@itsm/service-hours";
import { DateTime } from "luxon";
import type { IncidentPause } from "../incidents/incident-pause.entity";
import { pauseIntervals } from "../incidents/incident-clock.service";
import type { Incident } from "../incidents/incident.entity";
import { availabilityPerformance } from "./availability.rules";
import type { Performance } from "./performance.model";
import type { OutageSpan } from "./performance.queries";
import { classifyTicket } from "./time-target.rules";

/** What of a period a target is measured over: the period within the agreement's effective dates. */
export interface TargetSpan {
  /** The period ∩ the agreement's effective dates, in the calendar's time zone; empty when not in force. */
  whole: Interval;
  /** `whole` up to now. */
  measured: Interval;
  running: boolean;
}

/** The span of a period a target is measured over, given its agreement's effective dates and `now`. */
export function targetSpan(
  period: Period,
  timeZone: string,
  effectiveFrom: string,
  effectiveTo: string | null,
  now: Date,
): TargetSpan {
  const bounds = periodInstants(period, timeZone);
  const localMidnight = (date: string, days = 0) =>
    DateTime.fromISO(date, { zone: timeZone }).startOf("day").plus({ days }).toJSDate().getTime();
  const start = Math.max(bounds.start.getTime(), localMidnight(effectiveFrom));
  const end = Math.max(start, Math.min(bounds.end.getTime(), effectiveTo ? localMidnight(effectiveTo, 1) : Infinity));
  const until = Math.min(end, Math.max(start, now.getTime()));
  return {
    whole: { start: new Date(start), end: new Date(end) },
    measured: { start: new Date(start), end: new Date(until) },
    running: start <= now.getTime() && now.getTime() < end,
  };
}

/**
 * Availability over a span from the outages that reached the service: planned outages are agreed
 * downtime (less agreed time), unplanned ones count only outside them and only in service hours,
 * overlaps once; an ongoing outage lasts until the end of what is measured (now, at the latest).
 */
export function availabilityFrom(
  calendar: CalendarInput,
  targetPercent: number,
  span: TargetSpan,
  outages: readonly OutageSpan[],
): Performance {
  const toInterval = (o: OutageSpan): Interval => ({ start: o.start, end: o.end ?? span.measured.end });
  const planned = outages.filter((o) => o.planned).map(toInterval);
  const plannedMeasured = clipIntervals(planned, span.measured.start, span.measured.end);
  const downtime = (intervals: Interval[]) =>
    serviceMinutesWithin(
      calendar,
      subtractIntervals(clipIntervals(intervals, span.measured.start, span.measured.end), plannedMeasured),
    );
  const unplanned = outages.filter((o) => !o.planned);
  // One outage reported once per service it reached is one outage.
  const outageCount = new Set(unplanned.filter((o) => downtime([toInterval(o)]) > 0).map((o) => o.outageId)).size;
  const wholeOutages = outages.filter((o) => o.planned).map((o) => ({ start: o.start, end: o.end ?? span.whole.end }));
  return availabilityPerformance({
    targetPercent,
    measured: {
      serviceMinutes: serviceMinutes(calendar, span.measured.start, span.measured.end),
      plannedMinutes: serviceMinutesWithin(calendar, plannedMeasured),
    },
    wholePeriod: span.running
      ? {
          serviceMinutes: serviceMinutes(calendar, span.whole.start, span.whole.end),
          plannedMinutes: serviceMinutesWithin(calendar, clipIntervals(wholeOutages, span.whole.start, span.whole.end)),
        }
      : undefined,
    downtimeMinutes: downtime(unplanned.map(toInterval)),
    outageCount,
    running: span.running,
  });
}

/** How many of these open incidents' clocks, read now, are past the limit. */
export function openBreaches(
  calendar: CalendarInput,
  incidents: readonly Incident[],
  pausesOf: ReadonlyMap<string, IncidentPause[]>,
  limitMinutes: number,
  now: Date,
): number {
  let breaches = 0;
  for (const incident of incidents) {
    const clock = elapsedServiceMinutes(
      calendar,
      incident.openedAt,
      now,
      pauseIntervals(pausesOf.get(incident.id) ?? [], now),
    );
    if (classifyTicket(clock, true, limitMinutes) === "BREACHED") breaches++;
  }
  return breaches;
}

/** The share of a span's service time already measured (for a linear forecast). */
export function elapsedShare(calendar: CalendarInput, span: TargetSpan): number {
  const whole = serviceMinutes(calendar, span.whole.start, span.whole.end);
  return whole > 0 ? serviceMinutes(calendar, span.measured.start, span.measured.end) / whole : 0;
}
