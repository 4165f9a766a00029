import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, paginate, whereContains, whereIn } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { Component } from "../entities";
import type { ComponentFilter } from "../resolvers/component.inputs";

/** Reads the components services are built from. */
export class ComponentService {
  constructor(private readonly dataSource: DataSource) {}

  private get components() {
    return this.dataSource.getRepository(Component);
  }

  async byIds(ids: readonly string[]): Promise<(Component | null)[]> {
    return findAligned(this.components, "id", ids);
  }

  /** A page of components ordered by name. */
  async list(filter: ComponentFilter | null | undefined, page: PageRequest): Promise<Page<Component>> {
    const query = this.components.createQueryBuilder("component");
    whereContains(query, ["component.name"], filter?.search);
    whereIn(query, "component.kind", filter?.kind);
    return paginate(query, page, {
      sortColumn: "component.name",
      idColumn: "component.id",
      position: (c) => [c.name, c.id],
    });
  }
}
