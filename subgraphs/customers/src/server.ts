import "reflect-metadata";
import type { Logger, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { createSubgraphServer } from "@itsm/kit";
import { Customer, customerEntities } from "./entities";
import { seedCustomers } from "./sample/customers.seed";
import { buildSchema } from "./schema";
import type { CustomersContext } from "./services/customers.context";
import { createCustomersContext, createCustomersServices } from "./services/customers.context";

/** Opens the customers database (loading the sample into an empty one) and builds the server; starts nothing. */
export function createServer(config: SubgraphConfig, logger?: Logger): Promise<SubgraphServer<CustomersContext>> {
  return createSubgraphServer(
    {
      entities: customerEntities,
      sample: { marker: Customer, seed: seedCustomers },
      buildSchema,
      contextFactory: (dataSource) => {
        const services = createCustomersServices(dataSource);
        return () => createCustomersContext(services);
      },
    },
    config,
    logger,
  );
}
