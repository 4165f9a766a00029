import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, findGrouped, paginate, whereContains, whereEquals, whereIn } from "@itsm/kit";
import type { DataSource, FindOptionsWhere } from "typeorm";
import { Service, ServiceComponent, ServiceDependency, ServiceLifecycle } from "../entities";
import type { ServiceFilter } from "../resolvers/service.inputs";
import type { ServiceScope } from "./service.scope";

/** The row condition of a scope: the LIVE catalogue, or everything. */
function inScope(scope: ServiceScope): FindOptionsWhere<Service> {
  return scope === "live" ? { lifecycle: ServiceLifecycle.LIVE } : {};
}

/** Reads the service catalogue: services, what they are made of and how they depend on each other. */
export class ServiceService {
  constructor(private readonly dataSource: DataSource) {}

  private get services() {
    return this.dataSource.getRepository(Service);
  }

  /** The services with these ids, aligned with them; null for those that do not exist or are out of scope. */
  byIds(ids: readonly string[], scope: ServiceScope): Promise<(Service | null)[]> {
    return findAligned(this.services, "id", ids, inScope(scope));
  }

  /** The services with these codes, aligned with them; null for those that do not exist or are out of scope. */
  byCodes(codes: readonly string[], scope: ServiceScope): Promise<(Service | null)[]> {
    return findAligned(this.services, "code", codes, inScope(scope));
  }

  /** A page of the services in scope, ordered by code (`totalCount` counts only those in scope). */
  async list(filter: ServiceFilter | null | undefined, page: PageRequest, scope: ServiceScope): Promise<Page<Service>> {
    const query = this.services.createQueryBuilder("service");
    if (scope === "live")
      query.andWhere("service.lifecycle = :scopeLifecycle", { scopeLifecycle: ServiceLifecycle.LIVE });
    whereContains(query, ["service.code", "service.name"], filter?.search);
    whereIn(query, "service.code", filter?.codes);
    whereEquals(query, "service.category", filter?.category);
    whereIn(query, "service.type", filter?.type);
    whereIn(query, "service.lifecycle", filter?.lifecycle);
    whereIn(query, "service.criticality", filter?.criticality);
    return paginate(query, page, {
      sortColumn: "service.code",
      idColumn: "service.id",
      position: (s) => [s.code, s.id],
    });
  }

  /** Ids of the components each service is made of. */
  async componentIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.dataSource.getRepository(ServiceComponent), "serviceId", serviceIds, (l) => l.componentId);
  }

  /** Ids of the services each component is part of. */
  async serviceIdsUsing(componentIds: readonly string[]): Promise<string[][]> {
    return findGrouped(
      this.dataSource.getRepository(ServiceComponent),
      "componentId",
      componentIds,
      (l) => l.serviceId,
    );
  }

  /** Ids of the services each service directly depends on. */
  async dependencyIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.dataSource.getRepository(ServiceDependency), "serviceId", serviceIds, (l) => l.dependsOnId);
  }

  /**
   * For each component, the services that use it directly or depend on such a service at any
   * depth (impact analysis). One query for the direct users, then one per level of the graph.
   */
  async impactedServiceIdsOf(componentIds: readonly string[]): Promise<string[][]> {
    const direct = await this.serviceIdsUsing(componentIds);
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

  /** Ids of the services that directly depend on each service. */
  async dependentIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.dataSource.getRepository(ServiceDependency), "dependsOnId", serviceIds, (l) => l.serviceId);
  }
}
