import { findGrouped } from "@itsm/kit";
import type { DataSource } from "typeorm";
import type { ComponentService } from "../components/component.service";
import { ServiceDependency } from "./service-dependency.entity";

/** Reads the dependency graph between services, and what it means for the components they are made of. */
export class DependencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly components: ComponentService,
  ) {}

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
   * depth (impact analysis). One query for the direct users, then one per level of the graph.
   */
  async impactedServiceIdsOf(componentIds: readonly string[]): Promise<string[][]> {
    const direct = await this.components.serviceIdsUsing(componentIds);
    const dependents = new Map<string, string[]>();
    let frontier = [...new Set(direct.flat())];
    while (frontier.length > 0) {
      const next = await this.dependentIdsOf(frontier);
      frontier.forEach((id, i) => dependents.set(id, next[i]));
      frontier = [...new Set(next.flat())].filter((id) => !dependents.has(id));
    }
    return direct.map((start) => {
      const seen = new Set<string>(start);
      const queue = [...start];
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        for (const dependent of dependents.get(id) ?? []) {
          if (!seen.has(dependent)) {
            seen.add(dependent);
            queue.push(dependent);
          }
        }
      }
      return [...seen];
    });
  }
}
