import type { FieldChange, Identity, SubgraphClient, Transactor } from "@itsm/kit";
import {
  changesBetween,
  ConflictError,
  InvalidReferenceError,
  isUniqueViolation,
  loadForChange,
  lockNamed,
  newId,
  providedFields,
  twoDecimals,
  NotFoundError,
  recordChange,
  updateVersioned,
} from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Component, Service, ServiceComponent, ServiceDependency, ServiceLifecycle } from "../entities";
import type {
  CreateServiceInput,
  ServiceLinkInput,
  SetServiceLifecycleInput,
  UpdateServiceInput,
} from "../resolvers/service.inputs";

/** A service as the audit trail records it: its API fields (money as one value). */
function audited(service: Service) {
  const { code, name, description, category, type, lifecycle, criticality, owner } = service;
  return { code, name, description, category, type, lifecycle, criticality, owner, monthlyCost: service.monthlyCost };
}
type Audited = ReturnType<typeof audited>;
const AUDITED: (keyof Audited)[] = [
  "code",
  "name",
  "description",
  "category",
  "type",
  "lifecycle",
  "criticality",
  "owner",
  "monthlyCost",
];

/** The lifecycle moves a service may make: forward only. */
const NEXT_STAGE: Record<ServiceLifecycle, ServiceLifecycle[]> = {
  [ServiceLifecycle.PIPELINE]: [ServiceLifecycle.LIVE],
  [ServiceLifecycle.LIVE]: [ServiceLifecycle.RETIRED],
  [ServiceLifecycle.RETIRED]: [],
};

/** Changes to the service catalogue: each one transaction, versioned, audited. */
export class ServiceCommands {
  constructor(
    private readonly transactor: Transactor,
    private readonly agreements: SubgraphClient,
  ) {}

  async create(input: CreateServiceInput, actor: Identity): Promise<Service> {
    try {
      return await this.transactor.run(async (manager) => {
        if (await manager.exists(Service, { where: { code: input.code } })) throw codeTaken(input.code);
        const service = manager.create(Service, {
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
        });
        await manager.insert(Service, service);
        const created = await manager.findOneByOrFail(Service, { id: service.id });
        await audit(manager, created, "created", actor, changesBetween(null, audited(created), AUDITED));
        return created;
      });
    } catch (error) {
      // Two concurrent creates of one code: the unique index turns the loser away.
      if (isUniqueViolation(error)) throw codeTaken(input.code);
      throw error;
    }
  }

  update(input: UpdateServiceInput, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const current = await loadForChange(manager, Service, "Service", input.id, input.expectedVersion);
      assertChangeable(current);
      const patch = providedFields<Service>(input, ["name", "description", "category", "type", "criticality", "owner"]);
      if (input.monthlyCost) {
        patch.monthlyCostAmount = twoDecimals(input.monthlyCost.amount);
        patch.monthlyCostCurrency = input.monthlyCost.currency;
      }
      const next = manager.create(Service, { ...current, ...patch });
      const changes = changesBetween(audited(current), audited(next), AUDITED);
      if (changes.length === 0) return current;
      const updated = await updateVersioned(manager, Service, "Service", current, patch);
      await audit(manager, updated, "updated", actor, changes);
      return updated;
    });
  }

  /**
   * Moves a service forward in its lifecycle. Retiring first claims the retirement with the
   * agreements subgraph, which grants it only while no ACTIVE agreement covers the service and
   * then lets no agreement covering it activate: a retirement and an activation racing each other
   * can never both succeed. If the retirement is then not committed here, the claim is given back.
   */
  async setLifecycle(input: SetServiceLifecycleInput, actor: Identity): Promise<Service> {
    const retiring = input.lifecycle === ServiceLifecycle.RETIRED;
    if (retiring) {
      const current = await this.transactor.run((manager) =>
        loadForChange(manager, Service, "Service", input.id, input.expectedVersion),
      );
      if (current.lifecycle !== ServiceLifecycle.LIVE) throw invalidMove(current, input.lifecycle);
      const { claimServiceRetirement: claim } = await this.agreements.execute<{
        claimServiceRetirement: { granted: boolean; blockingAgreements: string[] };
      }>(
        "mutation ($id: ID!) { claimServiceRetirement(serviceId: $id) { granted blockingAgreements } }",
        { id: input.id },
        actor,
      );
      if (!claim.granted) {
        throw new ConflictError(
          `Service ${current.code} is covered by ACTIVE agreements ${claim.blockingAgreements.join(", ")}: it cannot be retired until they end`,
          { agreements: claim.blockingAgreements },
        );
      }
    }
    try {
      return await this.transactor.run(async (manager) => {
        const current = await loadForChange(manager, Service, "Service", input.id, input.expectedVersion);
        if (!NEXT_STAGE[current.lifecycle].includes(input.lifecycle)) throw invalidMove(current, input.lifecycle);
        const updated = await updateVersioned(manager, Service, "Service", current, { lifecycle: input.lifecycle });
        await audit(
          manager,
          updated,
          "lifecycle changed",
          actor,
          changesBetween(audited(current), audited(updated), ["lifecycle"]),
        );
        return updated;
      });
    } catch (error) {
      // Give the claim back, unless a retirement racing this one committed and still needs it.
      const now = await this.transactor.run((manager) => manager.findOneBy(Service, { id: input.id }));
      if (retiring && now?.lifecycle !== ServiceLifecycle.RETIRED) {
        await this.agreements
          .execute("mutation ($id: ID!) { releaseServiceRetirement(serviceId: $id) }", { id: input.id }, actor)
          .catch(() => undefined);
      }
      throw error;
    }
  }

  attachComponent(link: ServiceLinkInput, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await this.loadChangeable(manager, link);
      if (!(await manager.exists(Component, { where: { id: link.targetId } }))) {
        throw new InvalidReferenceError(`Component "${link.targetId}" does not exist`, { ids: [link.targetId] });
      }
      const key = { serviceId: service.id, componentId: link.targetId };
      if (await manager.exists(ServiceComponent, { where: key })) {
        throw new ConflictError(`Component "${link.targetId}" is already part of service ${service.code}`);
      }
      await manager.insert(ServiceComponent, key);
      return this.touch(manager, service, "component attached", actor, {
        field: "components",
        from: null,
        to: JSON.stringify(link.targetId),
      });
    });
  }

  detachComponent(link: ServiceLinkInput, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await this.loadChangeable(manager, link);
      const key = { serviceId: service.id, componentId: link.targetId };
      const result = await manager.delete(ServiceComponent, key);
      if (!result.affected) throw new NotFoundError(`Component of service ${service.code}`, link.targetId);
      return this.touch(manager, service, "component detached", actor, {
        field: "components",
        from: JSON.stringify(link.targetId),
        to: null,
      });
    });
  }

  addDependency(link: ServiceLinkInput, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      // One dependency change at a time: two concurrent edges could otherwise close a cycle together.
      await lockNamed(manager, "catalog:dependency-graph");
      const service = await this.loadChangeable(manager, link);
      const target = await manager.findOneBy(Service, { id: link.targetId });
      if (!target)
        throw new InvalidReferenceError(`Service "${link.targetId}" does not exist`, { ids: [link.targetId] });
      if (target.lifecycle === ServiceLifecycle.RETIRED) {
        throw new ConflictError(`Service ${target.code} is RETIRED: nothing may come to depend on it`);
      }
      if (target.id === service.id) throw new ConflictError(`Service ${service.code} cannot depend on itself`);
      const key = { serviceId: service.id, dependsOnId: target.id };
      if (await manager.exists(ServiceDependency, { where: key })) {
        throw new ConflictError(`Service ${service.code} already depends on ${target.code}`);
      }
      const cycle = await dependencyPath(manager, target.id, service.id);
      if (cycle) {
        const codes = await codesOf(manager, cycle);
        const loop = [service.code, ...codes, service.code];
        throw new ConflictError(
          `Service ${service.code} cannot depend on ${target.code}: that would make the cycle ${loop.join(" → ")}`,
          { cycle: loop },
        );
      }
      await manager.insert(ServiceDependency, key);
      return this.touch(manager, service, "dependency added", actor, {
        field: "dependsOn",
        from: null,
        to: JSON.stringify(target.id),
      });
    });
  }

  removeDependency(link: ServiceLinkInput, actor: Identity): Promise<Service> {
    return this.transactor.run(async (manager) => {
      const service = await this.loadChangeable(manager, link);
      const result = await manager.delete(ServiceDependency, { serviceId: service.id, dependsOnId: link.targetId });
      if (!result.affected) throw new NotFoundError(`Dependency of service ${service.code}`, link.targetId);
      return this.touch(manager, service, "dependency removed", actor, {
        field: "dependsOn",
        from: JSON.stringify(link.targetId),
        to: null,
      });
    });
  }

  private async loadChangeable(manager: EntityManager, link: ServiceLinkInput): Promise<Service> {
    const service = await loadForChange(manager, Service, "Service", link.serviceId, link.expectedVersion, {
      lock: true,
    });
    assertChangeable(service);
    return service;
  }

  /** A change to a service's relations: bump its version and record it. */
  private async touch(manager: EntityManager, service: Service, action: string, actor: Identity, change: FieldChange) {
    const updated = await updateVersioned(manager, Service, "Service", service, {});
    await audit(manager, updated, action, actor, [change]);
    return updated;
  }
}

function invalidMove(service: Service, to: ServiceLifecycle): ConflictError {
  const allowed = NEXT_STAGE[service.lifecycle];
  return new ConflictError(
    `Service ${service.code} is ${service.lifecycle}: it can move to ${allowed.join(" or ") || "no other stage"}, not ${to}`,
    { lifecycle: service.lifecycle, allowed },
  );
}

function codeTaken(code: string): ConflictError {
  return new ConflictError(`A service with code ${code} already exists`, { takenCode: code });
}

function assertChangeable(service: Service): void {
  if (service.lifecycle === ServiceLifecycle.RETIRED) {
    throw new ConflictError(`Service ${service.code} is RETIRED: its record is kept as it was`);
  }
}

function audit(manager: EntityManager, service: Service, action: string, actor: Identity, changes: FieldChange[]) {
  return recordChange(manager, {
    entityType: "Service",
    entityId: service.id,
    action,
    actor: actor.subject,
    version: service.version,
    changes,
  });
}

/** A path of dependencies from `from` to `to` (ids, excluding `to`), or null when there is none. */
async function dependencyPath(manager: EntityManager, from: string, to: string): Promise<string[] | null> {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const edges = await manager.findBy(ServiceDependency, { serviceId: In(frontier) });
    frontier = [];
    for (const edge of edges) {
      if (cameFrom.has(edge.dependsOnId)) continue;
      cameFrom.set(edge.dependsOnId, edge.serviceId);
      if (edge.dependsOnId === to) {
        const path: string[] = [];
        for (let id: string | null = edge.serviceId; id !== null; id = cameFrom.get(id) ?? null) path.unshift(id);
        return path;
      }
      frontier.push(edge.dependsOnId);
    }
  }
  return null;
}

async function codesOf(manager: EntityManager, ids: string[]): Promise<string[]> {
  const services = await manager.findBy(Service, { id: In(ids) });
  return ids.map((id) => services.find((s) => s.id === id)?.code ?? id);
}
