// The service level dashboard (GET /explorer/dashboard): every target against the last six months,
// a heatmap by status from the graph's serviceLevelReport, asked through /graphql with the caller's
// token (the same #token=… fragment as the explorer). Bundled by build.mjs beside the explorer.
import "./dashboard.css";
import type { KeyboardEvent } from "react";
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import type { HeatmapRow, ReportNode } from "../src/explorer-views/dashboard-model";
import {
  describeCell,
  describeRow,
  describeTarget,
  heatmapRows,
  lastMonths,
  STATUSES,
  statusCounts,
} from "../src/explorer-views/dashboard-model";

const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
const GRAPHQL_URL = new URL("../graphql", document.baseURI).href;

/** One page of the report for a period; the dashboard follows `endCursor` until the last page. */
const REPORT = `query ServiceLevelDashboard($period: String!, $customerId: ID, $after: String) {
  serviceLevelReport(period: $period, filter: { customerId: $customerId }, first: 100, after: $after) {
    nodes {
      status achieved breaches sampleSize
      errorBudget { allowed consumed remaining unit }
      target { id metric comparator value unit priority compliancePercent }
      agreement { id number title }
      service { id code name }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CUSTOMERS = `query DashboardCustomers($after: String) {
  customers(first: 100, after: $after) {
    nodes { id code name }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

class GraphError extends Error {}

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphError(`${first.message}${first.extensions?.code ? ` (${first.extensions.code})` : ""}`);
  }
  if (!response.ok || !body.data) throw new GraphError(`The graph answered HTTP ${response.status}`);
  return body.data;
}

/** Every page of a connection. */
async function all<T>(query: string, field: string, variables: Record<string, unknown>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  do {
    const data: Record<string, Page<T>> = await graphql(query, { ...variables, after });
    const page = data[field];
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

const MONTH_FORMAT = new Intl.DateTimeFormat("en", { month: "short", year: "numeric" });
const monthLabel = (period: string) => {
  const [year, month] = period.split("-").map(Number);
  return MONTH_FORMAT.format(new Date(year, month - 1, 1));
};

function Legend({ rows, periods }: { rows: HeatmapRow[]; periods: string[] }) {
  const latest = statusCounts(rows, periods.length - 1);
  return (
    <ul className="legend" aria-label="Legend">
      {STATUSES.map(({ status, letter, label }) => (
        <li key={status}>
          <span className={`swatch status-${status}`} aria-hidden="true">
            {letter}
          </span>
          {label}
          <span className="muted"> ({latest[status]} this month)</span>
        </li>
      ))}
      <li>
        <span className="swatch status-ABSENT" aria-hidden="true" />
        Not in force
      </li>
    </ul>
  );
}

interface Active {
  row: number;
  column: number;
}

function Heatmap({ rows, periods, customerId }: { rows: HeatmapRow[]; periods: string[]; customerId: string }) {
  const [active, setActive] = useState<Active>({ row: 0, column: periods.length - 1 });
  const [tooltip, setTooltip] = useState<{ lines: string[]; x: number; y: number; left: boolean } | null>(null);
  const grid = useRef<HTMLTableElement>(null);

  const show = useCallback(
    (cell: HTMLElement, row: number, column: number) => {
      const box = cell.getBoundingClientRect();
      const lines = describeCell(rows[row], periods[column], rows[row].cells[column]);
      // Left of the cell for the last columns, so that it stays on screen.
      const left = column >= periods.length - 2;
      setTooltip({ lines, x: left ? box.left - 8 : box.right + 8, y: box.top, left });
    },
    [rows, periods],
  );

  const focusCell = (row: number, column: number) => {
    const next = {
      row: Math.max(0, Math.min(rows.length - 1, row)),
      column: Math.max(0, Math.min(periods.length - 1, column)),
    };
    setActive(next);
    grid.current?.querySelector<HTMLElement>(`[data-row="${next.row}"][data-column="${next.column}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [active.row - 1, active.column],
      ArrowDown: [active.row + 1, active.column],
      ArrowLeft: [active.row, active.column - 1],
      ArrowRight: [active.row, active.column + 1],
      Home: [active.row, 0],
      End: [active.row, periods.length - 1],
      PageUp: [active.row - 10, active.column],
      PageDown: [active.row + 10, active.column],
    };
    if (event.key === "Escape") setTooltip(null);
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    focusCell(...move);
  };

  let lastAgreement = "";
  return (
    <>
      <table
        className="heatmap"
        role="grid"
        ref={grid}
        data-customer={customerId}
        aria-label="Service level status by target and month"
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            <th scope="col" className="target-head">
              Target
            </th>
            {periods.map((period, column) => {
              const counts = statusCounts(rows, column);
              return (
                <th scope="col" key={period} data-period={period}>
                  <span className="month">{monthLabel(period)}</span>
                  <span className="counts">{counts.BREACHED} breached</span>
                  {counts.AT_RISK > 0 && <span className="counts">{counts.AT_RISK} at risk</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row, rowIndex) => {
            const header =
              row.agreement.number !== lastAgreement ? (
                <tr key={`agreement-${row.agreement.id}`} className="agreement-row">
                  <th scope="colgroup" colSpan={periods.length + 1}>
                    {row.agreement.number} <span className="muted">{row.agreement.title}</span>
                  </th>
                </tr>
              ) : null;
            lastAgreement = row.agreement.number;
            const line = (
              <tr key={row.target.id} data-target={row.target.id}>
                <th scope="row" className="target">
                  <span>{describeRow(row)}</span>
                  <span className="muted"> {describeTarget(row.target)}</span>
                </th>
                {row.cells.map((cell, column) => {
                  const isActive = active.row === rowIndex && active.column === column;
                  const status = cell?.status ?? "ABSENT";
                  return (
                    <td
                      key={periods[column]}
                      role="gridcell"
                      className={`cell status-${status}`}
                      data-row={rowIndex}
                      data-column={column}
                      data-period={periods[column]}
                      data-status={status}
                      tabIndex={isActive ? 0 : -1}
                      aria-label={describeCell(row, periods[column], cell).join(". ")}
                      aria-describedby={isActive && tooltip ? "heatmap-tooltip" : undefined}
                      onFocus={(event) => {
                        setActive({ row: rowIndex, column });
                        show(event.currentTarget, rowIndex, column);
                      }}
                      onBlur={() => setTooltip(null)}
                      onMouseEnter={(event) => show(event.currentTarget, rowIndex, column)}
                      onMouseLeave={() => setTooltip(null)}
                    >
                      {cell ? STATUSES.find((s) => s.status === cell.status)!.letter : ""}
                    </td>
                  );
                })}
              </tr>
            );
            return header ? [header, line] : [line];
          })}
        </tbody>
      </table>
      {tooltip && (
        <div
          id="heatmap-tooltip"
          role="tooltip"
          className={`tooltip${tooltip.left ? " tooltip-left" : ""}`}
          style={{ left: tooltip.x, top: tooltip.y }}
        >
          {tooltip.lines.map((line, index) =>
            index === 0 ? <strong key={index}>{line}</strong> : <div key={index}>{line}</div>,
          )}
        </div>
      )}
    </>
  );
}

type Customer = { id: string; code: string; name: string };

function Dashboard() {
  const periods = useMemo(() => lastMonths(new Date()), []);
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [customerId, setCustomerId] = useState("");
  const [loaded, setLoaded] = useState<{ rows: HeatmapRow[]; customerId: string } | null>(null);
  const rows = loaded?.rows ?? null;
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    all<Customer>(CUSTOMERS, "customers", {}).then(
      (list) => setCustomers([...list].sort((a, b) => a.name.localeCompare(b.name))),
      (e: Error) => setError(e.message),
    );
  }, []);

  useEffect(() => {
    let current = true;
    setLoaded(null);
    setError(null);
    // One period after the other: a report is one of the graph's heavier questions, and the
    // operations subgraph on MariaDB can deadlock computing incident clocks for two at once.
    const load = async () => {
      const reports: ReportNode[][] = [];
      for (const period of periods) {
        reports.push(await all<ReportNode>(REPORT, "serviceLevelReport", { period, customerId: customerId || null }));
      }
      return reports;
    };
    load().then(
      (reports) => {
        if (!current) return;
        setLoaded({ rows: heatmapRows(periods, reports), customerId });
        setLoadedAt(new Date());
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [periods, customerId, reload]);

  return (
    <main>
      <header className="page-header">
        <div>
          <h1>Service levels</h1>
          <p className="muted">
            Every target's status in the last six months ({monthLabel(periods[0])} –{" "}
            {monthLabel(periods[periods.length - 1])}, the running month included), from the graph's{" "}
            <code>serviceLevelReport</code>.
          </p>
        </div>
        <nav>
          <a href={`../graphql${window.location.hash}`}>← Explorer</a>
        </nav>
      </header>
      {!token && (
        <p role="alert" className="notice">
          Open this page with your token in the address (<code>/explorer/dashboard#token=…</code>), as the explorer.
        </p>
      )}
      <div className="controls">
        <label>
          Customer{" "}
          <select value={customerId} onChange={(event) => setCustomerId(event.target.value)} aria-label="Customer">
            <option value="">All customers</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setReload((n) => n + 1)}>
          Refresh
        </button>
        <span className="muted" aria-live="polite">
          {error ? "" : rows ? `${rows.length} targets · updated ${loadedAt?.toLocaleTimeString()}` : "Loading…"}
        </span>
      </div>
      {error && (
        <p role="alert" className="notice error">
          The report could not be loaded: {error}
        </p>
      )}
      {rows && <Legend rows={rows} periods={periods} />}
      {rows && rows.length === 0 && <p>No targets in these months{customerId ? " for this customer" : ""}.</p>}
      {loaded && loaded.rows.length > 0 && (
        <Heatmap rows={loaded.rows} periods={periods} customerId={loaded.customerId} />
      )}
      {rows && rows.length > 0 && (
        <p className="muted hint">
          Hover over a cell, or tab into the grid and move with the arrow keys, for achieved against target and the
          error budget.
        </p>
      )}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Dashboard />
  </StrictMode>,
);
