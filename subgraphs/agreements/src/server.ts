import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createLogger, createSubgraphServer } from "@itsm/kit";
import type { AgreementsOptions } from "./agreements.config";
import type { AgreementsContext } from "./agreements.context";
import type { Clock } from "./lifecycle/lifecycle.clock";
import { systemClock } from "./lifecycle/lifecycle.clock";
import { LifecycleScheduler } from "./lifecycle/lifecycle.scheduler";
import { SYSTEM } from "./lifecycle/schedule.commands";
import { agreementsSubgraph } from "./subgraph";

/** Opens the agreements database and builds the server; starts nothing. */
export function createServer(
  config: SubgraphConfig & AgreementsOptions,
  logger?: Logger,
  clock: Clock = systemClock,
): Promise<SubgraphServer<AgreementsContext>> {
  return createSubgraphServer(agreementsSubgraph(clock), config, logger);
}

/** The lifecycle scheduler of a server (sharing its connections and clock); not started. */
export function createLifecycleScheduler(
  server: SubgraphServer<AgreementsContext>,
  options: { intervalSeconds: number; logger?: Logger; holder?: string; leaseSeconds?: number },
): LifecycleScheduler {
  const { commands, transactor, clock } = server.createContext(SYSTEM);
  return new LifecycleScheduler({
    schedule: commands.schedule,
    transactor,
    clock,
    logger: options.logger ?? createLogger("agreements", "silent"),
    intervalSeconds: options.intervalSeconds,
    leaseSeconds: options.leaseSeconds,
    holder: options.holder,
  });
}
