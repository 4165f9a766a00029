import type { Identity, Transactor } from "@itsm/kit";
import {
  BadUserInputError,
  changesBetween,
  ConflictError,
  createWithUniqueCode,
  newId,
  providedFields,
} from "@itsm/kit";
import { bumpCatalogueRevision } from "../catalogue/catalogue.service";
import type { Coverage } from "../coverage/coverage.commands";
import { assertCalendarsExist, insertCoverage } from "../coverage/coverage.commands";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import type { ReferenceChecker } from "../references/reference.checker";
import type { AgainstRevision } from "./agreement.changes";
import { audit, AUDITED, loadDraft, saveAgreement } from "./agreement.changes";
import { Agreement } from "./agreement.entity";
import { AgreementStatus, AgreementType } from "./agreement.enums";

/** A new agreement: it starts as a DRAFT, version 1. */
export interface NewAgreement {
  number: string;
  title: string;
  description: string;
  type: AgreementType;
  effectiveFrom: string;
  effectiveTo?: string | null;
  providerId: string;
  customerIds: readonly string[];
  services: readonly Coverage[];
}

/** Changes to a DRAFT agreement; omitted fields keep their value. */
export interface AgreementEdit extends AgainstRevision {
  id: string;
  /** Required here: an edit of the terms is always made against what was read. */
  expectedRevision: number;
  title?: string;
  description?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Clears effectiveTo. */
  openEnded?: boolean;
  providerId?: string;
}

const EDITABLE: (keyof Agreement & string)[] = ["title", "description", "effectiveFrom", "effectiveTo", "providerId"];

/** Creating and editing agreements: each one transaction, revision-checked, audited. Only DRAFTs are edited. */
export class AgreementCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly references: ReferenceChecker,
  ) {}

  async create(input: NewAgreement, actor: Identity): Promise<Agreement> {
    const serviceIds = input.services.map((s) => s.serviceId);
    if (new Set(serviceIds).size !== serviceIds.length) {
      throw new BadUserInputError("Each service may be covered once per agreement", {
        fields: [{ path: "input.services", messages: ["services must not repeat a serviceId"] }],
      });
    }
    if (input.type !== AgreementType.SLA && input.customerIds.length > 0) {
      throw new BadUserInputError(
        `An ${input.type} has no customers: its counterparty is an internal group or a supplier`,
        {
          fields: [{ path: "input.customerIds", messages: ["customerIds must be empty unless type is SLA"] }],
        },
      );
    }
    await this.references.assertValid(
      { serviceIds, customerIds: input.customerIds, providerId: input.providerId },
      actor,
    );
    const unique = { column: "number" as const, value: input.number };
    return createWithUniqueCode(this.transactor, Agreement, unique, numberTaken, async (manager) => {
      const id = newId();
      await manager.insert(Agreement, {
        id,
        number: input.number,
        title: input.title,
        description: input.description,
        type: input.type,
        status: AgreementStatus.DRAFT,
        version: 1,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
        providerId: input.providerId,
        supersedesId: null,
      });
      const customerIds = [...new Set(input.customerIds)];
      if (customerIds.length) {
        await manager.insert(
          AgreementCustomer,
          customerIds.map((customerId) => ({ agreementId: id, customerId })),
        );
      }
      await assertCalendarsExist(manager, input.services);
      for (const coverage of input.services) await insertCoverage(manager, id, coverage);
      await bumpCatalogueRevision(manager, id);
      const created = await manager.findOneByOrFail(Agreement, { id });
      await audit(manager, created, "created", actor, changesBetween(null, created, AUDITED));
      return created;
    });
  }

  async update(input: AgreementEdit, actor: Identity): Promise<Agreement> {
    if (input.providerId) await this.references.assertValid({ providerId: input.providerId }, actor);
    return this.transactor.run(async (manager) => {
      const current = await loadDraft(manager, input.id, input.expectedRevision);
      const patch = providedFields<Agreement>(input, EDITABLE);
      if (input.openEnded) patch.effectiveTo = null;
      const next = { ...current, ...patch };
      if (next.effectiveTo !== null && next.effectiveTo <= next.effectiveFrom) {
        throw new BadUserInputError(
          `effectiveTo (${next.effectiveTo}) must be after effectiveFrom (${next.effectiveFrom})`,
          {
            fields: [
              {
                path: input.effectiveTo ? "input.effectiveTo" : "input.effectiveFrom",
                messages: ["effectiveTo must be after effectiveFrom"],
              },
            ],
          },
        );
      }
      const changes = changesBetween(current, next, AUDITED);
      if (changes.length === 0) return current;
      const updated = await saveAgreement(manager, current, patch);
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }
}

function numberTaken(number: string): ConflictError {
  return new ConflictError(`An agreement numbered ${number} already exists`, { number });
}
