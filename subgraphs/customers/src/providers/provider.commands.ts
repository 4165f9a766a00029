import type { Identity, Transactor } from "@itsm/kit";
import { ConflictError, createWithUniqueCode, newId, updateProvided, VersionedRecords } from "@itsm/kit";
import { Provider } from "./provider.entity";
import type { ProviderKind } from "./provider.enums";

/** How providers are changed and audited: each audit entry carries the provider's version after the change. */
const providers = new VersionedRecords(Provider, {
  typeName: "Provider",
  audited: ["code", "name", "description", "kind"],
});

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

  create(input: NewProvider, actor: Identity): Promise<Provider> {
    return createWithUniqueCode(this.transactor, Provider, input.code, codeTaken, (manager) =>
      providers.insert(
        manager,
        { id: newId(), code: input.code, name: input.name, description: input.description, kind: input.kind },
        actor,
      ),
    );
  }

  update(input: ProviderChanges, actor: Identity): Promise<Provider> {
    return updateProvided(this.transactor, providers, input, ["name", "description", "kind"], actor);
  }
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A provider with code ${code} already exists`, { takenCode: code });
}
