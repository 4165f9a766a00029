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
   * depth (impact analysis): the direct users, then the services depending on those, and so on.
   */
  async impactedServiceIdsOf(componentIds: readonly string[]): Promise<string[][]> {
    return this.reach(componentIds, { entity: ServiceComponent, from: "componentId", to: "serviceId" }, "up");
  }

  /**
   * For each service, every service it depends on directly or through others (its dependency
   * closure, without itself).
   */
  async dependencyClosureIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    const closures = await this.reach(
      serviceIds,
      { entity: ServiceDependency, from: "serviceId", to: "dependsOnId" },
      "down",
    );
    return closures.map((ids, i) => ids.filter((id) => id !== serviceIds[i]));
  }

  /**
   * For each root, the services reached from it: the first step through `start` (root column →
   * service column), then along the dependency edges, towards dependents (`up`) or dependencies
   * (`down`), at any depth. One statement whatever the depth: a recursive common table expression
   * (SQLite and MariaDB alike) whose UNION drops repeats, so even a cycle ends.
   */
  private async reach(
    rootIds: readonly string[],
    start: { entity: typeof ServiceComponent | typeof ServiceDependency; from: string; to: string },
    direction: "up" | "down",
  ): Promise<string[][]> {
    if (rootIds.length === 0) return [];
    const q = (name: string) => this.dataSource.driver.escape(name);
    const first = this.dataSource.getMetadata(start.entity).tableName;
    const edges = this.dataSource.getMetadata(ServiceDependency).tableName;
    const [near, far] = direction === "up" ? ["dependsOnId", "serviceId"] : ["serviceId", "dependsOnId"];
    const rows: { rootId: string; serviceId: string }[] = await this.dataSource.query(
      `WITH RECURSIVE reach (rootId, serviceId) AS (
         SELECT ${q(start.from)}, ${q(start.to)} FROM ${q(first)}
          WHERE ${q(start.from)} IN (${rootIds.map(() => "?").join(", ")})
         UNION
         SELECT reach.rootId, d.${q(far)} FROM reach JOIN ${q(edges)} d ON d.${q(near)} = reach.serviceId
       )
       SELECT rootId, serviceId FROM reach`,
      [...rootIds],
    );
    const byRoot = new Map<string, string[]>(rootIds.map((id) => [id, []]));
    for (const row of rows) byRoot.get(row.rootId)?.push(row.serviceId);
    return rootIds.map((id) => byRoot.get(id) ?? []);
  }
}
