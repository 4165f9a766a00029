import { Entity, Index, PrimaryColumn } from "typeorm";

/** A service depends on another service to work (the dependency graph is acyclic). */
@Entity("service_dependencies")
export class ServiceDependency {
  @PrimaryColumn({ type: "varchar", length: 36 })
  serviceId: string;

  @Index()
  @PrimaryColumn({ type: "varchar", length: 36 })
  dependsOnId: string;
}
