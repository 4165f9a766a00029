import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import type { CustomersContext } from "./customers.context";
import { subgraph } from "./subgraph";

/** Opens the customers database and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<CustomersContext>> {
  return createSubgraphServer(subgraph, config, logger);
}
