import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createLogger, createSubgraphServer } from "@itsm/kit";
import { OPERATIONS_IDENTITY } from "./catalogue/catalogue.client";
import type { OperationsContext } from "./operations.context";
import { PerformanceRefresher } from "./performance/performance.refresher";
import { subgraph } from "./subgraph";

/** Opens the operations database and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<OperationsContext>> {
  return createSubgraphServer(subgraph, config, logger);
}

/** The job that keeps the report's stored figures, sharing the server's connections and clock; not started. */
export function createPerformanceRefresher(
  server: SubgraphServer<OperationsContext>,
  options: { intervalSeconds: number; logger?: Logger; holder?: string; budgetMs?: number },
): PerformanceRefresher {
  const { performanceStore, catalogueClient, transactor, now } = server.createContext(OPERATIONS_IDENTITY);
  return new PerformanceRefresher({
    store: performanceStore,
    catalogue: catalogueClient,
    transactor,
    now,
    logger: options.logger ?? createLogger("operations", "silent"),
    intervalSeconds: options.intervalSeconds,
    budgetMs: options.budgetMs,
    holder: options.holder,
  });
}
