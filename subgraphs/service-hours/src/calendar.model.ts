/** Days of the week as calendars name them, Monday first (ISO order). */
export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekly window of service: on each of `days`, from `from` to `to` local wall-clock time ("HH:MM"). */
export interface ServiceWindow {
  days: Weekday[];
  from: string;
  /** Exclusive end; "24:00" ends at the next local midnight. */
  to: string;
}

/** Service hours: weekly windows in an IANA time zone, minus holidays (local dates, "YYYY-MM-DD"). */
export interface ServiceCalendar {
  timeZone: string;
  windows: ServiceWindow[];
  holidays: string[];
}

/** A span of time [start, end) between two instants. */
export interface Interval {
  start: Date;
  end: Date;
}

/** The 24×7 calendar in a zone: one window Monday to Sunday, 00:00–24:00, no holidays. */
export function alwaysOn(timeZone: string): ServiceCalendar {
  return { timeZone, windows: [{ days: [...WEEKDAYS], from: "00:00", to: "24:00" }], holidays: [] };
}
