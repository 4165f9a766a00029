import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { operationsEntities } from "./entities";
import { Incident } from "./incidents/incident.entity";
import { operationsMigrations } from "./migrations";
import type { OperationsContext } from "./operations.context";
import { createOperationsContext, createOperationsServices } from "./operations.context";
import { seedOperations } from "./sample/operations.seed";
import { seedSyntheticOperations } from "./sample/operations.synthetic";
import { buildSchema } from "./schema";

/** The operations subgraph: what the server, `npm run compose`, `migrate` and `seed` work from. */
export const subgraph: SubgraphSpec<OperationsContext> = {
  name: "operations",
  entities: operationsEntities,
  migrations: operationsMigrations,
  sample: { marker: Incident, seed: (manager) => seedOperations(manager) },
  synthetic: (manager, scale, progress) => seedSyntheticOperations(manager, scale, progress),
  buildSchema,
  contextFactory: (dataSource, config) => {
    const services = createOperationsServices(dataSource, config);
    return (identity) => createOperationsContext(services, identity);
  },
};
