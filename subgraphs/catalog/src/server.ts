import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import type { CatalogContext } from "./catalog.context";
import { subgraph } from "./subgraph";

/** Opens the catalog database and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<CatalogContext>> {
  return createSubgraphServer(subgraph, config, logger);
}
