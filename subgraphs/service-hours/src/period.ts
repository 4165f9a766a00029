import { DateTime } from "luxon";
import type { Interval } from "./calendar.model";
import { DAY_MS, localDateOf, localDayNumber } from "./local-time";
import { ZoneOffsets } from "./zone-offsets";

export type PeriodKind = "MONTH" | "QUARTER" | "YEAR";

/**
 * A reporting period: "2026-11", "2026-Q4" or "2026". `from` and `to` are local dates and both
 * inclusive — `to` is the period's last day, as a reader expects ("2026-11-01 to 2026-11-30");
 * `periodInstants` gives the half-open instants to compute with.
 */
export interface Period {
  label: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

/** A period label that is not a month, quarter or year; the resolver answers BAD_USER_INPUT. */
export class InvalidPeriodError extends Error {
  override readonly name = "InvalidPeriodError";
  constructor(readonly label: string) {
    super(`"${label}" is not a period: use a month (2026-11), a quarter (2026-Q4) or a year (2026)`);
  }
}

const YEAR = /^([1-9]\d{3})$/;
const MONTH = /^([1-9]\d{3})-(0[1-9]|1[0-2])$/;
const QUARTER = /^([1-9]\d{3})-Q([1-4])$/;

/** Parses a period label; throws InvalidPeriodError for anything but YYYY, YYYY-MM and YYYY-Qn. */
export function parsePeriod(label: string): Period {
  let match = MONTH.exec(label);
  if (match) return periodOf("MONTH", Number(match[1]), Number(match[2]));
  match = QUARTER.exec(label);
  if (match) return periodOf("QUARTER", Number(match[1]), (Number(match[2]) - 1) * 3 + 1);
  match = YEAR.exec(label);
  if (match) return periodOf("YEAR", Number(match[1]), 1);
  throw new InvalidPeriodError(label);
}

/** The instants [start, end) of a period: from local midnight of its first day to local midnight after its last. */
export function periodInstants(period: Period, timeZone: string): Interval {
  const offsets = new ZoneOffsets(timeZone);
  return {
    start: new Date(offsets.firstInstantAtOrAfter(dayNumber(period.from) * DAY_MS)),
    end: new Date(offsets.firstInstantAtOrAfter((dayNumber(period.to) + 1) * DAY_MS)),
  };
}

/** The period of a kind that contains `now` on the wall calendar of `timeZone`. */
export function currentPeriod(kind: PeriodKind, now: Date, timeZone: string): Period {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Cannot place ${now.toISOString()} in time zone "${timeZone}"`);
  if (kind === "MONTH") return periodOf("MONTH", local.year, local.month);
  if (kind === "QUARTER") return periodOf("QUARTER", local.year, Math.floor((local.month - 1) / 3) * 3 + 1);
  return periodOf("YEAR", local.year, 1);
}

/** Whether the period has started but not ended at `now` — its figures are provisional. */
export function isPeriodRunning(period: Period, now: Date, timeZone: string): boolean {
  const { start, end } = periodInstants(period, timeZone);
  return start.getTime() <= now.getTime() && now.getTime() < end.getTime();
}

/** What of the period can be measured at `now`: [start, min(end, now)), empty before it starts. */
export function measuredInstants(period: Period, now: Date, timeZone: string): Interval {
  const { start, end } = periodInstants(period, timeZone);
  const until = Math.min(end.getTime(), Math.max(start.getTime(), now.getTime()));
  return { start, end: new Date(until) };
}

function periodOf(kind: PeriodKind, year: number, firstMonth: number): Period {
  const months = kind === "MONTH" ? 1 : kind === "QUARTER" ? 3 : 12;
  const from = Date.UTC(year, firstMonth - 1, 1) / DAY_MS;
  const next = Date.UTC(year, firstMonth - 1 + months, 1) / DAY_MS;
  const label =
    kind === "MONTH"
      ? `${year}-${String(firstMonth).padStart(2, "0")}`
      : kind === "QUARTER"
        ? `${year}-Q${(firstMonth + 2) / 3}`
        : `${year}`;
  return { label, kind, from: localDateOf(from), to: localDateOf(next - 1) };
}

function dayNumber(date: string): number {
  const day = localDayNumber(date);
  if (day === null) throw new RangeError(`Malformed period date "${date}"`);
  return day;
}
