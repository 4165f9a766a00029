import { Column, Entity, PrimaryColumn } from "typeorm";

/** Which periods have stored figures, for which catalogue revision, and whether the first fill is done. */
@Entity("performance_snapshots")
export class PerformanceSnapshot {
  @PrimaryColumn({ type: "varchar", length: 16 })
  period: string;

  /** The catalogue revision the period's rows follow (empty before the first reconciliation). */
  @Column({ type: "varchar", length: 128 })
  revision: string;

  /** 1 once every row of the period was computed at least once: reports read the rows from then on. */
  @Column({ type: "int" })
  ready: number;

  /** 1 once `target_figure_counts` holds the period's counts (kept with every row change from then on). */
  @Column({ type: "int", default: 0 })
  counted: number;

  /** When a report last asked for the period (periods nobody asks for are not kept up). */
  @Column({ type: "datetime", precision: 3 })
  requestedAt: Date;
}
