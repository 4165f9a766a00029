import type { Identity, Transactor } from "@itsm/kit";
import { ConflictError, createWithUniqueCode, newId, providedFields, twoDecimals } from "@itsm/kit";
import type { RetirementClaims } from "../claims/retirement.claims";
import { serviceRecords } from "./service.changes";
import { Service } from "./service.entity";
import type { Criticality, ServiceType } from "./service.enums";
import { ServiceLifecycle } from "./service.enums";
import { assertChangeable, codeTaken, invalidMove, NEXT_STAGE } from "./service.rules";

/** An amount of money as commands take it: a decimal string and an ISO 4217 code. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/** A new service (the GraphQL `CreateServiceInput` is one). */
export interface NewService {
  code: string;
  name: string;
  description: string;
  category: string;
  type: ServiceType;
  lifecycle: ServiceLifecycle;
  criticality: Criticality;
  owner: string;
  monthlyCost: MoneyValue;
}

/** Changes to a service at the version last read; absent fields keep their value. */
export interface ServiceChanges {
  id: string;
  expectedVersion: number;
  name?: string | null;
  description?: string | null;
  category?: string | null;
  type?: ServiceType | null;
  criticality?: Criticality | null;
  owner?: string | null;
  monthlyCost?: MoneyValue | null;
}

/** A move of a service to its next lifecycle stage, at the version last read. */
export interface LifecycleMove {
  id: string;
  lifecycle: ServiceLifecycle;
  expectedVersion: number;
}

/** Changes to the service catalogue's records: each one transaction, versioned, audited. */
export class ServiceCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly claims: RetirementClaims,
  ) {}

  create(input: NewService, actor: Identity): Promise<Service> {
    return createWithUniqueCode(this.transactor, Service, input.code, codeTaken, (manager) =>
      serviceRecords.insert(
        manager,
        manager.create(Service, {
          id: newId(),
          code: input.code,
          name: input.name,
          description: input.description,
          category: input.category,
          type: input.type,
          lifecycle: input.lifecycle,
          criticality: input.criticality,
          owner: input.owner,
          monthlyCostAmount: twoDecimals(input.monthlyCost.amount),
          monthlyCostCurrency: input.monthlyCost.currency,
        }),
        actor,
      ),
    );
  }

  update(input: ServiceChanges, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const current = await serviceRecords.load(manager, input.id, input.expectedVersion);
      assertChangeable(current);
      const patch = providedFields<Service>(input, ["name", "description", "category", "type", "criticality", "owner"]);
      if (input.monthlyCost) {
        patch.monthlyCostAmount = twoDecimals(input.monthlyCost.amount);
        patch.monthlyCostCurrency = input.monthlyCost.currency;
      }
      return serviceRecords.change(manager, current, patch, actor);
    });
  }

  /**
   * Moves a service forward in its lifecycle. Retiring first claims the retirement with the
   * agreements subgraph (see RetirementClaims); if the retirement is then not committed here, the
   * claim is given back.
   */
  async setLifecycle(input: LifecycleMove, actor: Identity): Promise<Service> {
    const retiring = input.lifecycle === ServiceLifecycle.RETIRED;
    if (retiring) {
      const current = await this.transactor.run((manager) =>
        serviceRecords.load(manager, input.id, input.expectedVersion),
      );
      if (current.lifecycle !== ServiceLifecycle.LIVE) throw invalidMove(current, input.lifecycle);
      const claim = await this.claims.claim(input.id, actor);
      if (!claim.granted) {
        throw new ConflictError(
          `Service ${current.code} is covered by ACTIVE agreements ${claim.blockingAgreements.join(", ")}: it cannot be retired until they end`,
          { agreements: claim.blockingAgreements },
        );
      }
    }
    try {
      return await this.transactor.run(async (manager) => {
        const current = await serviceRecords.load(manager, input.id, input.expectedVersion);
        if (!NEXT_STAGE[current.lifecycle].includes(input.lifecycle)) throw invalidMove(current, input.lifecycle);
        return serviceRecords.change(manager, current, { lifecycle: input.lifecycle }, actor, {
          action: "lifecycle changed",
          fields: ["lifecycle"],
        });
      });
    } catch (error) {
      // Give the claim back (best effort: this change fails anyway), unless a retirement racing it committed and needs it.
      const now = await this.transactor.run((manager) => manager.findOneBy(Service, { id: input.id }));
      if (retiring && now?.lifecycle !== ServiceLifecycle.RETIRED)
        await this.claims.release(input.id, actor).catch(() => undefined);
      throw error;
    }
  }
}
