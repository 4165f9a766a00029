import { loader } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { ComponentService } from "./component.service";
import { ServiceService } from "./service.service";

/** The catalog's services, created once per process around its data source. */
export interface CatalogServices {
  services: ServiceService;
  components: ComponentService;
}

export function createCatalogServices(dataSource: DataSource): CatalogServices {
  return { services: new ServiceService(dataSource), components: new ComponentService(dataSource) };
}

/** Per-request loaders: every relation is fetched in one batch per request, whatever the page size. */
export function createCatalogLoaders({ services, components }: CatalogServices) {
  return {
    serviceById: loader((ids: readonly string[]) => services.byIds(ids)),
    serviceByCode: loader((codes: readonly string[]) => services.byCodes(codes)),
    componentById: loader((ids: readonly string[]) => components.byIds(ids)),
    componentIdsByService: loader((ids: readonly string[]) => services.componentIdsOf(ids)),
    serviceIdsByComponent: loader((ids: readonly string[]) => services.serviceIdsUsing(ids)),
    impactedServiceIdsByComponent: loader((ids: readonly string[]) => services.impactedServiceIdsOf(ids)),
    dependencyIdsByService: loader((ids: readonly string[]) => services.dependencyIdsOf(ids)),
    dependentIdsByService: loader((ids: readonly string[]) => services.dependentIdsOf(ids)),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;

/** What every catalog resolver receives. */
export interface CatalogContext extends CatalogServices {
  loaders: CatalogLoaders;
}

export function createCatalogContext(services: CatalogServices): CatalogContext {
  return { ...services, loaders: createCatalogLoaders(services) };
}
