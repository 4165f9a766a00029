import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import type { OperationsContext } from "./operations.context";
import { subgraph } from "./subgraph";

/** Opens the operations database and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<OperationsContext>> {
  return createSubgraphServer(subgraph, config, logger);
}
