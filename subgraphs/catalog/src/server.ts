import "reflect-metadata";
import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import { catalogEntities, Service } from "./entities";
import { seedCatalog } from "./sample/catalog.seed";
import { buildSchema } from "./schema";
import type { CatalogContext } from "./services/catalog.context";
import { createCatalogContext, createCatalogServices } from "./services/catalog.context";

/** Opens the catalog database (loading the sample into an empty one) and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<CatalogContext>> {
  return createSubgraphServer(
    {
      entities: catalogEntities,
      sample: { marker: Service, seed: seedCatalog },
      buildSchema,
      contextFactory: (dataSource) => {
        const services = createCatalogServices(dataSource);
        return () => createCatalogContext(services);
      },
    },
    config,
    logger,
  );
}
