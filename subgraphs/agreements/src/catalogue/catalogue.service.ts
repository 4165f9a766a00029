import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { Not } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { ServiceCalendar } from "../calendars/calendar.entity";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { ServiceLevelTarget } from "../targets/target.entity";
import type { CatalogueTarget, ServiceLevelCatalogue } from "./catalogue.types";

/** Rows of the change counter: writes to different agreements rarely share one (see `CatalogueRevisionSlot`). */
export const CATALOGUE_REVISION_SLOTS = 16;

/**
 * The revision: the number of catalogue changes ever committed, one primary-key range of
 * `CATALOGUE_REVISION_SLOTS` rows. Every change to an agreement or its parts (they all save the
 * agreement, `saveAgreement`, or insert it) and every calendar change bumps one slot in its own
 * transaction (`bumpCatalogueRevision`); slots only grow, so the sum only grows and a state never
 * repeats. The seeds, which write rows directly, bump once when they are done.
 */
const REVISION_SQL = "SELECT COALESCE(SUM(changeCount), 0) AS revision FROM catalogue_revisions";

const NOT_DRAFT = "SELECT id FROM agreements WHERE status <> :draft";

/** Reads the service level catalogue: a constant number of statements, however many agreements there are. */
export class CatalogueService {
  constructor(private readonly dataSource: DataSource) {}

  revision(manager: EntityManager = this.dataSource.manager): Promise<string> {
    return revisionOf(manager);
  }

  /** The whole catalogue, read in one transaction so that its revision describes exactly what it holds. */
  read(): Promise<ServiceLevelCatalogue> {
    return this.dataSource.transaction(async (manager) => {
      const draft = { draft: AgreementStatus.DRAFT };
      const ofNonDrafts = <T extends object>(entity: new () => T, alias: string) =>
        manager.createQueryBuilder(entity, alias).where(`${alias}.agreementId IN (${NOT_DRAFT})`, draft).getMany();
      // One after another: a transaction's statements share one connection.
      const revision = await revisionOf(manager);
      const agreements = await manager.find(Agreement, {
        where: { status: Not(AgreementStatus.DRAFT) },
        order: { number: "ASC", version: "ASC" },
      });
      const targets = await ofNonDrafts(ServiceLevelTarget, "target");
      const coverage = await ofNonDrafts(ServiceCoverage, "coverage");
      const parties = await ofNonDrafts(AgreementCustomer, "party");
      const calendars = await manager.find(ServiceCalendar, { order: { code: "ASC" } });
      return { revision, calendars, targets: catalogueTargets(agreements, targets, coverage, parties) };
    });
  }
}

async function revisionOf(manager: EntityManager): Promise<string> {
  const [row] = (await manager.query(REVISION_SQL)) as { revision: unknown }[];
  return String(Number(row.revision));
}

/**
 * In a transaction that changes the catalogue (an agreement, its targets, coverage or parties, or
 * a calendar): counts the change, in the slot of `key` (the agreement's or calendar's id). Last in
 * the transaction where possible: the slot's row stays locked until the commit.
 */
export async function bumpCatalogueRevision(manager: EntityManager, key: string): Promise<void> {
  const slot = createHash("sha1").update(key).digest()[0] % CATALOGUE_REVISION_SLOTS;
  const onConflict =
    manager.connection.options.type === "better-sqlite3"
      ? "ON CONFLICT (slot) DO UPDATE SET changeCount = changeCount + 1"
      : "ON DUPLICATE KEY UPDATE changeCount = changeCount + 1";
  await manager.query(`INSERT INTO catalogue_revisions (slot, changeCount) VALUES (?, 1) ${onConflict}`, [slot]);
}

/** Joins targets with their agreement, its customers and the calendar of their service's coverage. */
function catalogueTargets(
  agreements: Agreement[],
  targets: ServiceLevelTarget[],
  coverage: ServiceCoverage[],
  parties: AgreementCustomer[],
): CatalogueTarget[] {
  const calendarOf = new Map(coverage.map((c) => [`${c.agreementId}:${c.serviceId}`, c.calendarId]));
  const customersOf = new Map<string, string[]>();
  for (const party of parties)
    customersOf.set(party.agreementId, [...(customersOf.get(party.agreementId) ?? []), party.customerId]);
  const targetsOf = new Map<string, ServiceLevelTarget[]>();
  for (const target of targets)
    targetsOf.set(target.agreementId, [...(targetsOf.get(target.agreementId) ?? []), target]);
  return agreements.flatMap((agreement) =>
    (targetsOf.get(agreement.id) ?? [])
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((target) => {
        const calendarId = calendarOf.get(`${agreement.id}:${target.serviceId}`);
        // Targets exist only for covered services (removing coverage removes them).
        if (!calendarId) return [];
        return [
          {
            targetId: target.id,
            agreementId: agreement.id,
            agreementNumber: agreement.number,
            agreementType: agreement.type,
            agreementStatus: agreement.status,
            effectiveFrom: agreement.effectiveFrom,
            effectiveTo: agreement.effectiveTo,
            providerId: agreement.providerId,
            customerIds: [...(customersOf.get(agreement.id) ?? [])].sort(),
            serviceId: target.serviceId,
            calendarId,
            metric: target.metric,
            comparator: target.comparator,
            value: target.value,
            unit: target.unit,
            priority: target.priority,
            compliancePercent: target.compliancePercent,
            period: target.period,
          },
        ];
      }),
  );
}
