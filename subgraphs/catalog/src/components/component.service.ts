import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, findGrouped, paginate } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { Component } from "./component.entity";
import type { ComponentCriteria } from "./component.filters";
import { COMPONENT_ORDER, filterComponents } from "./component.filters";
import { ServiceComponent } from "./service-component.entity";

/** Reads the components services are built from, and which services are made of which. */
export class ComponentService {
  constructor(private readonly dataSource: DataSource) {}

  private get components() {
    return this.dataSource.getRepository(Component);
  }

  private get parts() {
    return this.dataSource.getRepository(ServiceComponent);
  }

  async byIds(ids: readonly string[]): Promise<(Component | null)[]> {
    return findAligned(this.components, "id", ids);
  }

  /** A page of components ordered by name. */
  async list(criteria: ComponentCriteria | null | undefined, page: PageRequest): Promise<Page<Component>> {
    const query = this.components.createQueryBuilder("component");
    filterComponents(query, criteria);
    return paginate(query, page, COMPONENT_ORDER);
  }

  /** Ids of the components each service is made of. */
  async componentIdsOf(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.parts, "serviceId", serviceIds, (l) => l.componentId);
  }

  /** Ids of the services each component is part of. */
  async serviceIdsUsing(componentIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.parts, "componentId", componentIds, (l) => l.serviceId);
  }
}
