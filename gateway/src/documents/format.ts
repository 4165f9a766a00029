// How the documents write the graph's values for people: enum names, targets, money.

/** Enum values written as they are: abbreviations and priorities. */
const AS_IS = new Set(["SLA", "OLA", "P1", "P2", "P3", "P4"]);

/** `RESPONSE_TIME` → `Response time`; `SLA` stays `SLA`. */
export function label(value: string): string {
  if (AS_IS.has(value)) return value;
  const words = value.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UNIT_SUFFIX: Record<string, string> = {
  PERCENT: " %",
  SECONDS: " s",
  MINUTES: " min",
  HOURS: " h",
  DAYS: " days",
  SCORE: "",
};

/** A number as the graph gave it, without float noise (99.95, not 99.95000000000002). */
export function number(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A value with its unit: `99.95 %`, `15 min`, `4.2` (a score). */
export function quantity(value: number, unit: string): string {
  return `${number(value)}${UNIT_SUFFIX[unit] ?? ` ${label(unit)}`}`;
}

/** A target's promise: `≥ 99.95 %`, `≤ 15 min`. */
export function promise(comparator: string, value: number, unit: string): string {
  return `${comparator === "AT_MOST" ? "≤" : "≥"} ${quantity(value, unit)}`;
}

/** Money as the graph gives it (a decimal string) with its currency: `12800.00 EUR`. */
export function money(amount: { amount: string; currency: string } | null | undefined): string {
  return amount ? `${amount.amount} ${amount.currency}` : "—";
}

/** A compliance share (the percentage of cases a target must hold for), or a dash. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${number(value)} %`;
}

/** Sorts a copy by the keys given, in order; strings compare by code point so the order never depends on a locale. */
export function sortedBy<T>(items: readonly T[], ...keys: ((item: T) => string | number)[]): T[] {
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}
