import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import type { AgreementsContext } from "./agreements.context";
import { subgraph } from "./subgraph";

/** Opens the agreements database and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<AgreementsContext>> {
  return createSubgraphServer(subgraph, config, logger);
}
