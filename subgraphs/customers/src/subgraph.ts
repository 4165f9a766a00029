import "reflect-metadata";
import type { SubgraphSpec } from "@itsm/kit";
import { writePathEntities } from "@itsm/kit";
import { Contact } from "./contacts/contact.entity";
import type { CustomersContext } from "./customers.context";
import { createCustomersContext, createCustomersServices } from "./customers.context";
import { Customer } from "./customers/customer.entity";
import { customersMigrations } from "./migrations";
import { Provider } from "./providers/provider.entity";
import { seedCustomers } from "./sample/customers.seed";
import { seedSyntheticCustomers } from "./sample/customers.synthetic";
import { buildSchema } from "./schema";

/** Every table of the customers database. */
export const customerEntities = [Customer, Contact, Provider, ...writePathEntities];

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
