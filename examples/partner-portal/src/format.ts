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

/** This month as a reporting period of the graph: `2026-12` (the browser's calendar). */
export function currentPeriod(today = new Date()): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
}

/** A figure with at most two decimals: `99.95`, `57.14`. */
export function figure(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** An error budget: `12.5 of 43.2 min spent, 30.7 left`. */
export function budget(spent: number, allowed: number, remaining: number, unit: string): string {
  const counted = unit === "MINUTES" ? "min" : "tickets";
  return `${figure(spent)} of ${figure(allowed)} ${counted} spent, ${figure(remaining)} left`;
}

/** What a target achieved: percent available, percent of tickets in time, or the mean in the target's unit. */
export function achieved(metric: string, unit: string, value: number): string {
  if (metric === "RESPONSE_TIME" || metric === "RESOLUTION_TIME") return `${figure(value)} % of tickets in time`;
  return `${figure(value)}${UNITS[unit] ?? ` ${unit.toLowerCase()}`}`;
}
