import { IANAZone } from "luxon";
import type { ServiceCalendar } from "./calendar.model";
import { WEEKDAYS } from "./calendar.model";
import { clockMinutes, localDayNumber } from "./local-time";

/** One thing wrong with a calendar: where (e.g. `windows.0.to`, relative to the calendar) and what. */
export interface CalendarProblem {
  path: string;
  message: string;
}

/** Everything wrong with a calendar, for a BAD_USER_INPUT answer; empty when it can be computed with. */
export function calendarProblems(calendar: ServiceCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!IANAZone.isValidZone(calendar.timeZone)) {
    problems.push({ path: "timeZone", message: `"${calendar.timeZone}" is not a known IANA time zone` });
  }
  if (calendar.windows.length === 0) {
    problems.push({ path: "windows", message: "a calendar needs at least one window" });
  }
  calendar.windows.forEach((window, index) => {
    const path = `windows.${index}`;
    const days: readonly string[] = window.days;
    if (days.length === 0) problems.push({ path: `${path}.days`, message: "a window needs at least one day" });
    days.forEach((day, dayIndex) => {
      if (!(WEEKDAYS as readonly string[]).includes(day)) {
        problems.push({ path: `${path}.days.${dayIndex}`, message: `"${day}" is not one of ${WEEKDAYS.join(", ")}` });
      } else if (days.indexOf(day) !== dayIndex) {
        problems.push({ path: `${path}.days.${dayIndex}`, message: `${day} is listed twice` });
      }
    });
    const from = window.from === "24:00" ? null : clockMinutes(window.from);
    const to = clockMinutes(window.to);
    if (from === null) problems.push({ path: `${path}.from`, message: `"${window.from}" is not a time 00:00–23:59` });
    if (to === null) problems.push({ path: `${path}.to`, message: `"${window.to}" is not a time 00:00–24:00` });
    if (from !== null && to !== null && to <= from) {
      problems.push({ path: `${path}.to`, message: `${window.to} must be after ${window.from}` });
    }
  });
  calendar.holidays.forEach((holiday, index) => {
    if (localDayNumber(holiday) === null) {
      problems.push({ path: `holidays.${index}`, message: `"${holiday}" is not a date YYYY-MM-DD` });
    }
  });
  return problems;
}
