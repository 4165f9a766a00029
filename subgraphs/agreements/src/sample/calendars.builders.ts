// Small builders for the sample calendars: windows written as "Mon–Fri 08:00–18:00", public
// holidays computed per year (the sample's dates are relative to the day it is loaded).
import type { CalendarWindow } from "../calendars/calendar.commands";
import { Weekday } from "../calendars/calendar.enums";

const DAYS = Object.values(Weekday);

/** A weekly window from the first to the last day given (inclusive), e.g. `days("MON", "FRI", "08:00", "18:00")`. */
export function days(
  first: Weekday | `${Weekday}`,
  last: Weekday | `${Weekday}`,
  from: string,
  to: string,
): CalendarWindow {
  return { days: DAYS.slice(DAYS.indexOf(first as Weekday), DAYS.indexOf(last as Weekday) + 1), from, to };
}

/** Regions whose public holidays the sample's calendars exclude. */
export type HolidayRegion = "DE" | "DE-BY" | "DE-RP" | "NL";

/** A sample calendar: its holidays are those of `holidays` (a region) in the years around the seed day. */
export interface SampleCalendar {
  code: string;
  name: string;
  timeZone: string;
  windows: CalendarWindow[];
  holidays: HolidayRegion | null;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const on = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const plusDays = (date: Date, n: number) => new Date(date.getTime() + n * 86_400_000);

/** Easter Sunday of a year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return on(year, month, day);
}

/** The statutory public holidays of a region in one year, as local dates. */
function holidaysIn(region: HolidayRegion, year: number): Date[] {
  const easter = easterSunday(year);
  const moveable = (offset: number) => plusDays(easter, offset);
  if (region === "NL") {
    const kingsDay = on(year, 4, 27).getUTCDay() === 0 ? on(year, 4, 26) : on(year, 4, 27);
    return [
      on(year, 1, 1),
      moveable(1), // Easter Monday
      kingsDay,
      ...(year % 5 === 0 ? [on(year, 5, 5)] : []), // Liberation Day: a day off every fifth year
      moveable(39), // Ascension Day
      moveable(50), // Whit Monday
      on(year, 12, 25),
      on(year, 12, 26),
    ];
  }
  const nationwide = [
    on(year, 1, 1),
    moveable(-2), // Good Friday
    moveable(1), // Easter Monday
    on(year, 5, 1),
    moveable(39), // Ascension Day
    moveable(50), // Whit Monday
    on(year, 10, 3),
    on(year, 12, 25),
    on(year, 12, 26),
  ];
  if (region === "DE") return nationwide;
  const corpusChristiAndAllSaints = [moveable(60), on(year, 11, 1)];
  if (region === "DE-RP") return [...nationwide, ...corpusChristiAndAllSaints];
  // Bavaria (Munich): Epiphany and the Assumption as well.
  return [...nationwide, on(year, 1, 6), on(year, 8, 15), ...corpusChristiAndAllSaints];
}

/** The public holidays of a region in the years `fromYear`..`toYear`, ascending. */
export function publicHolidays(region: HolidayRegion, fromYear: number, toYear: number): string[] {
  const dates: string[] = [];
  for (let year = fromYear; year <= toYear; year++) dates.push(...holidaysIn(region, year).map(iso));
  return [...new Set(dates)].sort();
}
