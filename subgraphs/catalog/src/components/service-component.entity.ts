import { Entity, Index, PrimaryColumn } from "typeorm";

/** A service is made of a component (many-to-many). */
@Entity("service_components")
export class ServiceComponent {
  @PrimaryColumn({ type: "varchar", length: 36 })
  serviceId: string;

  @Index()
  @PrimaryColumn({ type: "varchar", length: 36 })
  componentId: string;
}
