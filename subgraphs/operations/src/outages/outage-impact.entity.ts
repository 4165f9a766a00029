import { Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A service an outage reached: the service itself, or every service using the component at any
 * dependency depth as the catalog's impact analysis said when the outage was recorded. Kept as rows
 * so that availability can be aggregated per service in SQL.
 */
@Entity("outage_impact")
export class OutageImpact {
  @PrimaryColumn({ type: "varchar", length: 36 })
  outageId: string;

  @Index()
  @PrimaryColumn({ type: "varchar", length: 36 })
  serviceId: string;
}
