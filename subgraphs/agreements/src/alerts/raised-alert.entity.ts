import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * An alert the lifecycle scheduler has raised (told the webhooks about), once per alert key and due
 * date: alerts are computed, never stored, so this is what remembers which ones were already sent.
 */
@Entity("raised_alerts")
export class RaisedAlertRecord {
  /** stableId of the alert's key and due date. */
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  kind: string;

  @Column({ type: "varchar", length: 36 })
  agreementId: string;

  @Column({ type: "date" })
  dueOn: string;

  @Column({ type: "datetime", precision: 3 })
  raisedAt: Date;
}
