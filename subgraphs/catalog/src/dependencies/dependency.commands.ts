import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, InvalidReferenceError, lockNamed, NotFoundError, removedFrom } from "@itsm/kit";
import type { ServiceRelationChange } from "../it-services/service.changes";
import { loadChangeable, serviceRecords } from "../it-services/service.changes";
import { Service } from "../it-services/service.entity";
import { ServiceLifecycle } from "../it-services/service.enums";
import { codesOf, dependencyPath } from "./dependency.rules";
import { ServiceDependency } from "./service-dependency.entity";

/** A service the changed service depends on (or stops depending on). */
export interface ServiceDependencyLink extends ServiceRelationChange {
  dependsOnId: string;
}

/** Which services a service depends on: each change one transaction that bumps the dependent's version. */
export class DependencyCommands {
  constructor(private readonly transactor: Transactor) {}

  /** Records that the service depends on `link.dependsOnId`; refused if the graph would get a cycle. */
  add(link: ServiceDependencyLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      // One dependency change at a time: two concurrent edges could otherwise close a cycle together.
      await lockNamed(manager, "catalog:dependency-graph");
      const service = await loadChangeable(manager, link);
      const target = await manager.findOneBy(Service, { id: link.dependsOnId });
      if (!target)
        throw new InvalidReferenceError(`Service "${link.dependsOnId}" does not exist`, { ids: [link.dependsOnId] });
      if (target.lifecycle === ServiceLifecycle.RETIRED) {
        throw new ConflictError(`Service ${target.code} is RETIRED: nothing may come to depend on it`);
      }
      if (target.id === service.id) throw new ConflictError(`Service ${service.code} cannot depend on itself`);
      const key = { serviceId: service.id, dependsOnId: target.id };
      if (await manager.exists(ServiceDependency, { where: key })) {
        throw new ConflictError(`Service ${service.code} already depends on ${target.code}`);
      }
      const cycle = await dependencyPath(manager, target.id, service.id);
      if (cycle) {
        const codes = await codesOf(manager, cycle);
        const loop = [service.code, ...codes, service.code];
        throw new ConflictError(
          `Service ${service.code} cannot depend on ${target.code}: that would make the cycle ${loop.join(" → ")}`,
          { cycle: loop },
        );
      }
      await manager.insert(ServiceDependency, key);
      return serviceRecords.touch(manager, service, "dependency added", actor, addedTo("dependsOn", target.id));
    });
  }

  /** Removes the service's dependency on `link.dependsOnId`. */
  remove(link: ServiceDependencyLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await loadChangeable(manager, link);
      const result = await manager.delete(ServiceDependency, { serviceId: service.id, dependsOnId: link.dependsOnId });
      if (!result.affected) throw new NotFoundError(`Dependency of service ${service.code}`, link.dependsOnId);
      const change = removedFrom("dependsOn", link.dependsOnId);
      return serviceRecords.touch(manager, service, "dependency removed", actor, change);
    });
  }
}
