import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One target's figures for one period as staff see them (every customer of the agreement), stored
 * so that a report page is an indexed keyset query instead of computing every target per request.
 * Kept by `PerformanceStore`: rows follow the catalogue (reconciled when its revision changes),
 * writes of records mark their services' rows stale in the same transaction, and stale rows are
 * computed again before any report reads them.
 */
@Entity("target_figures")
@Index("IDX_target_figures_order", ["period", "statusRank", "budgetOrder", "numberKey", "targetKey"])
@Index("IDX_target_figures_stale", ["period", "stale"])
@Index("IDX_target_figures_service", ["serviceId"])
export class TargetFigure {
  /** The period's label ("2026-11", "2026-Q4", "2026"). */
  @PrimaryColumn({ type: "varchar", length: 16 })
  period: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  targetId: string;

  @Column({ type: "varchar", length: 36 })
  agreementId: string;

  @Column({ type: "varchar", length: 64 })
  agreementNumber: string;

  @Column({ type: "varchar", length: 32 })
  agreementType: string;

  @Column({ type: "varchar", length: 36 })
  providerId: string;

  @Column({ type: "varchar", length: 36 })
  serviceId: string;

  /** The target as the catalogue described it when computed (and its calendar's version): a change means compute again. */
  @Column({ type: "varchar", length: 64 })
  targetHash: string;

  /** 0 breached, 1 at risk, 2 met, 3 no data: the report's first sort key. */
  @Column({ type: "int" })
  statusRank: number;

  /** Minus the share of the error budget consumed (ascending = most consumed first). */
  @Column({ type: "double" })
  budgetOrder: number;

  /** The agreement number and target id as hex of their UTF-8 bytes: code-point order in every collation. */
  @Column({ type: "varchar", length: 128 })
  numberKey: string;

  @Column({ type: "varchar", length: 72 })
  targetKey: string;

  /** The computed `Performance` and forecast, as JSON. */
  @Column({ type: "text" })
  figures: string;

  /** 1 when a record or the catalogue changed since the figures were computed. */
  @Column({ type: "int" })
  stale: number;

  /** Incremented by every change that makes the row stale: a computation started before it does not clear it. */
  @Column({ type: "int" })
  staleMark: number;

  /** 1 when the figures move with the clock alone (a running period, an open incident): refreshed by the job. */
  @Column({ type: "int" })
  live: number;

  @Column({ type: "datetime", precision: 3 })
  computedAt: Date;
}
