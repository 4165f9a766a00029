import type { ServiceCalendar, Weekday } from "@itsm/service-hours";
import { WEEKDAYS } from "@itsm/service-hours";

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** "HH:MM" as minutes after midnight (calendars are validated when saved: "24:00" is the end of the day). */
function clockMinutes(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  return hours * 60 + minutes;
}

/** A span of the week in minutes from Monday 00:00 local time, [start, end). */
type WeekSpan = [start: number, end: number];

/** One weekly stretch of time, on one day, in local time ("HH:MM", end exclusive, "24:00" = midnight). */
export interface WeeklyStretch {
  day: Weekday;
  from: string;
  to: string;
}

/** Service hours of a promise that what underpins it does not cover. */
export interface UncoveredHours {
  /** The zone the weekly stretches are local to: the promising agreement's calendar's. */
  timeZone: string;
  weekly: WeeklyStretch[];
  /** Hours a week not covered (holidays aside). */
  hoursPerWeek: number;
  /** Local dates (next twelve months) the promise serves and the underpinning takes as holidays. */
  dates: string[];
}

/** The weekly spans of a calendar, merged, in minutes of the week. */
function weekSpans(calendar: ServiceCalendar, shift = 0): WeekSpan[] {
  const spans: WeekSpan[] = [];
  for (const window of calendar.windows) {
    const from = clockMinutes(window.from);
    const to = clockMinutes(window.to);
    for (const day of window.days) {
      const start = WEEKDAYS.indexOf(day) * DAY + from + shift;
      // Shifted into another zone a span may wrap around the end of the week.
      for (const [s, e] of wrap(start, start + (to - from))) spans.push([s, e]);
    }
  }
  return merge(spans);
}

function wrap(start: number, end: number): WeekSpan[] {
  const s = ((start % WEEK) + WEEK) % WEEK;
  const e = s + (end - start);
  return e <= WEEK
    ? [[s, e]]
    : [
        [s, WEEK],
        [0, e - WEEK],
      ];
}

function merge(spans: WeekSpan[]): WeekSpan[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: WeekSpan[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function subtract(spans: WeekSpan[], holes: WeekSpan[]): WeekSpan[] {
  let rest = spans;
  for (const [hs, he] of holes) {
    rest = rest.flatMap(([s, e]): WeekSpan[] =>
      he <= s || hs >= e
        ? [[s, e]]
        : (
            [
              [s, Math.min(hs, e)],
              [Math.max(he, s), e],
            ] as WeekSpan[]
          ).filter(([a, b]) => b > a),
    );
  }
  return rest;
}

/** The zone's offset from UTC in minutes at an instant. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Spans of the week as stretches per day (a span across midnight becomes two). */
function stretches(spans: WeekSpan[]): WeeklyStretch[] {
  const out: WeeklyStretch[] = [];
  for (const [s, e] of spans) {
    for (let day = Math.floor(s / DAY); day * DAY < e; day++) {
      const from = Math.max(s, day * DAY) - day * DAY;
      const to = Math.min(e, (day + 1) * DAY) - day * DAY;
      out.push({ day: WEEKDAYS[day], from: clock(from), to: clock(to) });
    }
  }
  return out;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY * 60_000).toISOString().slice(0, 10);
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The hours `promise` serves that `underpinning` does not, or null when it covers them all: weekly
 * stretches local to the promise's zone (the other zone's windows moved by the offsets at `now`), and
 * the underpinning's holidays in the next twelve months on days the promise serves.
 */
export function uncoveredHours(
  promise: ServiceCalendar,
  underpinning: ServiceCalendar,
  now: Date,
): UncoveredHours | null {
  const shift = utcOffsetMinutes(promise.timeZone, now) - utcOffsetMinutes(underpinning.timeZone, now);
  const served = weekSpans(promise);
  const gaps = subtract(served, weekSpans(underpinning, shift));
  const today = now.toISOString().slice(0, 10);
  const horizon = addDays(today, 365);
  const excluded = new Set(promise.holidays);
  const dates = underpinning.holidays.filter((date) => {
    if (date < today || date > horizon || excluded.has(date)) return false;
    const day = weekdayOf(date);
    // A holiday the promise serves, and on which the weekly gaps do not already take the whole day.
    const servedThatDay = subtract(
      served.filter(([s, e]) => s < (day + 1) * DAY && e > day * DAY),
      gaps,
    ).some(([s, e]) => Math.min(e, (day + 1) * DAY) > Math.max(s, day * DAY));
    return servedThatDay;
  });
  if (gaps.length === 0 && dates.length === 0) return null;
  const minutes = gaps.reduce((sum, [s, e]) => sum + e - s, 0);
  return { timeZone: promise.timeZone, weekly: stretches(gaps), hoursPerWeek: minutes / 60, dates };
}

/** Several gaps together (each local to the same promise's zone), or null when there is none. */
export function unionOfUncovered(gaps: readonly (UncoveredHours | null)[]): UncoveredHours | null {
  const present = gaps.filter((g): g is UncoveredHours => g !== null);
  if (present.length === 0) return null;
  const spans = merge(
    present.flatMap((g) =>
      g.weekly.map((w): WeekSpan => {
        const day = WEEKDAYS.indexOf(w.day) * DAY;
        return [day + clockMinutes(w.from), day + clockMinutes(w.to)];
      }),
    ),
  );
  const minutes = spans.reduce((sum, [s, e]) => sum + e - s, 0);
  return {
    timeZone: present[0].timeZone,
    weekly: stretches(spans),
    hoursPerWeek: minutes / 60,
    dates: [...new Set(present.flatMap((g) => g.dates))].sort(),
  };
}

/** Uncovered hours in words, e.g. "Sun 00:00–24:00; Mon–Sat 00:00–07:00 and 20:00–24:00 (Europe/Berlin)". */
export function describeUncovered(gap: UncoveredHours): string {
  // Days with the same stretches read as one range of days.
  const byDay = new Map<Weekday, string>();
  for (const w of gap.weekly) {
    const text = `${w.from}–${w.to}`;
    byDay.set(w.day, byDay.has(w.day) ? `${byDay.get(w.day)} and ${text}` : text);
  }
  const parts: string[] = [];
  let run: Weekday[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const days = run.length === 1 ? title(run[0]) : `${title(run[0])}–${title(run[run.length - 1])}`;
    parts.push(`${days} ${byDay.get(run[0])}`);
    run = [];
  };
  for (const day of WEEKDAYS) {
    const text = byDay.get(day);
    if (text === undefined) flush();
    else if (run.length > 0 && byDay.get(run[0]) !== text) {
      flush();
      run = [day];
    } else run.push(day);
  }
  flush();
  const weekly = parts.length ? `${parts.join("; ")} (${gap.timeZone})` : "";
  const holidays = gap.dates.length
    ? `${gap.dates.length} holiday${gap.dates.length === 1 ? "" : "s"} in the next twelve months (${gap.dates.join(", ")})`
    : "";
  return [weekly, holidays].filter(Boolean).join("; and ");
}

const title = (day: Weekday) => day.charAt(0) + day.slice(1).toLowerCase();
