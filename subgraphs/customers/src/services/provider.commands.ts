import type { FieldChange, Identity, Transactor } from "@itsm/kit";
import {
  changesBetween,
  ConflictError,
  isUniqueViolation,
  loadForChange,
  newId,
  providedFields,
  recordChange,
  updateVersioned,
} from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Provider } from "../entities";
import type { CreateProviderInput, UpdateProviderInput } from "../resolvers/provider.inputs";

const AUDITED: (keyof Provider & string)[] = ["code", "name", "description", "kind"];

/** Changes to service providers: each one transaction, versioned, audited. */
export class ProviderCommands {
  constructor(private readonly transactor: Transactor) {}

  async create(input: CreateProviderInput, actor: Identity): Promise<Provider> {
    try {
      return await this.transactor.run(async (manager) => {
        if (await manager.exists(Provider, { where: { code: input.code } })) throw codeTaken(input.code);
        const id = newId();
        await manager.insert(Provider, {
          id,
          code: input.code,
          name: input.name,
          description: input.description,
          kind: input.kind,
        });
        const created = await manager.findOneByOrFail(Provider, { id });
        await audit(manager, created, "created", actor, changesBetween(null, created, AUDITED));
        return created;
      });
    } catch (error) {
      // Two concurrent creates of one code: the unique index turns the loser away.
      if (isUniqueViolation(error)) throw codeTaken(input.code);
      throw error;
    }
  }

  update(input: UpdateProviderInput, actor: Identity): Promise<Provider> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Provider, "Provider", input.id, input.expectedVersion);
      const patch = providedFields<Provider>(input, ["name", "description", "kind"]);
      const changes = changesBetween(current, { ...current, ...patch }, AUDITED);
      if (changes.length === 0) return current;
      const updated = await updateVersioned(manager, Provider, "Provider", current, patch);
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A provider with code ${code} already exists`, { takenCode: code });
}

function audit(manager: EntityManager, provider: Provider, action: string, actor: Identity, changes: FieldChange[]) {
  return recordChange(manager, {
    entityType: "Provider",
    entityId: provider.id,
    action,
    actor: actor.subject,
    version: provider.version,
    changes,
  });
}
