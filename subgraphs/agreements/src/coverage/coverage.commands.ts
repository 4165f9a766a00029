import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, newId, NotFoundError, removedFrom, twoDecimals } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import type { Agreement } from "../agreements/agreement.entity";
import type { AgainstRevision } from "../agreements/agreement.changes";
import { loadDraft, touch } from "../agreements/agreement.changes";
import { ServiceCalendar } from "../calendars/calendar.entity";
import { DEFAULT_CALENDAR } from "../calendars/calendar.rules";
import type { ReferenceChecker } from "../references/reference.checker";
import { invalidReferences } from "../references/reference.checker";
import { ServiceLevelTarget } from "../targets/target.entity";
import { ServiceCoverage } from "./service-coverage.entity";

/** How an agreement covers one service. */
export interface Coverage {
  serviceId: string;
  description: string;
  serviceHours: string;
  monthlyCharge?: { amount: string; currency: string } | null;
  /** The calendar its targets are measured in; omitted: the default 24×7 calendar. */
  calendarId?: string | null;
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

/** Another calendar for a covered service of a DRAFT agreement. */
export interface CoverageCalendarChange extends AgainstRevision {
  agreementId: string;
  serviceId: string;
  calendarId: string;
}

const calendarOf = (coverage: Pick<Coverage, "calendarId">) => coverage.calendarId ?? DEFAULT_CALENDAR.id;

/** Checks, in the writing transaction, that the calendars the coverage names exist: INVALID_REFERENCE if not. */
export async function assertCalendarsExist(
  manager: EntityManager,
  coverage: readonly Pick<Coverage, "calendarId">[],
): Promise<void> {
  const ids = [...new Set(coverage.map(calendarOf))];
  if (ids.length === 0) return;
  const found = new Set(
    (await manager.find(ServiceCalendar, { select: { id: true }, where: { id: In(ids) } })).map((c) => c.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalidReferences(missing.map((id) => ({ typeName: "ServiceCalendar", id, reason: "does not exist" })));
  }
}

/** Writes one coverage row of an agreement (its calendar checked by `assertCalendarsExist`). */
export async function insertCoverage(manager: EntityManager, agreementId: string, coverage: Coverage): Promise<void> {
  await manager.insert(ServiceCoverage, {
    id: newId(),
    agreementId,
    serviceId: coverage.serviceId,
    calendarId: calendarOf(coverage),
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
      if (
        await manager.exists(ServiceCoverage, { where: { agreementId: agreement.id, serviceId: change.serviceId } })
      ) {
        throw new ConflictError(`Agreement ${agreement.number} already covers service "${change.serviceId}"`);
      }
      await assertCalendarsExist(manager, [change]);
      await insertCoverage(manager, agreement.id, change);
      return touch(manager, agreement, "service added", actor, [addedTo("services", change.serviceId)]);
    });
  }

  remove(change: RemovedService, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, change.agreementId, change.expectedRevision);
      const removed = await manager.delete(ServiceCoverage, { agreementId: agreement.id, serviceId: change.serviceId });
      if (!removed.affected) throw new NotFoundError(`Service covered by ${agreement.number}`, change.serviceId);
      // Targets exist only for covered services.
      await manager.delete(ServiceLevelTarget, { agreementId: agreement.id, serviceId: change.serviceId });
      return touch(manager, agreement, "service removed", actor, [removedFrom("services", change.serviceId)]);
    });
  }

  /** Measures a covered service of a DRAFT agreement in another calendar (an ACTIVE one changes by revision). */
  setCalendar(change: CoverageCalendarChange, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, change.agreementId, change.expectedRevision);
      const coverage = await manager.findOneBy(ServiceCoverage, {
        agreementId: agreement.id,
        serviceId: change.serviceId,
      });
      if (!coverage) throw new NotFoundError(`Service covered by ${agreement.number}`, change.serviceId);
      await assertCalendarsExist(manager, [change]);
      if (coverage.calendarId === change.calendarId) return agreement;
      await manager.update(ServiceCoverage, { id: coverage.id }, { calendarId: change.calendarId });
      return touch(manager, agreement, "coverage calendar changed", actor, [
        {
          field: `coverage.${change.serviceId}.calendar`,
          from: JSON.stringify(coverage.calendarId),
          to: JSON.stringify(change.calendarId),
        },
      ]);
    });
  }
}
