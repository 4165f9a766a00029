import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyOf, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { CustomerCommands } from "./customer.commands";
import { CustomerService } from "./customer.service";
import { ProviderCommands } from "./provider.commands";
import { ProviderService } from "./provider.service";
import type { CustomerScope, ProviderScope } from "./customers.scope";
import { customerScopeOf, providerScopeOf } from "./customers.scope";

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

/**
 * Per-request loaders: every relation is fetched in one batch per request, and only the rows the
 * caller's scope lets it read (they close over the request's scopes).
 */
export function createCustomersLoaders(
  { customers, providers, dataSource }: CustomersServices,
  scopes: { customers: CustomerScope; providers: ProviderScope },
) {
  return {
    customerById: loader((ids: readonly string[]) => customers.byIds(ids, scopes.customers)),
    customerByCode: loader((codes: readonly string[]) => customers.byCodes(codes, scopes.customers)),
    contactsByCustomer: loader((ids: readonly string[]) => customers.contactsOf(ids)),
    providerById: loader((ids: readonly string[]) => providers.byIds(ids, scopes.providers)),
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
  /** The customers the caller may read (derived once per request from its identity). */
  customerScope: CustomerScope;
}

export function createCustomersContext(services: CustomersServices, identity: Identity): CustomersContext {
  const customerScope = customerScopeOf(identity);
  const loaders = createCustomersLoaders(services, { customers: customerScope, providers: providerScopeOf(identity) });
  return { ...services, identity, customerScope, loaders };
}
