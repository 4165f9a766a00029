import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyLoader, isStaff, loader, OperationSelection, peerClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { RetirementClaims } from "./claims/retirement.claims";
import { ComponentCommands } from "./components/component.commands";
import { ComponentService } from "./components/component.service";
import { ServiceComponentCommands } from "./components/service-component.commands";
import { DependencyCommands } from "./dependencies/dependency.commands";
import { DependencyService } from "./dependencies/dependency.service";
import { ServiceCommands } from "./it-services/service.commands";
import { catalogueScope, referenceScope } from "./it-services/service.scope";
import { ServiceService } from "./it-services/service.service";

/** The catalog's services, created once per process around its data source. */
export interface CatalogServices {
  services: ServiceService;
  components: ComponentService;
  dependencies: DependencyService;
  serviceCommands: ServiceCommands;
  componentCommands: ComponentCommands;
  serviceComponentCommands: ServiceComponentCommands;
  dependencyCommands: DependencyCommands;
  dataSource: DataSource;
}

export function createCatalogServices(dataSource: DataSource, config: SubgraphConfig): CatalogServices {
  const transactor = new Transactor(dataSource);
  const components = new ComponentService(dataSource);
  return {
    services: new ServiceService(dataSource),
    components,
    dependencies: new DependencyService(dataSource),
    serviceCommands: new ServiceCommands(transactor, new RetirementClaims(peerClient(config, "agreements"))),
    componentCommands: new ComponentCommands(transactor),
    serviceComponentCommands: new ServiceComponentCommands(transactor),
    dependencyCommands: new DependencyCommands(transactor),
    dataSource,
  };
}

/**
 * Per-request loaders: every relation is fetched in one batch per request, whatever the page size.
 * Service loaders answer only what the caller may see (null otherwise), so every field built on them is filtered;
 * they read only the columns the request's operation selects on Service (`selection`): their rows serve those fields only.
 */
export function createCatalogLoaders(
  { services, components, dependencies, dataSource }: CatalogServices,
  identity: Identity,
  selection: OperationSelection,
) {
  const scope = catalogueScope(identity);
  // Partial rows (the columns the operation selects on Service): for Service fields only.
  const selectedServiceById = loader((ids: readonly string[]) => services.selectedByIds(ids, scope, selection));
  const references = referenceScope(identity);
  return {
    selectedServiceById,
    // Staff have one scope for both: sharing the loader keeps their reference batches to one query.
    selectedServiceReferenceById:
      references === scope
        ? selectedServiceById
        : loader((ids: readonly string[]) => services.selectedByIds(ids, references, selection)),
    serviceByCode: loader((codes: readonly string[]) => services.byCodes(codes, scope)),
    // Components are staff-only: to anyone else none exists, so their `_entities` resolve to null.
    componentById: loader((ids: readonly string[]) =>
      isStaff(identity) ? components.byIds(ids) : Promise.resolve(ids.map(() => null)),
    ),
    componentIdsByService: loader((ids: readonly string[]) => components.componentIdsOf(ids)),
    // One loader for both of a component's service lists: resolved together, so the services they
    // name are loaded in one batch whatever order the database answers in (a constant statement count).
    serviceIdsByComponent: loader(async (ids: readonly string[]) => {
      const [direct, impacted] = await Promise.all([
        components.serviceIdsUsing(ids),
        dependencies.impactedServiceIdsOf(ids),
      ]);
      return ids.map((_, i) => ({ direct: direct[i], impacted: impacted[i] }));
    }),
    dependencyIdsByService: loader((ids: readonly string[]) => dependencies.dependencyIdsOf(ids)),
    dependencyClosureIdsByService: loader((ids: readonly string[]) => dependencies.dependencyClosureIdsOf(ids)),
    dependentIdsByService: loader((ids: readonly string[]) => dependencies.dependentIdsOf(ids)),
    serviceHistory: historyLoader(dataSource, "Service"),
    componentHistory: historyLoader(dataSource, "Component"),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;

/** What every catalog resolver receives. */
export interface CatalogContext extends CatalogServices {
  loaders: CatalogLoaders;
  identity: Identity;
  /** What the request's operation selects (filled by the executor): reads of only the columns it needs. */
  selection: OperationSelection;
}

export function createCatalogContext(services: CatalogServices, identity: Identity): CatalogContext {
  const selection = new OperationSelection();
  return { ...services, identity, selection, loaders: createCatalogLoaders(services, identity, selection) };
}
