import { findGrouped } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { ServiceComponent } from "../components/service-component.entity";
import { ServiceDependency } from "./service-dependency.entity";

/** Reads the dependency graph between services, and what it means for the components they are made of. */
export class DependencyService {
  constructor(private readonly dataSource: DataSource) {}

  private get edges() {
    return this.dataSource.getRepository(ServiceDependency);
  }

  /** Ids of the services each service directly depends on. */
  async dependencyIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.edges, "serviceId", serviceIds, (l) => l.dependsOnId);
  }

  /** Ids of the services that directly depend on each service. */
  async dependentIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.edges, "dependsOnId", serviceIds, (l) => l.serviceId);
  }

  /**
   * For each component, the services that use it directly or depend on such a service at any
   * depth (impact analysis). One statement whatever the depth: a recursive common table expression
   * (SQLite and MariaDB alike) whose UNION drops repeats, so even a cycle ends.
   */
  async impactedServiceIdsOf(componentIds: readonly string[]): Promise<string[][]> {
    if (componentIds.length === 0) return [];
    const q = (name: string) => this.dataSource.driver.escape(name);
    const parts = this.dataSource.getMetadata(ServiceComponent).tableName;
    const edges = this.dataSource.getMetadata(ServiceDependency).tableName;
    const rows: { componentId: string; serviceId: string }[] = await this.dataSource.query(
      `WITH RECURSIVE impact (componentId, serviceId) AS (
         SELECT ${q("componentId")}, ${q("serviceId")} FROM ${q(parts)}
          WHERE ${q("componentId")} IN (${componentIds.map(() => "?").join(", ")})
         UNION
         SELECT impact.componentId, d.${q("serviceId")} FROM impact
           JOIN ${q(edges)} d ON d.${q("dependsOnId")} = impact.serviceId
       )
       SELECT componentId, serviceId FROM impact`,
      [...componentIds],
    );
    const byComponent = new Map<string, string[]>(componentIds.map((id) => [id, []]));
    for (const row of rows) byComponent.get(row.componentId)?.push(row.serviceId);
    return componentIds.map((id) => byComponent.get(id) ?? []);
  }

  /**
   * For each service, every service it depends on directly or through others (its dependency
   * closure, without itself). One recursive statement whatever the depth, like impact analysis.
   */
  async dependencyClosureIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    if (serviceIds.length === 0) return [];
    const q = (name: string) => this.dataSource.driver.escape(name);
    const edges = this.dataSource.getMetadata(ServiceDependency).tableName;
    const rows: { rootId: string; serviceId: string }[] = await this.dataSource.query(
      `WITH RECURSIVE closure (rootId, serviceId) AS (
         SELECT ${q("serviceId")}, ${q("dependsOnId")} FROM ${q(edges)}
          WHERE ${q("serviceId")} IN (${serviceIds.map(() => "?").join(", ")})
         UNION
         SELECT closure.rootId, d.${q("dependsOnId")} FROM closure
           JOIN ${q(edges)} d ON d.${q("serviceId")} = closure.serviceId
       )
       SELECT rootId, serviceId FROM closure`,
      [...serviceIds],
    );
    const byService = new Map<string, string[]>(serviceIds.map((id) => [id, []]));
    for (const row of rows) if (row.serviceId !== row.rootId) byService.get(row.rootId)?.push(row.serviceId);
    return serviceIds.map((id) => byService.get(id) ?? []);
  }
}
