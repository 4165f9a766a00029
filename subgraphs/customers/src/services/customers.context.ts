import { loader } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { CustomerService } from "./customer.service";
import { ProviderService } from "./provider.service";

/** The customers subgraph's services, created once per process around its data source. */
export interface CustomersServices {
  customers: CustomerService;
  providers: ProviderService;
}

export function createCustomersServices(dataSource: DataSource): CustomersServices {
  return { customers: new CustomerService(dataSource), providers: new ProviderService(dataSource) };
}

/** Per-request loaders: every relation is fetched in one batch per request. */
export function createCustomersLoaders({ customers, providers }: CustomersServices) {
  return {
    customerById: loader((ids: readonly string[]) => customers.byIds(ids)),
    customerByCode: loader((codes: readonly string[]) => customers.byCodes(codes)),
    contactsByCustomer: loader((ids: readonly string[]) => customers.contactsOf(ids)),
    providerById: loader((ids: readonly string[]) => providers.byIds(ids)),
    providerByCode: loader((codes: readonly string[]) => providers.byCodes(codes)),
  };
}

export type CustomersLoaders = ReturnType<typeof createCustomersLoaders>;

/** What every customers resolver receives. */
export interface CustomersContext extends CustomersServices {
  loaders: CustomersLoaders;
}

export function createCustomersContext(services: CustomersServices): CustomersContext {
  return { ...services, loaders: createCustomersLoaders(services) };
}
