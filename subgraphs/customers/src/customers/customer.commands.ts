import type { Identity, Transactor } from "@itsm/kit";
import {
  changesBetween,
  ConflictError,
  isUniqueViolation,
  loadForChange,
  newId,
  providedFields,
  updateVersioned,
} from "@itsm/kit";
import type { DeactivationClaims } from "../claims/deactivation.claims";
import type { NewContact } from "../contacts/contact.commands";
import { auditedContact, newContact } from "../contacts/contact.commands";
import { Contact } from "../contacts/contact.entity";
import { auditCustomer } from "./customer.changes";
import { Customer } from "./customer.entity";
import type { CustomerKind } from "./customer.enums";
import { CustomerStatus } from "./customer.enums";

const AUDITED: (keyof Customer & string)[] = ["code", "name", "description", "kind", "status"];

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

  async create(input: NewCustomer, actor: Identity): Promise<Customer> {
    try {
      return await this.transactor.run(async (manager) => {
        if (await manager.exists(Customer, { where: { code: input.code } })) throw codeTaken(input.code);
        const id = newId();
        await manager.insert(Customer, {
          id,
          code: input.code,
          name: input.name,
          description: input.description,
          kind: input.kind,
          status: input.status,
        });
        const contacts = (input.contacts ?? []).map((contact) => newContact(manager, id, contact));
        // Audited before the insert: TypeORM may merge reloaded defaults into a batch in another order.
        const auditedContacts = contacts.map(auditedContact);
        if (contacts.length > 0) await manager.insert(Contact, contacts);
        const created = await manager.findOneByOrFail(Customer, { id });
        const changes = changesBetween(null, created, AUDITED);
        if (contacts.length > 0) {
          changes.push({ field: "contacts", from: null, to: JSON.stringify(auditedContacts) });
        }
        await auditCustomer(manager, created, "created", actor, changes);
        return created;
      });
    } catch (error) {
      // Two concurrent creates of one code: the unique index turns the loser away.
      if (isUniqueViolation(error)) throw codeTaken(input.code);
      throw error;
    }
  }

  update(input: CustomerChanges, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Customer, "Customer", input.id, input.expectedVersion);
      const patch = providedFields<Customer>(input, ["name", "description", "kind"]);
      const changes = changesBetween(current, { ...current, ...patch }, AUDITED);
      if (changes.length === 0) return current;
      const updated = await updateVersioned(manager, Customer, "Customer", current, patch);
      await auditCustomer(manager, updated, "updated", actor, changes);
      return updated;
    });
  }

  /**
   * Deactivating first claims the deactivation with the agreements subgraph (see
   * DeactivationClaims). Reactivating gives the claim back; so does a deactivation that is then not
   * committed here.
   */
  async setStatus(input: StatusChange, actor: Identity): Promise<Customer> {
    const deactivating = input.status === CustomerStatus.INACTIVE;
    if (deactivating) {
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
      const current = await loadForChange(manager, Customer, "Customer", input.id, input.expectedVersion);
      if (current.status === input.status) {
        throw new ConflictError(`Customer ${current.code} is already ${current.status}`, { status: current.status });
      }
      const updated = await updateVersioned(manager, Customer, "Customer", current, { status: input.status });
      const action = input.status === CustomerStatus.ACTIVE ? "activated" : "deactivated";
      await auditCustomer(manager, updated, action, actor, changesBetween(current, updated, ["status"]));
      return updated;
    });
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A customer with code ${code} already exists`, { takenCode: code });
}
