import type { NewContact } from "../contacts/contact.commands";
import type { NewCustomer } from "../customers/customer.commands";
import type { NewProvider } from "../providers/provider.commands";

/** A contact of a sample customer, as `addContact` would take it (the phone only where known). */
export interface SampleContact extends NewContact {
  phone?: string;
}

/** A sample customer with its contacts, as `createCustomer` would take it. */
export interface SampleCustomer extends NewCustomer {
  contacts: SampleContact[];
}

/** A sample service provider, as `createProvider` would take it. */
export type SampleProvider = NewProvider;
