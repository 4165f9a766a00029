/** Milliseconds in a wall-clock day; local days are counted on a zone-less "wall" axis. */
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight of an "HH:MM" time ("24:00" = 1440), or null when malformed. */
export function clockMinutes(text: string): number | null {
  if (text === "24:00") return 1440;
  const match = CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Days since 1970-01-01 of an ISO local date ("2026-03-29"), or null when it is not a real date. */
export function localDayNumber(text: string): number | null {
  const match = LOCAL_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** The ISO local date ("YYYY-MM-DD") of a day number. */
export function localDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday index of a day number, Monday = 0 (1970-01-01 was a Thursday). */
export function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
