import type { Interval, ServiceCalendar } from "./calendar.model";
import { WEEKDAYS } from "./calendar.model";
import type { Span } from "./interval";
import { mergeSpans, subtractSpans, toIntervals, toSpans } from "./interval";
import { clockMinutes, DAY_MS, localDayNumber, MINUTE_MS, weekdayIndex } from "./local-time";
import { ZoneOffsets } from "./zone-offsets";

/**
 * A calendar prepared for arithmetic: windows per weekday as merged wall-clock spans, holidays as
 * day numbers, and the zone's offsets (cached as they are found). Compile once per calendar when
 * computing many clocks; every function also takes a plain calendar.
 */
export class CompiledCalendar {
  /** Per weekday (Monday = 0), merged [from, to) in ms after local midnight. */
  readonly windows: Span[][];
  readonly holidays: ReadonlySet<number>;
  readonly offsets: ZoneOffsets;

  constructor(readonly calendar: ServiceCalendar) {
    this.offsets = new ZoneOffsets(calendar.timeZone);
    this.windows = WEEKDAYS.map((weekday) =>
      mergeSpans(
        calendar.windows
          .filter((window) => window.days.includes(weekday))
          .map((window) => ({ start: minutesOf(window.from) * MINUTE_MS, end: minutesOf(window.to) * MINUTE_MS })),
      ),
    );
    this.holidays = new Set(calendar.holidays.map((holiday) => dayOf(holiday)));
  }
}

/** What the arithmetic accepts: a calendar, or one compiled for repeated use. */
export type CalendarInput = ServiceCalendar | CompiledCalendar;

/** Compiles a (valid) calendar once, for the many clocks of an import. */
export function compileCalendar(calendar: ServiceCalendar): CompiledCalendar {
  return new CompiledCalendar(calendar);
}

/** The instants [start, end) within service hours between `from` and `to`, merged and in order. */
export function serviceIntervals(calendar: CalendarInput, from: Date, to: Date): Interval[] {
  return toIntervals(serviceSpans(compiled(calendar), from.getTime(), to.getTime()));
}

/** Minutes of service hours between `from` and `to` (fractional when instants are not whole minutes). */
export function serviceMinutes(calendar: CalendarInput, from: Date, to: Date): number {
  return minutesOfSpans(serviceSpans(compiled(calendar), from.getTime(), to.getTime()));
}

/** Service minutes covered by the union of intervals: overlaps counted once, time outside service hours not at all. */
export function serviceMinutesWithin(calendar: CalendarInput, intervals: readonly Interval[]): number {
  return serviceMinutesOfSpans(compiled(calendar), mergeSpans(toSpans(intervals)));
}

/** A clock's reading: service minutes from `start` to `end`, minus the paused intervals. */
export function elapsedServiceMinutes(
  calendar: CalendarInput,
  start: Date,
  end: Date,
  pauses: readonly Interval[] = [],
): number {
  const running = subtractSpans([{ start: start.getTime(), end: end.getTime() }], toSpans(pauses));
  return serviceMinutesOfSpans(compiled(calendar), running);
}

/** How far ahead a deadline is searched before concluding the calendar never reaches it. */
const DEADLINE_HORIZON_DAYS = 3 * 366;
const DEADLINE_STEP_DAYS = 7;

/**
 * The instant a clock started at `start` passes `minutes` service minutes, pauses excluded — stored
 * with an open incident so a query can tell it breached once `now` is past it. Null when the
 * calendar has no such instant within three years (e.g. a target longer than its service hours).
 */
export function clockDeadline(
  calendar: CalendarInput,
  start: Date,
  minutes: number,
  pauses: readonly Interval[] = [],
): Date | null {
  const hours = compiled(calendar);
  const holes = mergeSpans(toSpans(pauses));
  let remaining = minutes * MINUTE_MS;
  if (remaining <= 0) return start;
  const horizon = start.getTime() + DEADLINE_HORIZON_DAYS * DAY_MS;
  for (let from = start.getTime(); from < horizon; from += DEADLINE_STEP_DAYS * DAY_MS) {
    const to = from + DEADLINE_STEP_DAYS * DAY_MS;
    for (const span of subtractSpans(serviceSpans(hours, from, to), holes)) {
      const length = span.end - span.start;
      if (length >= remaining) return new Date(span.start + remaining);
      remaining -= length;
    }
  }
  return null;
}

function compiled(calendar: CalendarInput): CompiledCalendar {
  return calendar instanceof CompiledCalendar ? calendar : compileCalendar(calendar);
}

/**
 * Service spans in [from, to): for each stretch of constant UTC offset, every local day it touches
 * contributes its windows at wall-clock time, mapped back to instants through that offset. A wall
 * time that a summer-time change skips is in no window; one it repeats is in the window twice.
 */
function serviceSpans(hours: CompiledCalendar, from: number, to: number): Span[] {
  const spans: Span[] = [];
  if (to <= from) return spans;
  for (const segment of hours.offsets.segments(from, to)) {
    const wallStart = segment.start + segment.offset;
    const wallEnd = segment.end + segment.offset;
    for (let day = Math.floor(wallStart / DAY_MS); day * DAY_MS < wallEnd; day++) {
      if (hours.holidays.has(day)) continue;
      const midnight = day * DAY_MS;
      for (const window of hours.windows[weekdayIndex(day)]) {
        const start = Math.max(midnight + window.start, wallStart);
        const end = Math.min(midnight + window.end, wallEnd);
        if (start < end) spans.push({ start: start - segment.offset, end: end - segment.offset });
      }
    }
  }
  return mergeSpans(spans);
}

function serviceMinutesOfSpans(hours: CompiledCalendar, spans: readonly Span[]): number {
  let total = 0;
  for (const span of spans) total += minutesOfSpans(serviceSpans(hours, span.start, span.end));
  return total;
}

function minutesOfSpans(spans: readonly Span[]): number {
  let total = 0;
  for (const span of spans) total += span.end - span.start;
  return total / MINUTE_MS;
}

function minutesOf(clock: string): number {
  const minutes = clockMinutes(clock);
  if (minutes === null) throw new RangeError(`Malformed time "${clock}" in a calendar window: validate it first`);
  return minutes;
}

function dayOf(date: string): number {
  const day = localDayNumber(date);
  if (day === null) throw new RangeError(`Malformed holiday "${date}": validate the calendar first`);
  return day;
}
