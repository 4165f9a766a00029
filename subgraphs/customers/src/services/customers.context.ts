import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyOf, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { CustomerCommands } from "./customer.commands";
import { CustomerService } from "./customer.service";
import { ProviderCommands } from "./provider.commands";
import { ProviderService } from "./provider.service";

/** The customers subgraph's services, created once per process around its data source. */
export interface CustomersServices {
  customers: CustomerService;
  providers: ProviderService;
  customerCommands: CustomerCommands;
  providerCommands: ProviderCommands;
  dataSource: DataSource;
}

export function createCustomersServices(dataSource: DataSource, config: SubgraphConfig): CustomersServices {
  const transactor = new Transactor(dataSource);
  const agreements = new SubgraphClient(
    "agreements",
    config.peerUrls.agreements,
    config.peerTimeoutMs,
    config.internalSecret,
  );
  return {
    customers: new CustomerService(dataSource),
    providers: new ProviderService(dataSource),
    customerCommands: new CustomerCommands(transactor, agreements),
    providerCommands: new ProviderCommands(transactor),
    dataSource,
  };
}

/** Per-request loaders: every relation is fetched in one batch per request. */
export function createCustomersLoaders({ customers, providers, dataSource }: CustomersServices) {
  return {
    customerById: loader((ids: readonly string[]) => customers.byIds(ids)),
    customerByCode: loader((codes: readonly string[]) => customers.byCodes(codes)),
    contactsByCustomer: loader((ids: readonly string[]) => customers.contactsOf(ids)),
    providerById: loader((ids: readonly string[]) => providers.byIds(ids)),
    providerByCode: loader((codes: readonly string[]) => providers.byCodes(codes)),
    customerHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Customer", ids)),
    providerHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Provider", ids)),
  };
}

export type CustomersLoaders = ReturnType<typeof createCustomersLoaders>;

/** What every customers resolver receives. */
export interface CustomersContext extends CustomersServices {
  loaders: CustomersLoaders;
  identity: Identity;
}

export function createCustomersContext(services: CustomersServices, identity: Identity): CustomersContext {
  return { ...services, identity, loaders: createCustomersLoaders(services) };
}
