import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyLoader, loader, OperationSelection, peerClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { DeactivationClaims } from "./claims/deactivation.claims";
import { ContactCommands } from "./contacts/contact.commands";
import { CustomerCommands } from "./customers/customer.commands";
import type { CustomerScope } from "./customers/customer.scope";
import { customerScopeOf } from "./customers/customer.scope";
import { CustomerService } from "./customers/customer.service";
import { ProviderCommands } from "./providers/provider.commands";
import type { ProviderScope } from "./providers/provider.scope";
import { providerScopeOf } from "./providers/provider.scope";
import { ProviderService } from "./providers/provider.service";

/** The customers subgraph's services, created once per process around its data source. */
export interface CustomersServices {
  customers: CustomerService;
  providers: ProviderService;
  customerCommands: CustomerCommands;
  contactCommands: ContactCommands;
  providerCommands: ProviderCommands;
  dataSource: DataSource;
}

export function createCustomersServices(dataSource: DataSource, config: SubgraphConfig): CustomersServices {
  const transactor = new Transactor(dataSource);
  return {
    customers: new CustomerService(dataSource),
    providers: new ProviderService(dataSource),
    customerCommands: new CustomerCommands(transactor, new DeactivationClaims(peerClient(config, "agreements"))),
    contactCommands: new ContactCommands(transactor),
    providerCommands: new ProviderCommands(transactor),
    dataSource,
  };
}

/**
 * Per-request loaders: every relation is fetched in one batch per request, and only the rows the
 * caller's scope lets it read (they close over the request's scopes). The by-id loaders read only the
 * columns the request's operation selects on their type (`selection`): their rows serve those fields only.
 */
export function createCustomersLoaders(
  { customers, providers, dataSource }: CustomersServices,
  scopes: { customers: CustomerScope; providers: ProviderScope },
  selection: OperationSelection,
) {
  return {
    // Partial rows (the columns the operation selects on their type): for Customer/Provider fields only.
    selectedCustomerById: loader((ids: readonly string[]) => customers.selectedByIds(ids, scopes.customers, selection)),
    customerByCode: loader((codes: readonly string[]) => customers.byCodes(codes, scopes.customers)),
    contactsByCustomer: loader((ids: readonly string[]) => customers.contactsOf(ids)),
    selectedProviderById: loader((ids: readonly string[]) => providers.selectedByIds(ids, scopes.providers, selection)),
    providerByCode: loader((codes: readonly string[]) => providers.byCodes(codes)),
    customerHistory: historyLoader(dataSource, "Customer"),
    providerHistory: historyLoader(dataSource, "Provider"),
  };
}

export type CustomersLoaders = ReturnType<typeof createCustomersLoaders>;

/** What every customers resolver receives. */
export interface CustomersContext extends CustomersServices {
  loaders: CustomersLoaders;
  identity: Identity;
  /** The customers the caller may read (derived once per request from its identity). */
  customerScope: CustomerScope;
  /** What the request's operation selects (filled by the executor): reads of only the columns it needs. */
  selection: OperationSelection;
}

export function createCustomersContext(services: CustomersServices, identity: Identity): CustomersContext {
  const customerScope = customerScopeOf(identity);
  const selection = new OperationSelection();
  const scopes = { customers: customerScope, providers: providerScopeOf(identity) };
  const loaders = createCustomersLoaders(services, scopes, selection);
  return { ...services, identity, customerScope, selection, loaders };
}
