import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, NotFoundError, removedFrom } from "@itsm/kit";
import type { AgainstRevision } from "../agreements/agreement.changes";
import { loadDraft, touch } from "../agreements/agreement.changes";
import type { Agreement } from "../agreements/agreement.entity";
import { AgreementType } from "../agreements/agreement.enums";
import type { ReferenceChecker } from "../references/reference.checker";
import { AgreementCustomer } from "./agreement-customer.entity";

/** A customer to make party to a DRAFT SLA, or to remove from it. */
export interface CustomerOfAgreement extends AgainstRevision {
  agreementId: string;
  customerId: string;
}

/** Changes to the customers party to a DRAFT SLA; each one transaction, revision-checked, audited. */
export class PartyCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly references: ReferenceChecker,
  ) {}

  async addCustomer(change: CustomerOfAgreement, actor: Identity): Promise<Agreement> {
    await this.references.assertValid({ customerIds: [change.customerId] }, actor);
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, change.agreementId, change.expectedRevision);
      if (agreement.type !== AgreementType.SLA) {
        throw new ConflictError(`Agreement ${agreement.number} is an ${agreement.type}: only SLAs have customers`);
      }
      const key = { agreementId: agreement.id, customerId: change.customerId };
      if (await manager.exists(AgreementCustomer, { where: key })) {
        throw new ConflictError(`Customer "${change.customerId}" is already party to ${agreement.number}`);
      }
      await manager.insert(AgreementCustomer, key);
      return touch(manager, agreement, "customer added", actor, [addedTo("customers", change.customerId)]);
    });
  }

  removeCustomer(change: CustomerOfAgreement, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, change.agreementId, change.expectedRevision);
      const removed = await manager.delete(AgreementCustomer, {
        agreementId: agreement.id,
        customerId: change.customerId,
      });
      if (!removed.affected) throw new NotFoundError(`Customer of ${agreement.number}`, change.customerId);
      return touch(manager, agreement, "customer removed", actor, [removedFrom("customers", change.customerId)]);
    });
  }
}
