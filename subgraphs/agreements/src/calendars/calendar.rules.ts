import { stableId } from "@itsm/kit";
import type { CalendarProblem, ServiceCalendar as CalendarModel } from "@itsm/service-hours";
import { alwaysOn, calendarProblems } from "@itsm/service-hours";

/**
 * The calendar coverage gets when none is named: 24×7 in UTC. Every instant is service time
 * whatever the zone; UTC keeps its periods free of summer-time shifts and assumes no location.
 */
export const DEFAULT_CALENDAR = {
  id: stableId("ServiceCalendar", "24X7"),
  code: "24X7",
  name: "24×7 (UTC)",
  ...alwaysOn("UTC"),
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Everything wrong with a calendar: the library's `calendarProblems` (zone, window shape, dates),
 * plus what it tolerates but a calendar that people maintain should not say: windows overlapping
 * on a day (the same hours twice, usually a typo) and a holiday listed twice.
 */
export function calendarInputProblems(calendar: CalendarModel): CalendarProblem[] {
  const problems = calendarProblems(calendar);
  calendar.windows.forEach((window, j) => {
    if (!CLOCK.test(window.from) || !CLOCK.test(window.to)) return;
    for (let i = 0; i < j; i++) {
      const other = calendar.windows[i];
      if (!CLOCK.test(other.from) || !CLOCK.test(other.to)) continue;
      const shared = window.days.filter((day, index) => other.days.includes(day) && window.days.indexOf(day) === index);
      const overlap = minutesOf(window.from) < minutesOf(other.to) && minutesOf(other.from) < minutesOf(window.to);
      if (shared.length > 0 && overlap) {
        problems.push({ path: `windows.${j}`, message: `overlaps windows.${i} on ${shared.join(", ")}` });
      }
    }
  });
  calendar.holidays.forEach((holiday, index) => {
    if (calendar.holidays.indexOf(holiday) !== index) {
      problems.push({ path: `holidays.${index}`, message: `${holiday} is listed twice` });
    }
  });
  return problems;
}
