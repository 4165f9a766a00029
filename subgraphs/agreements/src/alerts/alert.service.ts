import type { CursorPosition, Identity, PageRequest } from "@itsm/kit";
import { DomainError, encodeCursor, ErrorCode, findInChunks, Page, stableId } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import type { Clock } from "../lifecycle/lifecycle.clock";
import { todayOf } from "../lifecycle/lifecycle.clock";
import type { AgreementScope } from "../scope/agreement.scope";
import { whereInScope } from "../scope/agreement.scope";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import type { AlertCriteria } from "./alert.inputs";
import type { RaisedAlert } from "./alert.rules";
import { ownAlerts, sortAlerts, underpinningAlert } from "./alert.rules";
import type { Alert } from "./alert.types";
import { ServiceLevelTarget } from "../targets/target.entity";
import { AlertKind } from "./alert.enums";
import type { PerformanceFiguresService } from "./performance-alert.service";
import { currentPeriodLabel, performanceAlert } from "./performance-alert.rules";

/** Who asks, and what to do when the performance alerts cannot be computed (the rest still answers). */
export interface AlertRequest {
  caller: Identity;
  onMissing(error: DomainError): void;
}

const PERFORMANCE_KINDS: (AlertKind | null | undefined)[] = [AlertKind.BUDGET_75, AlertKind.BREACHED];

const position = (a: RaisedAlert): CursorPosition => [`${a.dueOn}|${a.kind}`, a.key];

/**
 * Alerts are computed when asked, from the agreements in the caller's scope (a partner: its own
 * SLAs) on today's date: nothing is stored, so nothing goes stale. A constant number of queries.
 */
export class AlertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly performance: PerformanceFiguresService,
  ) {}

  async list(
    criteria: AlertCriteria | null | undefined,
    page: PageRequest,
    scope: AgreementScope,
    request: AlertRequest,
  ): Promise<Page<Alert>> {
    const all = await this.due(criteria, scope, request);
    const after = page.after ? all.findIndex((a) => comparePosition(position(a), page.after!) > 0) : 0;
    const rest = after < 0 ? [] : all.slice(after);
    const nodes = rest.slice(0, page.first);
    const edges = nodes.map((a) => ({ cursor: encodeCursor(position(a)), node: toAlert(a) }));
    return new Page(
      edges.map((e) => e.node),
      edges,
      {
        hasNextPage: rest.length > page.first,
        hasPreviousPage: page.after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      () => Promise.resolve(all.length),
    );
  }

  /** Every alert due today on the agreements in `scope` that meets the criteria, in list order. */
  async due(
    criteria: AlertCriteria | null | undefined,
    scope: AgreementScope,
    request: AlertRequest,
  ): Promise<RaisedAlert[]> {
    const today = todayOf(this.clock);
    const query = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder("agreement")
      .where("agreement.status IN (:...live)", {
        live: [AgreementStatus.DRAFT, AgreementStatus.SCHEDULED, AgreementStatus.ACTIVE],
      });
    whereInScope(query, scope);
    if (criteria?.agreementId) query.andWhere("agreement.id = :agreementId", { agreementId: criteria.agreementId });
    if (criteria?.customerId) {
      query.andWhere(
        "agreement.id IN (SELECT party.agreementId FROM agreement_customers party WHERE party.customerId = :customerId)",
        { customerId: criteria.customerId },
      );
    }
    const agreements = await query.getMany();
    const raised = agreements.flatMap((a) => ownAlerts(a, today));
    raised.push(...(await this.underpinningAlerts(agreements, scope.kind === "all")));
    if (!criteria?.kind || PERFORMANCE_KINDS.includes(criteria.kind)) {
      raised.push(...(await this.performanceAlerts(agreements, today, request)));
    }
    return sortAlerts(raised.filter((a) => !criteria?.kind || a.kind === criteria.kind));
  }

  /**
   * BUDGET_75 and BREACHED of the ACTIVE agreements given, from the operations subgraph's figures of
   * each target's current period (asked as the caller, one report per period kind in use). When
   * operations cannot answer, none are listed and `onMissing` is told: the answer then carries the
   * other kinds and an error saying that these are missing.
   */
  private async performanceAlerts(
    agreements: Agreement[],
    today: string,
    request: AlertRequest,
  ): Promise<RaisedAlert[]> {
    const active = new Map(agreements.filter((a) => a.status === AgreementStatus.ACTIVE).map((a) => [a.id, a]));
    if (active.size === 0) return [];
    const targets = await findInChunks(this.dataSource.getRepository(ServiceLevelTarget), "agreementId", [
      ...active.keys(),
    ]);
    if (targets.length === 0) return [];
    const labels = new Map(targets.map((t) => [t.period, currentPeriodLabel(t.period, today)]));
    let figures;
    try {
      figures = await this.performance.current(labels, request.caller);
    } catch (error) {
      if (!(error instanceof DomainError) || error.extensions.code !== ErrorCode.SERVICE_UNAVAILABLE) throw error;
      request.onMissing(
        new DomainError(
          ErrorCode.SERVICE_UNAVAILABLE,
          "The operations subgraph could not be consulted: the BUDGET_75 and BREACHED alerts are missing from this answer (the other kinds are complete); retry shortly",
          { serviceName: "operations", missingKinds: [AlertKind.BUDGET_75, AlertKind.BREACHED] },
        ),
      );
      return [];
    }
    const byTarget = new Map([...figures.values()].flat().map((f) => [`${f.period.label}|${f.targetId}`, f] as const));
    return targets.flatMap((target) => {
      const found = byTarget.get(`${labels.get(target.period)}|${target.id}`);
      const agreement = active.get(target.agreementId)!;
      const raised = found && performanceAlert({ ...target, agreementNumber: agreement.number }, found);
      return raised ? [raised] : [];
    });
  }

  /** UNDERPINNING_ENDS_FIRST for the SLAs given: their underpinning links and agreements in two queries. */
  private async underpinningAlerts(agreements: Agreement[], named: boolean): Promise<RaisedAlert[]> {
    const slas = new Map(agreements.map((a) => [a.id, a]));
    if (slas.size === 0) return [];
    const links = await findInChunks(this.dataSource.getRepository(AgreementUnderpinning), "agreementId", [
      ...slas.keys(),
    ]);
    if (links.length === 0) return [];
    // The underpinning agreements are read for their dates only; a partner's message does not name them.
    const underpinnings = new Map(
      (
        await findInChunks(
          this.dataSource.getRepository(Agreement),
          "id",
          [...new Set(links.map((l) => l.underpinningId))],
          {
            status: AgreementStatus.ACTIVE,
          },
        )
      ).map((a) => [a.id, a]),
    );
    return links.flatMap((link) => {
      const under = underpinnings.get(link.underpinningId);
      const alert = under && underpinningAlert(slas.get(link.agreementId)!, under, named);
      return alert ? [alert] : [];
    });
  }
}

function comparePosition([sortA, idA]: CursorPosition, [sortB, idB]: CursorPosition): number {
  return String(sortA).localeCompare(String(sortB)) || idA.localeCompare(idB);
}

function toAlert(raised: RaisedAlert): Alert {
  return {
    id: stableId("Alert", raised.key),
    kind: raised.kind,
    agreementId: raised.agreementId,
    dueOn: raised.dueOn,
    message: raised.message,
  };
}
