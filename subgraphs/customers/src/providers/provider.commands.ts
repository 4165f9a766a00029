import type { Identity, Transactor } from "@itsm/kit";
import {
  auditTrailOf,
  changesBetween,
  ConflictError,
  isUniqueViolation,
  loadForChange,
  newId,
  providedFields,
  updateVersioned,
} from "@itsm/kit";
import { Provider } from "./provider.entity";
import type { ProviderKind } from "./provider.enums";

const AUDITED: (keyof Provider & string)[] = ["code", "name", "description", "kind"];

/** The audit trail of providers: each entry carries the provider's version after the change. */
const audit = auditTrailOf<Provider>("Provider", (p) => p.version);

/** A new service provider (the GraphQL `CreateProviderInput` is one). */
export interface NewProvider {
  code: string;
  name: string;
  description: string;
  kind: ProviderKind;
}

/** Changes to a provider at the version last read; absent fields keep their value. */
export interface ProviderChanges {
  id: string;
  expectedVersion: number;
  name?: string | null;
  description?: string | null;
  kind?: ProviderKind | null;
}

/** Changes to service providers: each one transaction, versioned, audited. */
export class ProviderCommands {
  constructor(private readonly transactor: Transactor) {}

  async create(input: NewProvider, actor: Identity): Promise<Provider> {
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

  update(input: ProviderChanges, actor: Identity): Promise<Provider> {
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
