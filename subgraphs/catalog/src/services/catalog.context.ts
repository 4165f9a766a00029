import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyOf, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { ComponentCommands } from "./component.commands";
import { ComponentService } from "./component.service";
import { ServiceCommands } from "./service.commands";
import { ServiceService } from "./service.service";

/** The catalog's services, created once per process around its data source. */
export interface CatalogServices {
  services: ServiceService;
  components: ComponentService;
  serviceCommands: ServiceCommands;
  componentCommands: ComponentCommands;
  dataSource: DataSource;
}

export function createCatalogServices(dataSource: DataSource, config: SubgraphConfig): CatalogServices {
  const transactor = new Transactor(dataSource);
  const agreements = new SubgraphClient(
    "agreements",
    config.peerUrls.agreements,
    config.peerTimeoutMs,
    config.internalSecret,
  );
  return {
    services: new ServiceService(dataSource),
    components: new ComponentService(dataSource),
    serviceCommands: new ServiceCommands(transactor, agreements),
    componentCommands: new ComponentCommands(transactor),
    dataSource,
  };
}

/** Per-request loaders: every relation is fetched in one batch per request, whatever the page size. */
export function createCatalogLoaders({ services, components, dataSource }: CatalogServices) {
  return {
    serviceById: loader((ids: readonly string[]) => services.byIds(ids)),
    serviceByCode: loader((codes: readonly string[]) => services.byCodes(codes)),
    componentById: loader((ids: readonly string[]) => components.byIds(ids)),
    componentIdsByService: loader((ids: readonly string[]) => services.componentIdsOf(ids)),
    serviceIdsByComponent: loader((ids: readonly string[]) => services.serviceIdsUsing(ids)),
    impactedServiceIdsByComponent: loader((ids: readonly string[]) => services.impactedServiceIdsOf(ids)),
    dependencyIdsByService: loader((ids: readonly string[]) => services.dependencyIdsOf(ids)),
    dependentIdsByService: loader((ids: readonly string[]) => services.dependentIdsOf(ids)),
    serviceHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Service", ids)),
    componentHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Component", ids)),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;

/** What every catalog resolver receives. */
export interface CatalogContext extends CatalogServices {
  loaders: CatalogLoaders;
  identity: Identity;
}

export function createCatalogContext(services: CatalogServices, identity: Identity): CatalogContext {
  return { ...services, identity, loaders: createCatalogLoaders(services) };
}
