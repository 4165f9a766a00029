// Service calendars of Northwind's agreements: what each coverage's service hours (the text the
// agreement shows) mean for measuring targets.
import { stableId } from "@itsm/kit";
import type { SampleCalendar } from "./calendars.builders";
import { days } from "./calendars.builders";

const ALL_DAY = days("MON", "SUN", "00:00", "24:00");

/** Every sample calendar, by code; the default 24×7 (UTC) calendar is created with the schema. */
export const sampleCalendars: SampleCalendar[] = [
  {
    code: "24X7-CET",
    name: "24×7, Central European Time",
    timeZone: "Europe/Berlin",
    windows: [ALL_DAY],
    holidays: null,
  },
  {
    code: "24X7-SUN-MAINT-CET",
    name: "24×7 except the weekly maintenance window Sunday 02:00–05:00 CET",
    timeZone: "Europe/Berlin",
    windows: [
      days("MON", "SAT", "00:00", "24:00"),
      days("SUN", "SUN", "00:00", "02:00"),
      days("SUN", "SUN", "05:00", "24:00"),
    ],
    holidays: null,
  },
  {
    code: "BUSINESS-CET",
    name: "Business hours Mon–Fri 08:00–18:00 CET, German public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "FRI", "08:00", "18:00")],
    holidays: "DE",
  },
  {
    code: "BUSINESS-CET-BY",
    name: "Business hours Mon–Fri 08:00–18:00 CET, Bavarian public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "FRI", "08:00", "18:00")],
    holidays: "DE-BY",
  },
  {
    code: "WEEKDAYS-0622-CET",
    name: "Extended weekdays Mon–Fri 06:00–22:00 CET, German public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "FRI", "06:00", "22:00")],
    holidays: "DE",
  },
  {
    code: "WEEKDAYS-0719-CET",
    name: "Weekdays Mon–Fri 07:00–19:00 CET, German public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "FRI", "07:00", "19:00")],
    holidays: "DE",
  },
  {
    code: "WEEKDAYS-0717-CET-RP",
    name: "Weekdays Mon–Fri 07:00–17:00 CET, Rhineland-Palatinate public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "FRI", "07:00", "17:00")],
    holidays: "DE-RP",
  },
  {
    code: "EXTENDED-CET",
    name: "Extended hours Mon–Sat 07:00–20:00 CET, holidays included",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "SAT", "07:00", "20:00")],
    holidays: null,
  },
  {
    code: "EXTENDED-CET-DE",
    name: "Extended hours Mon–Sat 07:00–20:00 CET, German public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "SAT", "07:00", "20:00")],
    holidays: "DE",
  },
  {
    code: "EXTENDED-CET-BY",
    name: "Extended hours Mon–Sat 07:00–20:00 CET, Bavarian public holidays excluded",
    timeZone: "Europe/Berlin",
    windows: [days("MON", "SAT", "07:00", "20:00")],
    holidays: "DE-BY",
  },
  {
    code: "EXTENDED-NL",
    name: "Extended hours Mon–Sat 08:00–20:00 Amsterdam time, Dutch public holidays excluded",
    timeZone: "Europe/Amsterdam",
    windows: [days("MON", "SAT", "08:00", "20:00")],
    holidays: "NL",
  },
];

/**
 * The calendar each service-hours text of the sample is measured in. Maintenance that is not
 * weekly (the ERP's first Sunday of the month) is planned downtime, not a gap in the calendar;
 * the service desk's 24x7 P1 hotline is not a window of its own (a calendar has no priorities).
 */
export const CALENDAR_OF_HOURS: Record<string, string> = {
  "24x7": "24X7-CET",
  "24x7 except the maintenance window on the first Sunday of each month 00:00–06:00 CET": "24X7-CET",
  "24x7 except the agreed maintenance window Sun 02:00–05:00 CET": "24X7-SUN-MAINT-CET",
  "Mon–Fri 06:00–22:00 CET excluding public holidays": "WEEKDAYS-0622-CET",
  "Mon–Fri 07:00–19:00 CET excluding public holidays": "WEEKDAYS-0719-CET",
  "Mon–Fri 07:00–19:00 CET excluding public holidays; P1 hotline 24x7": "WEEKDAYS-0719-CET",
  "Mon–Fri 07:00–17:00 CET excluding public holidays in Rhineland-Palatinate": "WEEKDAYS-0717-CET-RP",
  "Mon–Fri 08:00–18:00 CET excluding Bavarian public holidays": "BUSINESS-CET-BY",
  "Mon–Fri 08:00–18:00 CET": "BUSINESS-CET",
  "Mon–Sat 07:00–20:00 CET": "EXTENDED-CET",
  "Mon–Sat 07:00–20:00 CET excluding public holidays": "EXTENDED-CET-DE",
  "Mon–Sat 07:00–20:00 CET excluding Bavarian public holidays": "EXTENDED-CET-BY",
  "Mon–Sat 08:00–20:00 CET excluding Dutch public holidays": "EXTENDED-NL",
};

/** The code of the calendar a service-hours text of the sample is measured in (unknown texts are a mistake). */
export function calendarCodeOf(serviceHours: string): string {
  const code = CALENDAR_OF_HOURS[serviceHours];
  if (!code) throw new Error(`No sample calendar for the service hours "${serviceHours}"`);
  return code;
}

/** The stable id of a calendar by code (the default "24X7" calendar's too). */
export const calendarId = (code: string) => stableId("ServiceCalendar", code);
