/** The schema's PerformanceStatus. */
export type PerformanceStatus = "MET" | "AT_RISK" | "BREACHED" | "NO_DATA";

/** One node of `serviceLevelReport`, as the dashboard asks for it (see dashboard's REPORT query). */
export interface ReportNode {
  status: PerformanceStatus;
  achieved: number | null;
  breaches: number;
  sampleSize: number;
  errorBudget: { allowed: number; consumed: number; remaining: number; unit: "MINUTES" | "TICKETS" } | null;
  target: {
    id: string;
    metric: string;
    comparator: "AT_LEAST" | "AT_MOST";
    value: number;
    unit: string;
    priority: string | null;
    compliancePercent: number | null;
  };
  agreement: { id: string; number: string; title: string };
  service: { id: string; code: string; name: string };
}

/** How each status is told apart without colour: a letter in the cell, a word in the legend. */
export const STATUSES: { status: PerformanceStatus; letter: string; label: string }[] = [
  { status: "MET", letter: "M", label: "Met" },
  { status: "AT_RISK", letter: "R", label: "At risk" },
  { status: "BREACHED", letter: "B", label: "Breached" },
  { status: "NO_DATA", letter: "–", label: "No data" },
];

/** One row of the heatmap: a target, and its performance in each period (null: not in that period's report). */
export interface HeatmapRow {
  target: ReportNode["target"];
  agreement: ReportNode["agreement"];
  service: ReportNode["service"];
  cells: (ReportNode | null)[];
}

/** The `n` months up to and including `today`'s (its running month), oldest first, as periods ("2026-07"). */
export function lastMonths(today: Date, n = 6): string[] {
  return Array.from({ length: n }, (_, i) => {
    const month = new Date(today.getFullYear(), today.getMonth() - (n - 1 - i), 1);
    return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, "0")}`;
  });
}

/**
 * The heatmap: one row per target found in any period's report, ordered by agreement, service,
 * metric and priority; one cell per period, aligned with `periods`.
 */
export function heatmapRows(periods: string[], reports: ReportNode[][]): HeatmapRow[] {
  const rows = new Map<string, HeatmapRow>();
  reports.forEach((nodes, column) => {
    for (const node of nodes) {
      let row = rows.get(node.target.id);
      if (!row) {
        row = { target: node.target, agreement: node.agreement, service: node.service, cells: periods.map(() => null) };
        rows.set(node.target.id, row);
      }
      row.cells[column] = node;
    }
  });
  const key = (row: HeatmapRow) =>
    [row.agreement.number, row.service.code, row.target.metric, row.target.priority ?? "", row.target.id].join(
      "\u0000",
    );
  return [...rows.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** How many cells of each status a period has: the heatmap's column summary. */
export function statusCounts(rows: HeatmapRow[], column: number): Record<PerformanceStatus, number> {
  const counts: Record<PerformanceStatus, number> = { MET: 0, AT_RISK: 0, BREACHED: 0, NO_DATA: 0 };
  for (const row of rows) {
    const cell = row.cells[column];
    if (cell) counts[cell.status] += 1;
  }
  return counts;
}

const UNIT_SYMBOLS: Record<string, string> = { PERCENT: "%", SECONDS: "s", MINUTES: "min", HOURS: "h", DAYS: "days" };

/** A number as people read it: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The promise of a target: "≥ 99.9 %", "≤ 4 h for 95 % of tickets". */
export function describeTarget(target: ReportNode["target"]): string {
  const sign = target.comparator === "AT_LEAST" ? "≥" : "≤";
  const unit = UNIT_SYMBOLS[target.unit] ?? target.unit.toLowerCase();
  const promise = `${sign} ${formatNumber(target.value)} ${unit}`;
  const isTicketClock = target.metric === "RESPONSE_TIME" || target.metric === "RESOLUTION_TIME";
  return isTicketClock && target.compliancePercent !== null
    ? `${promise} for ${formatNumber(target.compliancePercent)} % of tickets`
    : promise;
}

/** A row's label: "Email · Availability P1". */
export function describeRow(row: HeatmapRow): string {
  const metric = row.target.metric.charAt(0) + row.target.metric.slice(1).toLowerCase().replace(/_/g, " ");
  return `${row.service.name} · ${metric}${row.target.priority ? ` ${row.target.priority}` : ""}`;
}

/**
 * What a cell says in words (its tooltip and its accessible name): status, achieved against
 * target, the error budget and breaches.
 */
export function describeCell(row: HeatmapRow, period: string, cell: ReportNode | null): string[] {
  const head = `${row.agreement.number} · ${describeRow(row)} · ${period}`;
  if (!cell) return [head, "Not in this period's report (agreement not in force)"];
  const status = STATUSES.find((s) => s.status === cell.status)!.label;
  const lines = [head, `Status: ${status}`];
  const isTicketClock = row.target.metric === "RESPONSE_TIME" || row.target.metric === "RESOLUTION_TIME";
  const achieved =
    cell.achieved === null
      ? "nothing measured"
      : row.target.unit === "PERCENT" || isTicketClock
        ? `${formatNumber(cell.achieved)} %${isTicketClock ? " of tickets in time" : ""}`
        : `${formatNumber(cell.achieved)} ${UNIT_SYMBOLS[row.target.unit] ?? row.target.unit.toLowerCase()}`;
  lines.push(`Achieved: ${achieved} · target ${describeTarget(row.target)}`);
  if (cell.errorBudget) {
    const { allowed, consumed, remaining, unit } = cell.errorBudget;
    const counted = unit === "MINUTES" ? "min" : "tickets";
    lines.push(
      `Error budget: ${formatNumber(consumed)} of ${formatNumber(allowed)} ${counted} spent, ${formatNumber(remaining)} left`,
    );
  }
  lines.push(`Breaches: ${cell.breaches} · sample: ${cell.sampleSize}`);
  return lines;
}
