import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, createWithUniqueCode, newId, NotFoundError, updateProvided } from "@itsm/kit";
import type { DeactivationClaims } from "../claims/deactivation.claims";
import type { NewContact } from "../contacts/contact.commands";
import { auditedContact, newContact } from "../contacts/contact.commands";
import { Contact } from "../contacts/contact.entity";
import { customerRecords } from "./customer.changes";
import { Customer } from "./customer.entity";
import type { CustomerKind } from "./customer.enums";
import { CustomerStatus } from "./customer.enums";

/** A new customer, possibly with its first contacts (the GraphQL `CreateCustomerInput` is one). */
export interface NewCustomer {
  code: string;
  name: string;
  description: string;
  kind: CustomerKind;
  status: CustomerStatus;
  contacts?: NewContact[] | null;
}

/** Changes to a customer at the version last read; absent fields keep their value. */
export interface CustomerChanges {
  id: string;
  expectedVersion: number;
  name?: string | null;
  description?: string | null;
  kind?: CustomerKind | null;
}

/** A customer's new status, at the version last read. */
export interface StatusChange {
  id: string;
  status: CustomerStatus;
  expectedVersion: number;
}

/** Changes to customers: each one transaction, versioned, audited. */
export class CustomerCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly claims: DeactivationClaims,
  ) {}

  create(input: NewCustomer, actor: Identity): Promise<Customer> {
    return createWithUniqueCode(this.transactor, Customer, input.code, codeTaken, async (manager) => {
      const id = newId();
      const contacts = (input.contacts ?? []).map((contact) => newContact(manager, id, contact));
      // Audited before the insert: TypeORM may merge reloaded defaults into a batch in another order.
      const auditedContacts = contacts.map(auditedContact);
      const values = { id, code: input.code, name: input.name, description: input.description, kind: input.kind };
      const created = await customerRecords.insert(
        manager,
        { ...values, status: input.status },
        actor,
        contacts.length > 0 ? [addedTo("contacts", auditedContacts)] : [],
      );
      // The customer is there (and recorded as created with them): its contacts can refer to it.
      if (contacts.length > 0) await manager.insert(Contact, contacts);
      return created;
    });
  }

  update(input: CustomerChanges, actor: Identity): Promise<Customer> {
    return updateProvided(this.transactor, customerRecords, input, ["name", "description", "kind"], actor);
  }

  /**
   * Deactivating first claims the deactivation with the agreements subgraph (see
   * DeactivationClaims). Reactivating gives the claim back; so does a deactivation that is then not
   * committed here.
   */
  async setStatus(input: StatusChange, actor: Identity): Promise<Customer> {
    const deactivating = input.status === CustomerStatus.INACTIVE;
    if (deactivating) {
      // An unknown customer is NOT_FOUND here: the agreements subgraph is not asked to claim it.
      const known = await this.transactor.run((manager) => manager.existsBy(Customer, { id: input.id }));
      if (!known) throw new NotFoundError("Customer", input.id.length > 40 ? `${input.id.slice(0, 40)}…` : input.id);
      const claim = await this.claims.claim(input.id, actor);
      if (!claim.granted) {
        throw new ConflictError(
          `Customer "${input.id}" is party to ACTIVE agreements ${claim.blockingAgreements.join(", ")}: it cannot be deactivated until they end`,
          { agreements: claim.blockingAgreements },
        );
      }
    }
    // Reactivating gives the claim back first: if that fails, nothing changes.
    if (!deactivating) await this.claims.release(input.id, actor);
    try {
      return await this.changeStatus(input, actor);
    } catch (error) {
      // Keep a claim that a committed deactivation (this one raced by another) still needs.
      const now = await this.transactor.run((manager) => manager.findOneBy(Customer, { id: input.id }));
      if (deactivating && now?.status !== CustomerStatus.INACTIVE)
        await this.claims.release(input.id, actor).catch(() => undefined);
      throw error;
    }
  }

  private changeStatus(input: StatusChange, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const current = await customerRecords.load(manager, input.id, input.expectedVersion);
      if (current.status === input.status) {
        throw new ConflictError(`Customer ${current.code} is already ${current.status}`, { status: current.status });
      }
      const action = input.status === CustomerStatus.ACTIVE ? "activated" : "deactivated";
      return customerRecords.change(manager, current, { status: input.status }, actor, { action, fields: ["status"] });
    });
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A customer with code ${code} already exists`, { takenCode: code });
}
