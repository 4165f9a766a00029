import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * How many stored figures (`TargetFigure`) of a period have this status rank, agreement type and
 * provider — every filter of staff's stored report — so that its `totalCount` sums a few rows
 * instead of counting the period's (InnoDB counts an index entry by entry: a second at 114,099).
 * Kept by `PerformanceStore` in the same transaction as the rows, by the change of each row
 * (old key − 1, new key + 1); a period's counts are recounted once (`PerformanceSnapshot.counted`).
 */
@Entity("target_figure_counts")
export class TargetFigureCount {
  @PrimaryColumn({ type: "varchar", length: 16 })
  period: string;

  @PrimaryColumn({ type: "int" })
  statusRank: number;

  @PrimaryColumn({ type: "varchar", length: 32 })
  agreementType: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  providerId: string;

  /** The period's rows with this key (0 once the last one changed key or went). */
  @Column({ type: "int" })
  targets: number;
}
