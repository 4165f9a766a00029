import { keysetOrder, whereEquals, whereIn } from "@itsm/kit";
import type { SelectQueryBuilder } from "typeorm";
import type { ServiceCalendar } from "./calendar.entity";

/** What `calendars(filter:)` can ask for; every given criterion must match. */
export interface CalendarCriteria {
  codes?: readonly string[] | null;
  timeZone?: string | null;
}

/** Applies the criteria to a query on `calendar`, in SQL (so counts and pages stay right). */
export function whereMatches(
  query: SelectQueryBuilder<ServiceCalendar>,
  criteria: CalendarCriteria | null | undefined,
) {
  whereIn(query, "calendar.code", criteria?.codes);
  whereEquals(query, "calendar.timeZone", criteria?.timeZone);
}

/** Pages of calendars are ordered by code (the id breaks ties, though codes are unique). */
export const BY_CODE = keysetOrder<ServiceCalendar>("calendar", "code");
