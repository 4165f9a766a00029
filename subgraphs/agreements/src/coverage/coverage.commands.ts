import type { Identity, Transactor } from "@itsm/kit";
import { ConflictError, newId, NotFoundError, twoDecimals } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import type { Agreement } from "../agreements/agreement.entity";
import type { AgainstRevision } from "../agreements/agreement.changes";
import { loadDraft, touch } from "../agreements/agreement.changes";
import type { ReferenceChecker } from "../references/reference.checker";
import { ServiceLevelTarget } from "../targets/target.entity";
import { ServiceCoverage } from "./service-coverage.entity";

/** How an agreement covers one service. */
export interface Coverage {
  serviceId: string;
  description: string;
  serviceHours: string;
  monthlyCharge?: { amount: string; currency: string } | null;
}

/** A service to add to a DRAFT agreement's coverage. */
export interface AddedService extends Coverage, AgainstRevision {
  agreementId: string;
}

/** A covered service to remove from a DRAFT agreement (with its targets). */
export interface RemovedService extends AgainstRevision {
  agreementId: string;
  serviceId: string;
}

/** Writes one coverage row of an agreement. */
export async function insertCoverage(manager: EntityManager, agreementId: string, coverage: Coverage): Promise<void> {
  await manager.insert(ServiceCoverage, {
    id: newId(),
    agreementId,
    serviceId: coverage.serviceId,
    description: coverage.description,
    serviceHours: coverage.serviceHours,
    monthlyChargeAmount: coverage.monthlyCharge ? twoDecimals(coverage.monthlyCharge.amount) : null,
    monthlyChargeCurrency: coverage.monthlyCharge?.currency ?? null,
  });
}

/** Changes to the services a DRAFT agreement covers; each one transaction, revision-checked, audited. */
export class CoverageCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly references: ReferenceChecker,
  ) {}

  async add(change: AddedService, actor: Identity): Promise<Agreement> {
    await this.references.assertValid({ serviceIds: [change.serviceId] }, actor);
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, change.agreementId, change.expectedRevision);
      if (await manager.exists(ServiceCoverage, { where: { agreementId: agreement.id, serviceId: change.serviceId } })) {
        throw new ConflictError(`Agreement ${agreement.number} already covers service "${change.serviceId}"`);
      }
      await insertCoverage(manager, agreement.id, change);
      return touch(manager, agreement, "service added", actor, [
        { field: "services", from: null, to: JSON.stringify(change.serviceId) },
      ]);
    });
  }

  remove(change: RemovedService, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, change.agreementId, change.expectedRevision);
      const removed = await manager.delete(ServiceCoverage, { agreementId: agreement.id, serviceId: change.serviceId });
      if (!removed.affected) throw new NotFoundError(`Service covered by ${agreement.number}`, change.serviceId);
      // Targets exist only for covered services.
      await manager.delete(ServiceLevelTarget, { agreementId: agreement.id, serviceId: change.serviceId });
      return touch(manager, agreement, "service removed", actor, [
        { field: "services", from: JSON.stringify(change.serviceId), to: null },
      ]);
    });
  }
}
