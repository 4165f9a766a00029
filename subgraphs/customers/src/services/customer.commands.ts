import type { FieldChange, Identity, SubgraphClient, Transactor } from "@itsm/kit";
import {
  changesBetween,
  ConflictError,
  isUniqueViolation,
  loadForChange,
  newId,
  NotFoundError,
  providedFields,
  recordChange,
  updateVersioned,
} from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Contact, Customer, CustomerStatus } from "../entities";
import type {
  AddContactInput,
  CreateCustomerInput,
  NewContactInput,
  RemoveContactInput,
  SetCustomerStatusInput,
  UpdateCustomerInput,
} from "../resolvers/customer.inputs";

const AUDITED: (keyof Customer & string)[] = ["code", "name", "description", "kind", "status"];

/** A contact as the customer's audit trail records it. */
function auditedContact({ id, name, email, role, phone }: Contact) {
  return { id, name, email, role, phone };
}

/** Changes to customers and their contacts: each one transaction, versioned, audited. */
export class CustomerCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly agreements: SubgraphClient,
  ) {}

  async create(input: CreateCustomerInput, actor: Identity): Promise<Customer> {
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
        await audit(manager, created, "created", actor, changes);
        return created;
      });
    } catch (error) {
      // Two concurrent creates of one code: the unique index turns the loser away.
      if (isUniqueViolation(error)) throw codeTaken(input.code);
      throw error;
    }
  }

  update(input: UpdateCustomerInput, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Customer, "Customer", input.id, input.expectedVersion);
      const patch = providedFields<Customer>(input, ["name", "description", "kind"]);
      const changes = changesBetween(current, { ...current, ...patch }, AUDITED);
      if (changes.length === 0) return current;
      const updated = await updateVersioned(manager, Customer, "Customer", current, patch);
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }

  /**
   * Deactivating first claims the deactivation with the agreements subgraph, which grants it only
   * while no ACTIVE agreement has the customer as a party and from then on activates none that
   * has: a deactivation and an activation racing each other never both succeed. Reactivating gives
   * the claim back; so does a deactivation that is then not committed here.
   */
  async setStatus(input: SetCustomerStatusInput, actor: Identity): Promise<Customer> {
    const deactivating = input.status === CustomerStatus.INACTIVE;
    if (deactivating) {
      const { claimCustomerDeactivation: claim } = await this.agreements.execute<{
        claimCustomerDeactivation: { granted: boolean; blockingAgreements: string[] };
      }>(
        "mutation ($id: ID!) { claimCustomerDeactivation(customerId: $id) { granted blockingAgreements } }",
        { id: input.id },
        actor,
      );
      if (!claim.granted) {
        throw new ConflictError(
          `Customer "${input.id}" is party to ACTIVE agreements ${claim.blockingAgreements.join(", ")}: it cannot be deactivated until they end`,
          { agreements: claim.blockingAgreements },
        );
      }
    }
    // Reactivating gives the claim back first: if that fails, nothing changes.
    if (!deactivating) await this.releaseClaim(input.id, actor);
    try {
      return await this.changeStatus(input, actor);
    } catch (error) {
      // Keep a claim that a committed deactivation (this one raced by another) still needs.
      const now = await this.transactor.run((manager) => manager.findOneBy(Customer, { id: input.id }));
      if (deactivating && now?.status !== CustomerStatus.INACTIVE)
        await this.releaseClaim(input.id, actor).catch(() => undefined);
      throw error;
    }
  }

  private releaseClaim(customerId: string, actor: Identity): Promise<unknown> {
    return this.agreements.execute(
      "mutation ($id: ID!) { releaseCustomerDeactivation(customerId: $id) }",
      { id: customerId },
      actor,
    );
  }

  private changeStatus(input: SetCustomerStatusInput, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Customer, "Customer", input.id, input.expectedVersion);
      if (current.status === input.status) {
        throw new ConflictError(`Customer ${current.code} is already ${current.status}`, { status: current.status });
      }
      const updated = await updateVersioned(manager, Customer, "Customer", current, { status: input.status });
      const action = input.status === CustomerStatus.ACTIVE ? "activated" : "deactivated";
      await audit(manager, updated, action, actor, changesBetween(current, updated, ["status"]));
      return updated;
    });
  }

  addContact(input: AddContactInput, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const customer = await loadForChange(manager, Customer, "Customer", input.customerId, input.expectedVersion, {
        lock: true,
      });
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
      const added = JSON.stringify(auditedContact(contact));
      await manager.insert(Contact, contact);
      return this.touch(manager, customer, "contact added", actor, { field: "contacts", from: null, to: added });
    });
  }

  removeContact(input: RemoveContactInput, actor: Identity): Promise<Customer> {
    return this.transactor.run(async (manager) => {
      const found = await manager.findOneBy(Contact, { id: input.contactId });
      if (!found) throw new NotFoundError("Contact", input.contactId);
      const customer = await loadForChange(manager, Customer, "Customer", found.customerId, input.expectedVersion, {
        lock: true,
      });
      // Read again under the customer's lock: a concurrent removal may have come first.
      const contact = await manager.findOneBy(Contact, { id: input.contactId });
      if (!contact) throw new NotFoundError("Contact", input.contactId);
      await manager.delete(Contact, { id: contact.id });
      return this.touch(manager, customer, "contact removed", actor, {
        field: "contacts",
        from: JSON.stringify(auditedContact(contact)),
        to: null,
      });
    });
  }

  /** A change to a customer's contacts: bump its version and record it. */
  private async touch(
    manager: EntityManager,
    customer: Customer,
    action: string,
    actor: Identity,
    change: FieldChange,
  ): Promise<Customer> {
    const updated = await updateVersioned(manager, Customer, "Customer", customer, {});
    await audit(manager, updated, action, actor, [change]);
    return updated;
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A customer with code ${code} already exists`, { takenCode: code });
}

function newContact(manager: EntityManager, customerId: string, input: NewContactInput): Contact {
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
 * Loads a customer for a change to its contacts, holding its row until the transaction ends:
 * `expectedVersion` is optional there, and without the lock two concurrent contact changes would
 * both read the same version and the later one would fail for no reason the client could see.
 * The embedded database already runs one transaction at a time.
 */
function audit(manager: EntityManager, customer: Customer, action: string, actor: Identity, changes: FieldChange[]) {
  return recordChange(manager, {
    entityType: "Customer",
    entityId: customer.id,
    action,
    actor: actor.subject,
    version: customer.version,
    changes,
  });
}
