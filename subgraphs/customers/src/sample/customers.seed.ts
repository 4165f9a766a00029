import { sampleId } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Contact } from "../contacts/contact.entity";
import { Customer } from "../customers/customer.entity";
import { Provider } from "../providers/provider.entity";
import { sampleCustomers, sampleProviders } from "./customers.sample";

/** Writes the sample customers, contacts and providers through the given transaction's manager. */
export async function seedCustomers(manager: EntityManager): Promise<void> {
  await manager.insert(
    Customer,
    sampleCustomers.map((c) => ({
      id: sampleId.customer(c.code),
      code: c.code,
      name: c.name,
      description: c.description,
      kind: c.kind,
      status: c.status,
      version: 1,
    })),
  );
  await manager.insert(
    Contact,
    sampleCustomers.flatMap((c) =>
      c.contacts.map((contact) => ({
        id: sampleId.contact(c.code, contact.email),
        customerId: sampleId.customer(c.code),
        name: contact.name,
        email: contact.email,
        role: contact.role,
        phone: contact.phone ?? null,
      })),
    ),
  );
  await manager.insert(
    Provider,
    sampleProviders.map((p) => ({
      id: sampleId.provider(p.code),
      code: p.code,
      name: p.name,
      description: p.description,
      kind: p.kind,
      version: 1,
    })),
  );
}
