import type { Identity, Transactor } from "@itsm/kit";
import { ConflictError, InvalidReferenceError, NotFoundError } from "@itsm/kit";
import type { ServiceLink } from "../it-services/service.changes";
import { loadChangeable, serviceRecords } from "../it-services/service.changes";
import type { Service } from "../it-services/service.entity";
import { Component } from "./component.entity";
import { ServiceComponent } from "./service-component.entity";

/** Which components a service is made of: each change one transaction that bumps the service's version. */
export class ServiceComponentCommands {
  constructor(private readonly transactor: Transactor) {}

  /** Makes the component `link.targetId` part of the service. */
  attach(link: ServiceLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await loadChangeable(manager, link);
      if (!(await manager.exists(Component, { where: { id: link.targetId } }))) {
        throw new InvalidReferenceError(`Component "${link.targetId}" does not exist`, { ids: [link.targetId] });
      }
      const key = { serviceId: service.id, componentId: link.targetId };
      if (await manager.exists(ServiceComponent, { where: key })) {
        throw new ConflictError(`Component "${link.targetId}" is already part of service ${service.code}`);
      }
      await manager.insert(ServiceComponent, key);
      return serviceRecords.touch(manager, service, "component attached", actor, {
        field: "components",
        from: null,
        to: JSON.stringify(link.targetId),
      });
    });
  }

  /** Removes the component `link.targetId` from the service. */
  detach(link: ServiceLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await loadChangeable(manager, link);
      const key = { serviceId: service.id, componentId: link.targetId };
      const result = await manager.delete(ServiceComponent, key);
      if (!result.affected) throw new NotFoundError(`Component of service ${service.code}`, link.targetId);
      return serviceRecords.touch(manager, service, "component detached", actor, {
        field: "components",
        from: JSON.stringify(link.targetId),
        to: null,
      });
    });
  }
}
