import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { operationsEntities } from "./entities";
import { Incident } from "./incidents/incident.entity";
import { operationsMigrations } from "./migrations";
import type { OperationsContext, OperationsOptions } from "./operations.context";
import { createOperationsContext, createOperationsServices } from "./operations.context";
import { seedOperations } from "./sample/operations.seed";
import { seedSyntheticOperations } from "./sample/operations.synthetic";
import { buildSchema } from "./schema";

/** The operations subgraph with its options (tests fix the clock); `subgraph` is the one the server runs. */
export function operationsSubgraph(options: OperationsOptions = {}): SubgraphSpec<OperationsContext> {
  return {
    name: "operations",
    entities: operationsEntities,
    migrations: operationsMigrations,
    sample: { marker: Incident, seed: (manager) => seedOperations(manager) },
    synthetic: (manager, scale, progress) => seedSyntheticOperations(manager, scale, progress),
    buildSchema,
    contextFactory: (dataSource, config) => {
      const services = createOperationsServices(dataSource, config, options);
      return (identity) => createOperationsContext(services, identity);
    },
  };
}

/** The operations subgraph: what the server, `npm run compose`, `migrate` and `seed` work from. */
export const subgraph: SubgraphSpec<OperationsContext> = operationsSubgraph();
