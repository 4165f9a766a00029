import type { DataSource, EntityManager } from "typeorm";
import { chunksOf } from "@itsm/kit";
import { TargetFigureCount } from "./target-figure-count.entity";

/** Rows per multi-row INSERT / IN list: well within every database's parameter limit. */
export const CHUNK = 500;

/** What `target_figure_counts` counts a row under: every filter of staff's stored report. */
export interface CountKey {
  statusRank: number;
  agreementType: string;
  providerId: string;
}

/** A row's key before a change, read (locked) in the change's transaction. */
export type CountedRow = CountKey & { targetId: string };

/** The changes a transaction makes to a period's counts: per key, rows gained minus rows lost. */
export class CountDeltas {
  private readonly deltas = new Map<string, CountKey & { delta: number }>();

  add(key: CountKey, delta: number): void {
    const id = JSON.stringify([key.statusRank, key.agreementType, key.providerId]);
    const entry = this.deltas.get(id) ?? {
      statusRank: key.statusRank,
      agreementType: key.agreementType,
      providerId: key.providerId,
      delta: 0,
    };
    entry.delta += delta;
    this.deltas.set(id, entry);
  }

  /** A row moved from one key to another (either absent: added or removed). */
  move(from: CountKey | undefined, to: CountKey | undefined): void {
    if (from) this.add(from, -1);
    if (to) this.add(to, 1);
  }

  /** Adds the deltas to the period's counts: one upsert, in key order (concurrent writers lock alike). */
  async apply(manager: EntityManager, period: string): Promise<void> {
    const changed = [...this.deltas.entries()]
      .filter(([, entry]) => entry.delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => entry);
    if (changed.length === 0) return;
    const sqlite = manager.connection.options.type === "better-sqlite3";
    const add = sqlite
      ? "ON CONFLICT (period, statusRank, agreementType, providerId) DO UPDATE SET targets = targets + excluded.targets"
      : "ON DUPLICATE KEY UPDATE targets = targets + VALUES(targets)";
    for (const chunk of chunksOf(changed, CHUNK)) {
      await manager.query(
        `INSERT INTO target_figure_counts (period, statusRank, agreementType, providerId, targets)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")} ${add}`,
        chunk.flatMap((e) => [period, e.statusRank, e.agreementType, e.providerId, e.delta]),
      );
    }
  }
}

/** The key each of these rows of the period is counted under, locked for the rest of the transaction (MySQL/MariaDB). */
export async function countedRows(
  manager: EntityManager,
  period: string,
  targetIds: readonly string[],
): Promise<Map<string, CountedRow>> {
  const lock = manager.connection.options.type === "better-sqlite3" ? "" : " FOR UPDATE";
  const found = new Map<string, CountedRow>();
  for (const ids of chunksOf(targetIds, CHUNK)) {
    const rows: CountedRow[] = await manager.query(
      `SELECT targetId, statusRank, agreementType, providerId FROM target_figures
       WHERE period = ? AND targetId IN (${ids.map(() => "?").join(", ")})${lock}`,
      [period, ...ids],
    );
    for (const row of rows) found.set(row.targetId, { ...row, statusRank: Number(row.statusRank) });
  }
  return found;
}

/** The stored report's filter as `target_figure_counts` keys it (status as its rank). */
export interface CountFilter {
  statusRank?: number;
  agreementType?: string | null;
  providerId?: string | null;
}

/** How many of the period's stored rows pass the filter: a sum over a few rows of `target_figure_counts`. */
export async function countStored(dataSource: DataSource, period: string, filter: CountFilter): Promise<number> {
  const query = dataSource
    .getRepository(TargetFigureCount)
    .createQueryBuilder("c")
    .select("COALESCE(SUM(c.targets), 0)", "n")
    .where("c.period = :period", { period });
  if (filter.statusRank !== undefined) query.andWhere("c.statusRank = :rank", { rank: filter.statusRank });
  if (filter.agreementType) query.andWhere("c.agreementType = :type", { type: filter.agreementType });
  if (filter.providerId) query.andWhere("c.providerId = :provider", { provider: filter.providerId });
  const row: { n: unknown } | undefined = await query.getRawOne();
  return Number(row?.n ?? 0);
}

/** Counts the period's rows afresh (in the caller's transaction). */
export async function recountStored(manager: EntityManager, period: string): Promise<void> {
  await manager.delete(TargetFigureCount, { period });
  await manager.query(
    `INSERT INTO target_figure_counts (period, statusRank, agreementType, providerId, targets)
     SELECT period, statusRank, agreementType, providerId, COUNT(*) FROM target_figures WHERE period = ?
     GROUP BY period, statusRank, agreementType, providerId`,
    [period],
  );
}
