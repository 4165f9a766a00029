import type { Identity, Transactor } from "@itsm/kit";
import { ConflictError, InvalidReferenceError, lockNamed, NotFoundError } from "@itsm/kit";
import type { ServiceLink } from "../it-services/service.changes";
import { loadChangeable, serviceRecords } from "../it-services/service.changes";
import { Service } from "../it-services/service.entity";
import { ServiceLifecycle } from "../it-services/service.enums";
import { codesOf, dependencyPath } from "./dependency.rules";
import { ServiceDependency } from "./service-dependency.entity";

/** Which services a service depends on: each change one transaction that bumps the dependent's version. */
export class DependencyCommands {
  constructor(private readonly transactor: Transactor) {}

  /** Records that the service depends on `link.targetId`; refused if the graph would get a cycle. */
  add(link: ServiceLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      // One dependency change at a time: two concurrent edges could otherwise close a cycle together.
      await lockNamed(manager, "catalog:dependency-graph");
      const service = await loadChangeable(manager, link);
      const target = await manager.findOneBy(Service, { id: link.targetId });
      if (!target)
        throw new InvalidReferenceError(`Service "${link.targetId}" does not exist`, { ids: [link.targetId] });
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
      return serviceRecords.touch(manager, service, "dependency added", actor, {
        field: "dependsOn",
        from: null,
        to: JSON.stringify(target.id),
      });
    });
  }

  /** Removes the service's dependency on `link.targetId`. */
  remove(link: ServiceLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await loadChangeable(manager, link);
      const result = await manager.delete(ServiceDependency, { serviceId: service.id, dependsOnId: link.targetId });
      if (!result.affected) throw new NotFoundError(`Dependency of service ${service.code}`, link.targetId);
      return serviceRecords.touch(manager, service, "dependency removed", actor, {
        field: "dependsOn",
        from: JSON.stringify(link.targetId),
        to: null,
      });
    });
  }
}
