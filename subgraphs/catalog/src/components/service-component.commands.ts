import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, InvalidReferenceError, NotFoundError, removedFrom } from "@itsm/kit";
import type { ServiceRelationChange } from "../it-services/service.changes";
import { loadChangeable, serviceRecords } from "../it-services/service.changes";
import type { Service } from "../it-services/service.entity";
import { Component } from "./component.entity";
import { ServiceComponent } from "./service-component.entity";

/** A component to attach to or detach from a service. */
export interface ServiceComponentLink extends ServiceRelationChange {
  componentId: string;
}

/** Which components a service is made of: each change one transaction that bumps the service's version. */
export class ServiceComponentCommands {
  constructor(private readonly transactor: Transactor) {}

  /** Makes the component `link.componentId` part of the service. */
  attach(link: ServiceComponentLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await loadChangeable(manager, link);
      if (!(await manager.exists(Component, { where: { id: link.componentId } }))) {
        throw new InvalidReferenceError(`Component "${link.componentId}" does not exist`, { ids: [link.componentId] });
      }
      const key = { serviceId: service.id, componentId: link.componentId };
      if (await manager.exists(ServiceComponent, { where: key })) {
        throw new ConflictError(`Component "${link.componentId}" is already part of service ${service.code}`);
      }
      await manager.insert(ServiceComponent, key);
      return serviceRecords.touch(
        manager,
        service,
        "component attached",
        actor,
        addedTo("components", link.componentId),
      );
    });
  }

  /** Removes the component `link.componentId` from the service. */
  detach(link: ServiceComponentLink, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await loadChangeable(manager, link);
      const key = { serviceId: service.id, componentId: link.componentId };
      const result = await manager.delete(ServiceComponent, key);
      if (!result.affected) throw new NotFoundError(`Component of service ${service.code}`, link.componentId);
      const change = removedFrom("components", link.componentId);
      return serviceRecords.touch(manager, service, "component detached", actor, change);
    });
  }
}
