import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Service } from "../it-services/service.entity";
import { ServiceDependency } from "./service-dependency.entity";

/**
 * The dependency graph stays acyclic: `service` may come to depend on `target` only if no path of
 * dependencies leads from `target` back to `service`. Returns that path (ids, from `target`,
 * excluding `service`), or null when there is none. One query per level of the graph.
 */
export async function dependencyPath(manager: EntityManager, from: string, to: string): Promise<string[] | null> {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const edges = await manager.findBy(ServiceDependency, { serviceId: In(frontier) });
    frontier = [];
    for (const edge of edges) {
      if (cameFrom.has(edge.dependsOnId)) continue;
      cameFrom.set(edge.dependsOnId, edge.serviceId);
      if (edge.dependsOnId === to) {
        const path: string[] = [];
        for (let id: string | null = edge.serviceId; id !== null; id = cameFrom.get(id) ?? null) path.unshift(id);
        return path;
      }
      frontier.push(edge.dependsOnId);
    }
  }
  return null;
}

/** The codes of these services, in the order given (an unknown id stands for itself). */
export async function codesOf(manager: EntityManager, ids: string[]): Promise<string[]> {
  const services = await manager.findBy(Service, { id: In(ids) });
  return ids.map((id) => services.find((s) => s.id === id)?.code ?? id);
}
