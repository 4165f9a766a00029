import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { writePathEntities } from "@itsm/kit";
import type { CatalogContext } from "./catalog.context";
import { createCatalogContext, createCatalogServices } from "./catalog.context";
import { Component } from "./components/component.entity";
import { ServiceComponent } from "./components/service-component.entity";
import { ServiceDependency } from "./dependencies/service-dependency.entity";
import { Service } from "./it-services/service.entity";
import { catalogMigrations } from "./migrations";
import { seedCatalog } from "./sample/catalog.seed";
import { seedSyntheticCatalog } from "./sample/catalog.synthetic";
import { buildSchema } from "./schema";

/** Every table of the catalog database. */
export const catalogEntities = [Service, Component, ServiceComponent, ServiceDependency, ...writePathEntities];

/** The catalog subgraph: what the server, `npm run compose`, `migrate` and `seed` work from. */
export const subgraph: SubgraphSpec<CatalogContext> = {
  name: "catalog",
  entities: catalogEntities,
  migrations: catalogMigrations,
  sample: { marker: Service, seed: seedCatalog },
  synthetic: seedSyntheticCatalog,
  buildSchema,
  contextFactory: (dataSource, config) => {
    const services = createCatalogServices(dataSource, config);
    return (identity) => createCatalogContext(services, identity);
  },
};
