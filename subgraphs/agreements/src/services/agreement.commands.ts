import type { FieldChange, Identity, Transactor } from "@itsm/kit";
import {
  BadUserInputError,
  changesBetween,
  ConflictError,
  isUniqueViolation,
  latest,
  loadForChange,
  lockNamed,
  newId,
  NotFoundError,
  providedFields,
  twoDecimals,
  recordChange,
  updateVersioned,
} from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { In, IsNull } from "typeorm";
import {
  Agreement,
  AgreementCustomer,
  AgreementStatus,
  AgreementType,
  AgreementUnderpinning,
  ReferenceClaim,
  Responsibility,
  ServiceCoverage,
  ServiceLevelTarget,
} from "../entities";
import type {
  AddAgreementServiceInput,
  AddResponsibilityInput,
  AgreementLinkInput,
  AgreementRefInput,
  CoverageInput,
  CreateAgreementInput,
  RemovePartInput,
  SetTargetInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
} from "../resolvers/agreement-commands.inputs";
import { activationProblems } from "./agreement.activation";
import type { ReferenceChecker } from "./reference.checker";
import { describeReference } from "./reference.checker";
import { targetValueProblems } from "./target.rules";

const AUDITED: (keyof Agreement & string)[] = [
  "number",
  "title",
  "description",
  "type",
  "status",
  "version",
  "effectiveFrom",
  "effectiveTo",
  "providerId",
];

/** The agreement lock names: checks and claims on one service or customer never interleave. */
export const referenceLock = (kind: "Service" | "Customer", id: string) => `agreements:${kind}:${id}`;

/** Changes to agreements: each one transaction, revision-checked, audited. Only DRAFTs are edited. */
export class AgreementCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly references: ReferenceChecker,
  ) {}

  async create(input: CreateAgreementInput, actor: Identity): Promise<Agreement> {
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
    try {
      return await this.transactor.run(async (manager) => {
        if (await manager.exists(Agreement, { where: { number: input.number } })) throw numberTaken(input.number);
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
        for (const coverage of input.services) await insertCoverage(manager, id, coverage);
        const created = await manager.findOneByOrFail(Agreement, { id });
        await audit(manager, created, "created", actor, changesBetween(null, created, AUDITED));
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw numberTaken(input.number);
      throw error;
    }
  }

  async update(input: UpdateAgreementInput, actor: Identity): Promise<Agreement> {
    if (input.providerId) await this.references.assertValid({ providerId: input.providerId }, actor);
    return this.transactor.run(async (manager) => {
      const current = await loadDraft(manager, input.id, input.expectedRevision);
      const patch = providedFields<Agreement>(input, [
        "title",
        "description",
        "effectiveFrom",
        "effectiveTo",
        "providerId",
      ]);
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
      const updated = await updateVersioned(manager, Agreement, "Agreement", current, patch, "revision");
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }

  async addService(input: AddAgreementServiceInput, actor: Identity): Promise<Agreement> {
    await this.references.assertValid({ serviceIds: [input.serviceId] }, actor);
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      if (await manager.exists(ServiceCoverage, { where: { agreementId: agreement.id, serviceId: input.serviceId } })) {
        throw new ConflictError(`Agreement ${agreement.number} already covers service "${input.serviceId}"`);
      }
      await insertCoverage(manager, agreement.id, input);
      return touch(manager, agreement, "service added", actor, [
        { field: "services", from: null, to: JSON.stringify(input.serviceId) },
      ]);
    });
  }

  removeService(input: AgreementLinkInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      const removed = await manager.delete(ServiceCoverage, { agreementId: agreement.id, serviceId: input.targetId });
      if (!removed.affected) throw new NotFoundError(`Service covered by ${agreement.number}`, input.targetId);
      // Targets exist only for covered services.
      await manager.delete(ServiceLevelTarget, { agreementId: agreement.id, serviceId: input.targetId });
      return touch(manager, agreement, "service removed", actor, [
        { field: "services", from: JSON.stringify(input.targetId), to: null },
      ]);
    });
  }

  async addCustomer(input: AgreementLinkInput, actor: Identity): Promise<Agreement> {
    await this.references.assertValid({ customerIds: [input.targetId] }, actor);
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      if (agreement.type !== AgreementType.SLA) {
        throw new ConflictError(`Agreement ${agreement.number} is an ${agreement.type}: only SLAs have customers`);
      }
      const key = { agreementId: agreement.id, customerId: input.targetId };
      if (await manager.exists(AgreementCustomer, { where: key })) {
        throw new ConflictError(`Customer "${input.targetId}" is already party to ${agreement.number}`);
      }
      await manager.insert(AgreementCustomer, key);
      return touch(manager, agreement, "customer added", actor, [
        { field: "customers", from: null, to: JSON.stringify(input.targetId) },
      ]);
    });
  }

  removeCustomer(input: AgreementLinkInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      const removed = await manager.delete(AgreementCustomer, {
        agreementId: agreement.id,
        customerId: input.targetId,
      });
      if (!removed.affected) throw new NotFoundError(`Customer of ${agreement.number}`, input.targetId);
      return touch(manager, agreement, "customer removed", actor, [
        { field: "customers", from: JSON.stringify(input.targetId), to: null },
      ]);
    });
  }

  setTarget(input: SetTargetInput, actor: Identity): Promise<Agreement> {
    const problems = targetValueProblems(input);
    if (problems.length > 0) {
      throw new BadUserInputError(`Invalid target: ${problems.map((p) => p.message).join("; ")}`, {
        fields: problems.map((p) => ({ path: `input.${p.field}`, messages: [p.message] })),
      });
    }
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      if (
        !(await manager.exists(ServiceCoverage, { where: { agreementId: agreement.id, serviceId: input.serviceId } }))
      ) {
        throw new ConflictError(
          `Agreement ${agreement.number} does not cover service "${input.serviceId}": add it first`,
        );
      }
      const values = {
        comparator: input.comparator,
        value: input.value,
        unit: input.unit,
        period: input.period,
        description: input.description,
      };
      const existing = await manager.findOneBy(ServiceLevelTarget, {
        agreementId: agreement.id,
        serviceId: input.serviceId,
        metric: input.metric,
        priority: input.priority ?? IsNull(),
      });
      if (existing) await manager.update(ServiceLevelTarget, { id: existing.id }, values);
      else {
        await manager.insert(ServiceLevelTarget, {
          id: newId(),
          agreementId: agreement.id,
          serviceId: input.serviceId,
          metric: input.metric,
          priority: input.priority ?? null,
          ...values,
        });
      }
      const label = `${input.metric}${input.priority ? ` ${input.priority}` : ""} of service ${input.serviceId}`;
      return touch(manager, agreement, existing ? "target changed" : "target set", actor, [
        {
          field: "targets",
          from: existing ? JSON.stringify(`${label}: ${existing.comparator} ${existing.value} ${existing.unit}`) : null,
          to: JSON.stringify(`${label}: ${input.comparator} ${input.value} ${input.unit}`),
        },
      ]);
    });
  }

  removeTarget(input: RemovePartInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const target = await manager.findOneBy(ServiceLevelTarget, { id: input.id });
      if (!target) throw new NotFoundError("ServiceLevelTarget", input.id);
      const agreement = await loadDraft(manager, target.agreementId, input.expectedRevision);
      await manager.delete(ServiceLevelTarget, { id: target.id });
      return touch(manager, agreement, "target removed", actor, [
        {
          field: "targets",
          from: JSON.stringify(
            `${target.metric}${target.priority ? ` ${target.priority}` : ""} of service ${target.serviceId}`,
          ),
          to: null,
        },
      ]);
    });
  }

  addResponsibility(input: AddResponsibilityInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      await manager.insert(Responsibility, {
        id: newId(),
        agreementId: agreement.id,
        party: input.party,
        category: input.category,
        description: input.description,
      });
      return touch(manager, agreement, "responsibility added", actor, [
        { field: "responsibilities", from: null, to: JSON.stringify(`${input.party}: ${input.description}`) },
      ]);
    });
  }

  removeResponsibility(input: RemovePartInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const responsibility = await manager.findOneBy(Responsibility, { id: input.id });
      if (!responsibility) throw new NotFoundError("Responsibility", input.id);
      const agreement = await loadDraft(manager, responsibility.agreementId, input.expectedRevision);
      await manager.delete(Responsibility, { id: responsibility.id });
      return touch(manager, agreement, "responsibility removed", actor, [
        {
          field: "responsibilities",
          from: JSON.stringify(`${responsibility.party}: ${responsibility.description}`),
          to: null,
        },
      ]);
    });
  }

  /** `agreementId` is the SLA, `targetId` the OLA or underpinning contract; one of them must be a DRAFT. */
  linkUnderpinning(input: AgreementLinkInput, actor: Identity): Promise<Agreement> {
    return this.changeUnderpinning(input, actor, true);
  }

  unlinkUnderpinning(input: AgreementLinkInput, actor: Identity): Promise<Agreement> {
    return this.changeUnderpinning(input, actor, false);
  }

  private changeUnderpinning(input: AgreementLinkInput, actor: Identity, link: boolean): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const sla = await loadForChange(manager, Agreement, "Agreement", input.agreementId, input.expectedRevision, {
        versionKey: "revision",
        lock: true,
      });
      const underpinning = await manager.findOneBy(Agreement, { id: input.targetId });
      if (!underpinning) throw new NotFoundError("Agreement", input.targetId);
      if (sla.type !== AgreementType.SLA)
        throw new ConflictError(`${sla.number} is an ${sla.type}: only SLAs are underpinned`);
      if (underpinning.type === AgreementType.SLA) {
        throw new ConflictError(`${underpinning.number} is an SLA: only OLAs and underpinning contracts underpin SLAs`);
      }
      const ended = [sla, underpinning].find(
        (a) => a.status === AgreementStatus.EXPIRED || a.status === AgreementStatus.TERMINATED,
      );
      if (ended) throw new ConflictError(`${ended.number} is ${ended.status}: its links are kept as they were`);
      if (sla.status !== AgreementStatus.DRAFT && underpinning.status !== AgreementStatus.DRAFT) {
        throw new ConflictError(
          `${sla.number} and ${underpinning.number} are both ACTIVE: link a new version (reviseAgreement) instead`,
        );
      }
      const key = { agreementId: sla.id, underpinningId: underpinning.id };
      const exists = await manager.exists(AgreementUnderpinning, { where: key });
      if (link && exists) throw new ConflictError(`${underpinning.number} already underpins ${sla.number}`);
      if (!link && !exists) throw new NotFoundError(`Underpinning of ${sla.number}`, underpinning.id);
      if (link) await manager.insert(AgreementUnderpinning, key);
      else await manager.delete(AgreementUnderpinning, key);
      const change = {
        field: "underpinnedBy",
        from: link ? null : JSON.stringify(underpinning.number),
        to: link ? JSON.stringify(underpinning.number) : null,
      };
      await touch(manager, underpinning, link ? "now underpins" : "no longer underpins", actor, [
        {
          field: "underpins",
          from: link ? null : JSON.stringify(sla.number),
          to: link ? JSON.stringify(sla.number) : null,
        },
      ]);
      return touch(manager, sla, link ? "underpinning linked" : "underpinning unlinked", actor, [change]);
    });
  }

  /**
   * DRAFT → ACTIVE, after checking everything at once: content, references (with their owners),
   * claims on retiring services or deactivating customers, and underpinning strictness. A revision
   * supersedes the version it was drafted from, in the same transaction.
   */
  async activate(input: AgreementRefInput, actor: Identity): Promise<Agreement> {
    const snapshot = await this.transactor.run((manager) => loadDraft(manager, input.id, input.expectedRevision));
    const [coverage, parties] = await this.transactor.run((manager) =>
      Promise.all([
        manager.findBy(ServiceCoverage, { agreementId: snapshot.id }),
        manager.findBy(AgreementCustomer, { agreementId: snapshot.id }),
      ]),
    );
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
      // Serialise with claims on the same services and customers (in a fixed order: no deadlocks).
      const locks = [
        ...services.map((id) => referenceLock("Service", id)),
        ...customers.map((id) => referenceLock("Customer", id)),
      ].sort();
      for (const name of locks) await lockNamed(manager, name);
      // Read past this transaction's snapshot: a claim committed while we waited for the locks counts.
      const claims = [
        ...(services.length
          ? await manager.find(ReferenceClaim, {
              where: { kind: "Service", referenceId: In(services) },
              ...latest(manager),
            })
          : []),
        ...(customers.length
          ? await manager.find(ReferenceClaim, {
              where: { kind: "Customer", referenceId: In(customers) },
              ...latest(manager),
            })
          : []),
      ];
      const problems = [
        ...referenceProblems.map(describeReference),
        ...claims.map(
          (c) => `${c.kind} "${c.referenceId}" is being ${c.kind === "Service" ? "retired" : "deactivated"}`,
        ),
        ...(await activationProblems(manager, agreement)),
      ];
      if (problems.length > 0) {
        throw new ConflictError(`Agreement ${agreement.number} cannot be activated: ${problems.join("; ")}`, {
          problems,
        });
      }
      if (agreement.supersedesId) {
        const previous = await manager.findOneByOrFail(Agreement, { id: agreement.supersedesId });
        if (previous.status === AgreementStatus.ACTIVE) {
          const superseded = await updateVersioned(
            manager,
            Agreement,
            "Agreement",
            previous,
            { status: AgreementStatus.TERMINATED },
            "revision",
          );
          await audit(
            manager,
            superseded,
            `superseded by version ${agreement.version}`,
            actor,
            changesBetween(previous, superseded, ["status"]),
          );
        }
      }
      const activated = await updateVersioned(
        manager,
        Agreement,
        "Agreement",
        agreement,
        { status: AgreementStatus.ACTIVE },
        "revision",
      );
      await audit(manager, activated, "activated", actor, changesBetween(agreement, activated, ["status"]));
      return activated;
    });
  }

  terminate(input: TerminateAgreementInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Agreement, "Agreement", input.id, input.expectedRevision, {
        versionKey: "revision",
        lock: true,
      });
      if (current.status !== AgreementStatus.ACTIVE) {
        throw new ConflictError(
          `Agreement ${current.number} is ${current.status}: only ACTIVE agreements can be terminated`,
        );
      }
      const terminated = await updateVersioned(
        manager,
        Agreement,
        "Agreement",
        current,
        { status: AgreementStatus.TERMINATED },
        "revision",
      );
      await audit(
        manager,
        terminated,
        `terminated: ${input.reason}`,
        actor,
        changesBetween(current, terminated, ["status"]),
      );
      return terminated;
    });
  }

  /** Copies an ACTIVE agreement into version n+1 as a DRAFT; activating that draft supersedes it. */
  revise(input: AgreementRefInput, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Agreement, "Agreement", input.id, input.expectedRevision, {
        versionKey: "revision",
        lock: true,
      });
      if (current.status !== AgreementStatus.ACTIVE) {
        throw new ConflictError(
          `Agreement ${current.number} is ${current.status}: only an ACTIVE agreement is revised`,
        );
      }
      const versions = await manager.findBy(Agreement, { number: current.number });
      const openDraft = versions.find((v) => v.status === AgreementStatus.DRAFT);
      if (openDraft) {
        throw new ConflictError(`Agreement ${current.number} already has a draft version ${openDraft.version}`, {
          draftId: openDraft.id,
        });
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
        supersedesId: current.id,
      });
      await copyParts(manager, current.id, id);
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

  /**
   * Claims a service's retirement or a customer's deactivation for its owning subgraph: granted
   * only while no ACTIVE agreement refers to it; afterwards no agreement referring to it activates.
   */
  claim(kind: "Service" | "Customer", referenceId: string, actor: Identity): Promise<string[]> {
    return this.transactor.run(async (manager) => {
      await lockNamed(manager, referenceLock(kind, referenceId));
      // Read past this transaction's snapshot: an activation committed while we waited for the lock counts.
      const agreementIds =
        kind === "Service"
          ? (await manager.find(ServiceCoverage, { where: { serviceId: referenceId }, ...latest(manager) })).map(
              (c) => c.agreementId,
            )
          : (await manager.find(AgreementCustomer, { where: { customerId: referenceId }, ...latest(manager) })).map(
              (p) => p.agreementId,
            );
      const active = agreementIds.length
        ? await manager.find(Agreement, {
            where: { id: In(agreementIds), status: AgreementStatus.ACTIVE },
            ...latest(manager),
          })
        : [];
      if (active.length > 0) return active.map((a) => a.number).sort();
      if (!(await manager.exists(ReferenceClaim, { where: { kind, referenceId } }))) {
        await manager.insert(ReferenceClaim, { kind, referenceId, claimedBy: actor.subject });
      }
      return [];
    });
  }

  /** Gives a claim back (the owner's change did not happen, or was undone). */
  async release(kind: "Service" | "Customer", referenceId: string): Promise<void> {
    await this.transactor.run((manager) => manager.delete(ReferenceClaim, { kind, referenceId }));
  }
}

function numberTaken(number: string): ConflictError {
  return new ConflictError(`An agreement numbered ${number} already exists`, { number });
}

async function loadDraft(
  manager: EntityManager,
  id: string,
  expectedRevision: number | null | undefined,
): Promise<Agreement> {
  const agreement = await loadForChange(manager, Agreement, "Agreement", id, expectedRevision, {
    versionKey: "revision",
    lock: true,
  });
  if (agreement.status !== AgreementStatus.DRAFT) {
    throw new ConflictError(
      `Agreement ${agreement.number} is ${agreement.status}: only DRAFT agreements are edited${agreement.status === AgreementStatus.ACTIVE ? " (reviseAgreement drafts a new version)" : ""}`,
      { status: agreement.status },
    );
  }
  return agreement;
}

async function insertCoverage(manager: EntityManager, agreementId: string, coverage: CoverageInput): Promise<void> {
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

/** A change to an agreement's parts: bump its revision and record it. */
async function touch(
  manager: EntityManager,
  agreement: Agreement,
  action: string,
  actor: Identity,
  changes: FieldChange[],
) {
  const updated = await updateVersioned(manager, Agreement, "Agreement", agreement, {}, "revision");
  await audit(manager, updated, action, actor, changes);
  return updated;
}

function audit(manager: EntityManager, agreement: Agreement, action: string, actor: Identity, changes: FieldChange[]) {
  return recordChange(manager, {
    entityType: "Agreement",
    entityId: agreement.id,
    action,
    actor: actor.subject,
    version: agreement.revision,
    changes,
  });
}
