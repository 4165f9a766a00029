import type { Identity, Page, PageRequest, SubgraphClient } from "@itsm/kit";
import { pageOfList } from "@itsm/kit";
import type { ServiceCalendar as CalendarModel } from "@itsm/service-hours";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { ServiceCalendar } from "../calendars/calendar.entity";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import type { Clock } from "../lifecycle/lifecycle.clock";
import type { AgreementScope } from "../scope/agreement.scope";
import { whereInScope } from "../scope/agreement.scope";
import { ServiceLevelTarget } from "../targets/target.entity";
import { TargetMetric } from "../targets/target.enums";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import type { Feasibility, FeasibilityFacts } from "./feasibility.rules";
import { FeasibilityStatus, feasibilityOf, isJudged } from "./feasibility.rules";
import type { UnsupportedTarget } from "./feasibility.types";
import { toTargetFeasibility } from "./feasibility.types";

/**
 * Who agreements is when it asks the catalog for dependency closures: a staff reader, so that a
 * partner's verdicts compose along every dependency, not only those of the LIVE catalogue it browses.
 */
export const FEASIBILITY_IDENTITY: Identity = Object.freeze({
  subject: "system:agreements-feasibility",
  role: "analyst",
  customerCodes: [],
});

const JUDGED = [TargetMetric.AVAILABILITY, TargetMetric.RESPONSE_TIME, TargetMetric.RESOLUTION_TIME];

/**
 * Reads what the feasibility rules need for a batch of targets and applies them: four statements
 * (underpinning links reachable from their agreements, the targets and coverage of the agreements
 * involved, their calendars) and one call to the catalog (the dependency closures), whatever the batch.
 */
export class FeasibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: SubgraphClient,
    private readonly clock: Clock,
  ) {}

  /** The feasibility of each target, aligned with them; null for metrics that are not judged. */
  async of(targets: readonly ServiceLevelTarget[]): Promise<(Feasibility | null)[]> {
    const judged = targets.filter((t) => isJudged(t.metric));
    if (judged.length === 0) return targets.map(() => null);
    const roots = [...new Set(judged.map((t) => t.agreementId))];
    const serviceIds = [...new Set(judged.map((t) => t.serviceId))];
    const [links, closures] = await Promise.all([this.activeLinksFrom(roots), this.closuresOf(serviceIds)]);
    const involved = [...new Set([...roots, ...links.map((l) => l.underpinningId)])];
    const manager = this.dataSource.manager;
    const [targetRows, coverage] = await Promise.all([
      manager.findBy(ServiceLevelTarget, { agreementId: In(involved), metric: In(JUDGED) }),
      manager.findBy(ServiceCoverage, { agreementId: In(involved) }),
    ]);
    const calendarIds = [...new Set(coverage.map((c) => c.calendarId))];
    const calendars = new Map(
      (calendarIds.length ? await manager.findBy(ServiceCalendar, { id: In(calendarIds) }) : []).map((c) => [
        c.id,
        { timeZone: c.timeZone, windows: c.windows, holidays: c.holidays } as CalendarModel,
      ]),
    );
    const underpinnings = group(
      links,
      (l) => l.agreementId,
      (l) => l.underpinningId,
    );
    const targetsOf = group(
      targetRows,
      (t) => t.agreementId,
      (t) => t,
    );
    const calendarOf = new Map(coverage.map((c) => [`${c.agreementId}:${c.serviceId}`, calendars.get(c.calendarId)]));
    const now = this.clock.now();
    return targets.map((target) => {
      const facts: FeasibilityFacts = {
        dependencies: closures.get(target.serviceId) ?? [],
        underpinningsOf: (id) => underpinnings.get(id) ?? [],
        targetsOf: (id) => targetsOf.get(id) ?? [],
        calendarOf: (agreementId, serviceId) => calendarOf.get(`${agreementId}:${serviceId}`) ?? null,
        now,
      };
      return feasibilityOf(target, facts);
    });
  }

  /**
   * Every UNSUPPORTED target of an ACTIVE or SCHEDULED agreement the caller may read, by agreement
   * number: all of them are judged (a constant number of statements), then the page is cut.
   */
  async unsupported(page: PageRequest, scope: AgreementScope): Promise<Page<UnsupportedTarget>> {
    const query = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder("agreement")
      .where("agreement.status IN (:...live)", { live: [AgreementStatus.ACTIVE, AgreementStatus.SCHEDULED] });
    whereInScope(query, scope);
    const agreements = new Map((await query.getMany()).map((a) => [a.id, a]));
    const targets = agreements.size
      ? await this.dataSource.manager.findBy(ServiceLevelTarget, {
          agreementId: In([...agreements.keys()]),
          metric: In(JUDGED),
        })
      : [];
    const verdicts = await this.of(targets);
    const numberOf = (target: ServiceLevelTarget) => agreements.get(target.agreementId)!.number;
    const rows: UnsupportedTarget[] = [];
    targets.forEach((target, i) => {
      const feasibility = verdicts[i];
      if (feasibility?.status === FeasibilityStatus.UNSUPPORTED)
        rows.push({ target, feasibility: toTargetFeasibility(feasibility) });
    });
    rows.sort((a, b) => numberOf(a.target).localeCompare(numberOf(b.target)) || a.target.id.localeCompare(b.target.id));
    return pageOfList(rows, page, (row) => [numberOf(row.target), row.target.id]);
  }

  /**
   * The ACTIVE underpinning links reachable from the agreements given, through chains of any length:
   * one recursive statement (SQLite and MariaDB alike); UNION drops repeats, so a cycle ends.
   */
  private async activeLinksFrom(agreementIds: readonly string[]): Promise<AgreementUnderpinning[]> {
    const q = (name: string) => this.dataSource.driver.escape(name);
    const links = q(this.dataSource.getMetadata(AgreementUnderpinning).tableName);
    const agreements = q(this.dataSource.getMetadata(Agreement).tableName);
    const [agreementId, underpinningId, id, status] = ["agreementId", "underpinningId", "id", "status"].map(q);
    return this.dataSource.query(
      `WITH RECURSIVE reach (agreementId, underpinningId) AS (
         SELECT u.${agreementId}, u.${underpinningId} FROM ${links} u
           JOIN ${agreements} a ON a.${id} = u.${underpinningId} AND a.${status} = ?
          WHERE u.${agreementId} IN (${agreementIds.map(() => "?").join(", ")})
         UNION
         SELECT u.${agreementId}, u.${underpinningId} FROM reach
           JOIN ${links} u ON u.${agreementId} = reach.underpinningId
           JOIN ${agreements} a ON a.${id} = u.${underpinningId} AND a.${status} = ?
       )
       SELECT agreementId, underpinningId FROM reach`,
      [AgreementStatus.ACTIVE, ...agreementIds, AgreementStatus.ACTIVE],
    );
  }

  /** Each service's dependency closure, asked of the catalog in one call. */
  private async closuresOf(serviceIds: readonly string[]): Promise<Map<string, string[]>> {
    const services = await this.catalog.entities<{ id: string; dependencyClosure: { id: string }[] }>(
      "Service",
      serviceIds,
      "id dependencyClosure { id }",
      FEASIBILITY_IDENTITY,
    );
    return new Map(serviceIds.map((id, i) => [id, services[i]?.dependencyClosure.map((s) => s.id) ?? []]));
  }
}

function group<T, V>(rows: readonly T[], keyOf: (row: T) => string, valueOf: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), valueOf(row)]);
  return groups;
}
