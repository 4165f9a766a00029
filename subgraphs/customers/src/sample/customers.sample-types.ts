import type { ContactRole } from "../contacts/contact.enums";
import type { CustomerKind, CustomerStatus } from "../customers/customer.enums";
import type { ProviderKind } from "../providers/provider.enums";

export interface SampleContact {
  name: string;
  email: string;
  role: ContactRole;
  phone?: string;
}

export interface SampleCustomer {
  code: string;
  name: string;
  kind: CustomerKind;
  status: CustomerStatus;
  description: string;
  contacts: SampleContact[];
}

export interface SampleProvider {
  code: string;
  name: string;
  kind: ProviderKind;
  description: string;
}
