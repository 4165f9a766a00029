import type { Identity, SubgraphClient } from "@itsm/kit";
import type { AlertRecipient } from "./alert.types";

/** The contact roles an alert about an SLA goes to. */
export const ALERTED_ROLES = ["ESCALATION", "BUSINESS_OWNER"];

interface CustomerContacts {
  contacts: { name: string; email: string; role: string }[];
}

/**
 * Who alerts go to, asked of the customers subgraph (signed as the caller, batched by the
 * loaders): a customer's ESCALATION and BUSINESS_OWNER contacts; for an OLA or contract the
 * provider itself, by name, as providers have no contacts there yet.
 */
export class AlertRecipientService {
  constructor(private readonly customers: SubgraphClient) {}

  async contactsOf(customerIds: readonly string[], caller: Identity): Promise<AlertRecipient[][]> {
    const found = await this.customers.entities<CustomerContacts>(
      "Customer",
      customerIds,
      "contacts { name email role }",
      caller,
    );
    return found.map((customer) =>
      (customer?.contacts ?? [])
        .filter((c) => ALERTED_ROLES.includes(c.role))
        .map((c) => ({ name: c.name, email: c.email, role: c.role })),
    );
  }

  async providersOf(providerIds: readonly string[], caller: Identity): Promise<(AlertRecipient | null)[]> {
    const found = await this.customers.entities<{ name: string }>("Provider", providerIds, "name", caller);
    return found.map((provider) => (provider ? { name: provider.name, email: null, role: "PROVIDER" } : null));
  }
}
