/** `RESPONSE_TIME` → `Response time`. */
export function label(value: string): string {
  if (/^(SLA|OLA|P[1-4])$/.test(value)) return value;
  const words = value.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UNITS: Record<string, string> = {
  PERCENT: " %",
  SECONDS: " s",
  MINUTES: " min",
  HOURS: " h",
  DAYS: " days",
  SCORE: "",
};

/** A target's promise: `≥ 99.95 %`, `≤ 15 min`. */
export function promise(comparator: string, value: number, unit: string): string {
  return `${comparator === "AT_MOST" ? "≤" : "≥"} ${value}${UNITS[unit] ?? ` ${unit.toLowerCase()}`}`;
}
