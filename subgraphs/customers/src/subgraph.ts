import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { Customer, customerEntities } from "./entities";
import { customersMigrations } from "./migrations";
import { seedCustomers } from "./sample/customers.seed";
import { seedSyntheticCustomers } from "./sample/customers.synthetic";
import { buildSchema } from "./schema";
import type { CustomersContext } from "./services/customers.context";
import { createCustomersContext, createCustomersServices } from "./services/customers.context";

/** The customers subgraph: what the server, `npm run compose`, `migrate` and `seed` work from. */
export const subgraph: SubgraphSpec<CustomersContext> = {
  name: "customers",
  entities: customerEntities,
  migrations: customersMigrations,
  sample: { marker: Customer, seed: seedCustomers },
  synthetic: seedSyntheticCustomers,
  buildSchema,
  contextFactory: (dataSource, config) => {
    const services = createCustomersServices(dataSource, config);
    return (identity) => createCustomersContext(services, identity);
  },
};
