/**
 * An instant as both databases compare it with a `datetime(3)` column: UTC "YYYY-MM-DD HH:MM:SS.mmm"
 * (the text the embedded database stores; MySQL/MariaDB reads it as a datetime). Used for filter
 * bounds and page cursors, whose values go into SQL as parameters.
 */
export function sqlDateTime(instant: Date): string {
  return instant.toISOString().replace("T", " ").replace("Z", "");
}

/** A `datetime(3)` column definition for an instant stored in UTC. */
export const INSTANT = { type: "datetime", precision: 3 } as const;

/** An instant as the audit trail records it; null stays null. */
export function isoOrNull(instant: Date | null | undefined): string | null {
  return instant ? instant.toISOString() : null;
}
