import type { Identity, Transactor } from "@itsm/kit";
import { changesBetween, ConflictError, newId } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import type { AgainstRevision } from "../agreements/agreement.changes";
import {
  audit,
  AUDITED,
  changeStatus,
  loadDraft,
  loadForUpdate,
  supersedePrevious,
  touch,
} from "../agreements/agreement.changes";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { bumpCatalogueRevision } from "../catalogue/catalogue.service";
import { claimProblems, lockReferences } from "../claims/claim.commands";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import type { ReferenceChecker } from "../references/reference.checker";
import { describeReference } from "../references/reference.checker";
import { Responsibility } from "../responsibilities/responsibility.entity";
import { ServiceLevelTarget } from "../targets/target.entity";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import { activationFacts } from "./activation.facts";
import { activationProblems } from "./activation.rules";
import type { Clock } from "./lifecycle.clock";
import { todayOf } from "./lifecycle.clock";

/** The agreement a lifecycle step applies to. */
export interface AgreementRef extends AgainstRevision {
  id: string;
}

/** An ACTIVE agreement to end early, and why. */
export interface Termination extends AgreementRef {
  /** Required here: ending an agreement is always decided on what was read. */
  expectedRevision: number;
  reason: string;
}

/** Loads an agreement for a step only ACTIVE agreements take; any other status is a CONFLICT that says `rule`. */
async function loadActive(manager: EntityManager, ref: AgreementRef, rule: string): Promise<Agreement> {
  const current = await loadForUpdate(manager, ref.id, ref.expectedRevision);
  if (current.status !== AgreementStatus.ACTIVE) {
    throw new ConflictError(`Agreement ${current.number} is ${current.status}: ${rule}`);
  }
  return current;
}

/** Moves agreements through their lifecycle: DRAFT → ACTIVE → TERMINATED, and ACTIVE → a new DRAFT version. */
export class LifecycleCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly references: ReferenceChecker,
    private readonly clock: Clock,
    private readonly options: { requireSignatures: boolean } = { requireSignatures: false },
  ) {}

  /**
   * DRAFT → ACTIVE, after checking everything at once: content, references (with their owners),
   * claims on retiring services or deactivating customers, and underpinning strictness. A revision
   * supersedes the version it was drafted from, in the same transaction; a revision whose first day
   * is still ahead becomes SCHEDULED instead: the lifecycle scheduler makes it ACTIVE on that day,
   * and supersedes the previous version then.
   */
  async activate(input: AgreementRef, actor: Identity): Promise<Agreement> {
    const snapshot = await this.transactor.run((manager) => loadDraft(manager, input.id, input.expectedRevision));
    const [coverage, parties] = await this.transactor.run((manager) =>
      Promise.all([
        manager.findBy(ServiceCoverage, { agreementId: snapshot.id }),
        manager.findBy(AgreementCustomer, { agreementId: snapshot.id }),
      ]),
    );
    // The owners are asked outside the transaction: no lock is held while a peer answers.
    const referenceProblems = await this.references.problems(
      {
        serviceIds: coverage.map((c) => c.serviceId),
        customerIds: parties.map((p) => p.customerId),
        providerId: snapshot.providerId,
      },
      actor,
    );
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.id, input.expectedRevision);
      const services = (await manager.findBy(ServiceCoverage, { agreementId: agreement.id })).map((c) => c.serviceId);
      const customers = (await manager.findBy(AgreementCustomer, { agreementId: agreement.id })).map(
        (p) => p.customerId,
      );
      await lockReferences(manager, services, customers);
      const today = todayOf(this.clock);
      const problems = [
        ...referenceProblems.map(describeReference),
        ...(await claimProblems(manager, services, customers)),
        ...activationProblems(await activationFacts(manager, agreement, this.options.requireSignatures), today),
      ];
      if (problems.length > 0) {
        throw new ConflictError(`Agreement ${agreement.number} cannot be activated: ${problems.join("; ")}`, {
          problems,
        });
      }
      // A first version overlaps nothing: it is ACTIVE (agreed) at once, whatever its first day.
      if (agreement.supersedesId && agreement.effectiveFrom > today) {
        return changeStatus(manager, agreement, AgreementStatus.SCHEDULED, "scheduled", actor);
      }
      await supersedePrevious(manager, agreement, actor);
      return changeStatus(manager, agreement, AgreementStatus.ACTIVE, "activated", actor);
    });
  }

  /** ACTIVE → TERMINATED, with the reason in its history. */
  terminate(input: Termination, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const current = await loadActive(manager, input, "only ACTIVE agreements can be terminated");
      return changeStatus(manager, current, AgreementStatus.TERMINATED, `terminated: ${input.reason}`, actor);
    });
  }

  /** Copies an ACTIVE agreement into version n+1 as a DRAFT; activating that draft supersedes it. */
  revise(input: AgreementRef, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const current = await loadActive(manager, input, "only an ACTIVE agreement is revised");
      const versions = await manager.findBy(Agreement, { number: current.number });
      const openDraft = versions.find((v) => v.status === AgreementStatus.DRAFT);
      if (openDraft) {
        throw new ConflictError(`Agreement ${current.number} already has a draft version ${openDraft.version}`, {
          draftId: openDraft.id,
        });
      }
      const scheduled = versions.find((v) => v.status === AgreementStatus.SCHEDULED);
      if (scheduled) {
        throw new ConflictError(
          `Agreement ${current.number} already has version ${scheduled.version} scheduled from ${scheduled.effectiveFrom}`,
          { scheduledId: scheduled.id },
        );
      }
      const id = newId();
      const version = Math.max(...versions.map((v) => v.version)) + 1;
      await manager.insert(Agreement, {
        id,
        number: current.number,
        title: current.title,
        description: current.description,
        type: current.type,
        status: AgreementStatus.DRAFT,
        version,
        effectiveFrom: current.effectiveFrom,
        effectiveTo: current.effectiveTo,
        providerId: current.providerId,
        renewal: current.renewal,
        renewalTermMonths: current.renewalTermMonths,
        noticePeriodDays: current.noticePeriodDays,
        reviewDue: current.reviewDue,
        supersedesId: current.id,
      });
      await copyParts(manager, current.id, id);
      await bumpCatalogueRevision(manager, id);
      const draft = await manager.findOneByOrFail(Agreement, { id });
      await audit(
        manager,
        draft,
        `drafted from version ${current.version}`,
        actor,
        changesBetween(null, draft, AUDITED),
      );
      await touch(manager, current, `version ${version} drafted`, actor, []);
      return draft;
    });
  }
}

/** Copies customers, coverage, targets, responsibilities and underpinning links to a new version. */
async function copyParts(manager: EntityManager, fromId: string, toId: string): Promise<void> {
  const [customers, coverage, targets, responsibilities, underpinnedBy, underpins] = await Promise.all([
    manager.findBy(AgreementCustomer, { agreementId: fromId }),
    manager.findBy(ServiceCoverage, { agreementId: fromId }),
    manager.findBy(ServiceLevelTarget, { agreementId: fromId }),
    manager.findBy(Responsibility, { agreementId: fromId }),
    manager.findBy(AgreementUnderpinning, { agreementId: fromId }),
    manager.findBy(AgreementUnderpinning, { underpinningId: fromId }),
  ]);
  if (customers.length)
    await manager.insert(
      AgreementCustomer,
      customers.map((c) => ({ ...c, agreementId: toId })),
    );
  if (coverage.length)
    await manager.insert(
      ServiceCoverage,
      coverage.map((c) => ({ ...c, id: newId(), agreementId: toId })),
    );
  if (targets.length)
    await manager.insert(
      ServiceLevelTarget,
      targets.map((t) => ({ ...t, id: newId(), agreementId: toId })),
    );
  if (responsibilities.length) {
    await manager.insert(
      Responsibility,
      responsibilities.map((r) => ({ ...r, id: newId(), agreementId: toId })),
    );
  }
  const links = [
    ...underpinnedBy.map((u) => ({ agreementId: toId, underpinningId: u.underpinningId })),
    ...underpins.map((u) => ({ agreementId: u.agreementId, underpinningId: toId })),
  ];
  if (links.length) await manager.insert(AgreementUnderpinning, links);
}
