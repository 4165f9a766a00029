import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { catalogEntities, Service } from "./entities";
import { catalogMigrations } from "./migrations";
import { seedCatalog } from "./sample/catalog.seed";
import { seedSyntheticCatalog } from "./sample/catalog.synthetic";
import { buildSchema } from "./schema";
import type { CatalogContext } from "./services/catalog.context";
import { createCatalogContext, createCatalogServices } from "./services/catalog.context";

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
