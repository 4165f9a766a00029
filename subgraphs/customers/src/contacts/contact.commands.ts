import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, newId, NotFoundError, removedFrom } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { customerRecords } from "../customers/customer.changes";
import { Customer } from "../customers/customer.entity";
import { CustomerStatus } from "../customers/customer.enums";
import { Contact } from "./contact.entity";
import type { ContactRole } from "./contact.enums";

/** A person at a customer (the GraphQL `NewContactInput` is one). */
export interface NewContact {
  name: string;
  email: string;
  role: ContactRole;
  phone?: string | null;
}

/** A new contact for an existing customer; `expectedVersion` is the customer's, checked when given. */
export interface ContactAddition extends NewContact {
  customerId: string;
  expectedVersion?: number | null;
}

/** A contact to remove; `expectedVersion` is its customer's, checked when given. */
export interface ContactRemoval {
  contactId: string;
  expectedVersion?: number | null;
}

/** A contact as the customer's audit trail records it. */
export function auditedContact({ id, name, email, role, phone }: Contact) {
  return { id, name, email, role, phone };
}

/** The row of a new contact of this customer (not yet inserted). */
export function newContact(manager: EntityManager, customerId: string, input: NewContact): Contact {
  return manager.create(Contact, {
    id: newId(),
    customerId,
    name: input.name,
    email: input.email,
    role: input.role,
    phone: input.phone ?? null,
  });
}

/**
 * Changes to a customer's contacts: each one transaction that bumps the customer's version. The
 * customer's row is held until the transaction ends: `expectedVersion` is optional here, and without
 * the lock two concurrent contact changes would both read the same version and the later one would
 * fail for no reason the client could see. The embedded database already runs one transaction at a time.
 */
export class ContactCommands {
  constructor(private readonly transactor: Transactor) {}

  add(input: ContactAddition, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const customer = await customerRecords.load(manager, input.customerId, input.expectedVersion, { lock: true });
      if (customer.status !== CustomerStatus.ACTIVE) {
        throw new ConflictError(`Customer ${customer.code} is ${customer.status}: it gets no new contacts`, {
          status: customer.status,
        });
      }
      const duplicate = await manager
        .createQueryBuilder(Contact, "contact")
        .where("contact.customerId = :customerId", { customerId: customer.id })
        .andWhere("contact.role = :role", { role: input.role })
        .andWhere("LOWER(contact.email) = :email", { email: input.email.toLowerCase() })
        .getOne();
      if (duplicate) {
        throw new ConflictError(
          `Customer ${customer.code} already has ${duplicate.email} as ${duplicate.role} contact`,
          { contactId: duplicate.id },
        );
      }
      const contact = newContact(manager, customer.id, input);
      const added = addedTo("contacts", auditedContact(contact));
      await manager.insert(Contact, contact);
      return customerRecords.touch(manager, customer, "contact added", actor, added);
    });
  }

  remove(input: ContactRemoval, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const found = await manager.findOneBy(Contact, { id: input.contactId });
      if (!found) throw new NotFoundError("Contact", input.contactId);
      const customer = await customerRecords.load(manager, found.customerId, input.expectedVersion, { lock: true });
      // Read again under the customer's lock: a concurrent removal may have come first.
      const contact = await manager.findOneBy(Contact, { id: input.contactId });
      if (!contact) throw new NotFoundError("Contact", input.contactId);
      await manager.delete(Contact, { id: contact.id });
      const removed = removedFrom("contacts", auditedContact(contact));
      return customerRecords.touch(manager, customer, "contact removed", actor, removed);
    });
  }
}
