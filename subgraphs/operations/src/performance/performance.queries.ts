import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { IncidentPause } from "../incidents/incident-pause.entity";
import { Incident } from "../incidents/incident.entity";
import { sqlDateTime } from "../records/sql-time";
import { asDateTime, valuesTable } from "../records/sql-values";

/** An outage as availability needs it, once per service it reached. */
export interface OutageSpan {
  outageId: string;
  serviceId: string;
  planned: boolean;
  start: Date;
  /** Null while ongoing. */
  end: Date | null;
}

/** A clock target's parameters for the ticket counts. */
export interface TicketQuery {
  key: string;
  serviceId: string;
  /** Null: every priority. */
  priority: string | null;
  calendarId: string;
  metric: "RESPONSE_TIME" | "RESOLUTION_TIME";
  from: Date;
  to: Date;
  limitMinutes: number;
  /** Null: every customer's tickets. */
  customers: string[] | null;
}

/** A measured target's parameters for the mean. */
export interface MeasurementQuery {
  key: string;
  serviceId: string;
  metric: string;
  fromMonth: string;
  toMonth: string;
  comparator: "AT_LEAST" | "AT_MOST";
  value: number;
  /** Null: the figures over all customers (customer-less rows); otherwise these customers' figures. */
  customers: string[] | null;
}

export interface TicketCounts {
  sampleSize: number;
  /** Closed clocks past the limit; open incidents are classified by the caller with their clock now. */
  breaches: number;
}

export interface MeasurementFigures {
  count: number;
  mean: number | null;
  missed: number;
}

/** A noise margin for comparing clocks (fractional minutes) with a limit: at the limit is within it. */
const CLOCK_EPSILON = 1e-9;

/**
 * The aggregates performance reads, each one statement whatever the number of targets: the
 * targets' parameters travel as a values table joined with the records.
 */
export class PerformanceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Outages that reached any of these services and overlap [from, to). */
  async outages(serviceIds: readonly string[], from: Date, to: Date): Promise<OutageSpan[]> {
    if (serviceIds.length === 0) return [];
    const rows: { outageId: string; serviceId: string; kind: string; startedAt: unknown; endedAt: unknown }[] =
      await this.dataSource.query(
        `SELECT o.id AS outageId, im.serviceId AS serviceId, o.kind AS kind, o.startedAt AS startedAt, o.endedAt AS endedAt
         FROM outages o JOIN outage_impact im ON im.outageId = o.id
         WHERE im.serviceId IN (${serviceIds.map(() => "?").join(", ")})
           AND o.startedAt < ? AND (o.endedAt IS NULL OR o.endedAt > ?)`,
        [...serviceIds, sqlDateTime(to), sqlDateTime(from)],
      );
    return rows.map((r) => ({
      outageId: r.outageId,
      serviceId: r.serviceId,
      planned: r.kind === "PLANNED",
      start: instant(r.startedAt) as Date,
      end: instant(r.endedAt),
    }));
  }

  /** Per target: tickets opened in its span for its customers, and those whose stopped clock passed the limit. */
  async ticketCounts(targets: readonly TicketQuery[]): Promise<Map<string, TicketCounts>> {
    const counts = new Map<string, TicketCounts>();
    if (targets.length === 0) return counts;
    const { sql, params } = this.ticketTables(targets);
    const rows: { k: string; sampleSize: unknown; breaches: unknown }[] = await this.dataSource.query(
      `WITH ${sql}
       SELECT t.k AS k, COUNT(*) AS sampleSize,
         SUM(CASE WHEN (CASE WHEN t.metric = 'RESPONSE_TIME' THEN c.responseMinutes ELSE c.resolutionMinutes END) > t.lim + ${CLOCK_EPSILON}
             THEN 1 ELSE 0 END) AS breaches
       ${this.ticketJoin()}
       GROUP BY t.k`,
      params,
    );
    for (const row of rows)
      counts.set(row.k, { sampleSize: Number(row.sampleSize), breaches: Number(row.breaches ?? 0) });
    return counts;
  }

  /** Per target: the incidents counted whose clock still runs (not yet responded to / resolved). */
  async openTickets(targets: readonly TicketQuery[]): Promise<Map<string, string[]>> {
    const open = new Map<string, string[]>();
    if (targets.length === 0) return open;
    const { sql, params } = this.ticketTables(targets);
    const rows: { k: string; id: string }[] = await this.dataSource.query(
      `WITH ${sql}
       SELECT t.k AS k, i.id AS id
       ${this.ticketJoin()}
         AND ((t.metric = 'RESPONSE_TIME' AND i.respondedAt IS NULL) OR (t.metric = 'RESOLUTION_TIME' AND i.resolvedAt IS NULL))`,
      params,
    );
    for (const row of rows) {
      const ids = open.get(row.k);
      if (ids) ids.push(row.id);
      else open.set(row.k, [row.id]);
    }
    return open;
  }

  /** Incidents and their pauses, to read open clocks now. */
  async incidentsWithPauses(ids: readonly string[]): Promise<{ incidents: Incident[]; pauses: IncidentPause[] }> {
    if (ids.length === 0) return { incidents: [], pauses: [] };
    const incidents = await this.dataSource.getRepository(Incident).findBy({ id: In([...ids]) });
    const pauses = await this.dataSource.getRepository(IncidentPause).findBy({ incidentId: In([...ids]) });
    return { incidents, pauses };
  }

  /** Per target: how many measurements in its months for its customers, their mean, and how many miss the value. */
  async measurementFigures(targets: readonly MeasurementQuery[]): Promise<Map<string, MeasurementFigures>> {
    const figures = new Map<string, MeasurementFigures>();
    if (targets.length === 0) return figures;
    const date = (expression: string) =>
      this.dataSource.options.type === "better-sqlite3" ? expression : `CAST(${expression} AS DATE)`;
    const t = valuesTable(
      this.dataSource,
      "t",
      [
        ["k", "text"],
        ["serviceId", "text"],
        ["metric", "text"],
        ["fromMonth", "text"],
        ["toMonth", "text"],
        ["cmp", "text"],
        ["val", "number"],
        ["overall", "number"],
      ],
      targets.map((q) => [
        q.key,
        q.serviceId,
        q.metric,
        q.fromMonth,
        q.toMonth,
        q.comparator,
        q.value,
        q.customers ? 0 : 1,
      ]),
    );
    const tc = this.customerTable(targets);
    const rows: { k: string; n: unknown; mean: unknown; missed: unknown }[] = await this.dataSource.query(
      `WITH ${t.sql}, ${tc.sql}
       SELECT t.k AS k, COUNT(*) AS n, AVG(m.value) AS mean,
         SUM(CASE WHEN (t.cmp = 'AT_LEAST' AND m.value < t.val) OR (t.cmp = 'AT_MOST' AND m.value > t.val) THEN 1 ELSE 0 END) AS missed
       FROM t JOIN measurements m ON m.serviceId = t.serviceId AND m.metric = t.metric
         AND m.month >= ${date("t.fromMonth")} AND m.month <= ${date("t.toMonth")}
       WHERE (t.overall = 1 AND m.customerId IS NULL)
          OR (t.overall = 0 AND EXISTS (SELECT 1 FROM tc WHERE tc.k = t.k AND tc.customerId = m.customerId))
       GROUP BY t.k`,
      [...t.params, ...tc.params],
    );
    for (const row of rows) {
      figures.set(row.k, {
        count: Number(row.n),
        mean: row.mean === null ? null : Number(row.mean),
        missed: Number(row.missed ?? 0),
      });
    }
    return figures;
  }

  private ticketTables(targets: readonly TicketQuery[]) {
    const t = valuesTable(
      this.dataSource,
      "t",
      [
        ["k", "text"],
        ["serviceId", "text"],
        ["priority", "text"],
        ["calendarId", "text"],
        ["metric", "text"],
        ["fromAt", "text"],
        ["toAt", "text"],
        ["lim", "number"],
        ["everyone", "number"],
      ],
      targets.map((q) => [
        q.key,
        q.serviceId,
        q.priority ?? "",
        q.calendarId,
        q.metric,
        sqlDateTime(q.from),
        sqlDateTime(q.to),
        q.limitMinutes,
        q.customers ? 0 : 1,
      ]),
    );
    const tc = this.customerTable(targets);
    return { sql: `${t.sql}, ${tc.sql}`, params: [...t.params, ...tc.params] };
  }

  private ticketJoin(): string {
    return `FROM t JOIN incidents i ON i.serviceId = t.serviceId AND (t.priority = '' OR i.priority = t.priority)
         AND i.openedAt >= ${asDateTime(this.dataSource, "t.fromAt")} AND i.openedAt < ${asDateTime(this.dataSource, "t.toAt")}
       LEFT JOIN incident_clocks c ON c.incidentId = i.id AND c.calendarId = t.calendarId
       WHERE (t.everyone = 1 OR EXISTS (SELECT 1 FROM tc WHERE tc.k = t.k AND tc.customerId = i.customerId))`;
  }

  /** (target, customer) pairs; one never-matching row when there are none (VALUES cannot be empty). */
  private customerTable(targets: readonly { key: string; customers: string[] | null }[]) {
    const pairs = targets.flatMap((q) => (q.customers ?? []).map((customerId) => [q.key, customerId]));
    return valuesTable(
      this.dataSource,
      "tc",
      [
        ["k", "text"],
        ["customerId", "text"],
      ],
      pairs.length > 0 ? pairs : [["", ""]],
    );
  }
}

/** A datetime as a driver returns it from a raw query: a Date (mysql2, UTC) or UTC text (SQLite). */
function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes("T") ? text : `${text.replace(" ", "T")}Z`);
}
