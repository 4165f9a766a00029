import type { OperationSelection, Page, PageRequest, Projected, Projection } from "@itsm/kit";
import { alignByKey, findGrouped, groupByKey, paginate, projectedColumns, readMany } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { Responsibility } from "../responsibilities/responsibility.entity";
import type { AgreementScope } from "../scope/agreement.scope";
import { whereInScope } from "../scope/agreement.scope";
import { ServiceLevelTarget } from "../targets/target.entity";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import { Agreement } from "./agreement.entity";
import { AgreementStatus } from "./agreement.enums";
import type { AgreementCriteria } from "./agreement.filters";
import { BY_NUMBER, whereMatches } from "./agreement.filters";

/** Coverage as `selectedCoverageOf` reads it: the keys and service id, the other columns only if selected. */
export type SelectedCoverage = Projected<ServiceCoverage, "id" | "agreementId" | "serviceId">;

/** Targets as `selectedTargetsOf` reads them: what `sortTargets` reads, the other columns only if selected. */
export type SelectedTarget = Projected<ServiceLevelTarget, "id" | "agreementId" | "serviceId" | "metric" | "priority">;

/** How agreement rows answer the Agreement type (a page reads only the columns its operation needs). */
const AGREEMENT_FIELDS: Projection = {
  typeName: "Agreement",
  // The page's order and cursors.
  always: ["number"],
  derived: {
    provider: ["providerId"],
    customers: ["id"],
    services: ["id"],
    coverage: ["id"],
    targets: ["id"],
    responsibilities: ["id"],
    underpinnedBy: ["id"],
    underpins: ["id"],
  },
};

/** How target rows answer the ServiceLevelTarget type (`sortTargets` reads service, metric, priority). */
const TARGET_FIELDS: Projection = {
  typeName: "ServiceLevelTarget",
  always: ["agreementId", "serviceId", "metric", "priority"],
  derived: { service: ["serviceId"] },
};

/**
 * How coverage rows answer the ServiceCoverage type; they go otherwise only to Agreement.services,
 * which reads the service ids (and both fields order them by service).
 */
const COVERAGE_FIELDS: Projection = {
  typeName: "ServiceCoverage",
  always: ["agreementId", "serviceId"],
  derived: {
    service: ["serviceId"],
    monthlyCharge: ["monthlyChargeAmount", "monthlyChargeCurrency"],
    calendar: ["calendarId"],
  },
  alwaysWhenUnselected: true,
};

/**
 * Reads agreements and everything they contain: coverage, targets, responsibilities, parties.
 * Every read of agreement rows takes the caller's scope; contents are read by agreement ids that
 * came from a scoped read.
 */
export class AgreementService {
  constructor(private readonly dataSource: DataSource) {}

  private get agreements() {
    return this.dataSource.getRepository(Agreement);
  }

  /** The agreements with these ids, aligned with them; null where there is none in scope. */
  async byIds(ids: readonly string[], scope: AgreementScope): Promise<(Agreement | null)[]> {
    const query = this.agreements.createQueryBuilder("agreement").where("agreement.id IN (:...ids)", { ids: [...ids] });
    whereInScope(query, scope);
    return alignByKey(ids, await readMany(query), (a) => a.id);
  }

  /** For each number, the version in force (ACTIVE) or else the latest one (of those in scope). */
  async byNumbers(numbers: readonly string[], scope: AgreementScope): Promise<(Agreement | null)[]> {
    return (await this.versionsOf(numbers, scope)).map(
      (versions) => versions.find((a) => a.status === AgreementStatus.ACTIVE) ?? versions[versions.length - 1] ?? null,
    );
  }

  /** Every version (in scope) of each number, oldest first. */
  async versionsOf(numbers: readonly string[], scope: AgreementScope): Promise<Agreement[][]> {
    const query = this.agreements
      .createQueryBuilder("agreement")
      .where("agreement.number IN (:...numbers)", { numbers: [...numbers] })
      .orderBy("agreement.version", "ASC");
    whereInScope(query, scope);
    return groupByKey(numbers, await readMany(query), (a) => a.number);
  }

  /**
   * A page of the agreements in scope that meet the criteria, ordered by number; with the request's
   * `selection`, only the columns its Agreement fields need (the page's rows go to those fields only).
   */
  list(
    criteria: AgreementCriteria | null | undefined,
    page: PageRequest,
    scope: AgreementScope,
    selection?: OperationSelection,
  ): Promise<Page<Agreement>> {
    const query = this.agreements.createQueryBuilder("agreement");
    whereInScope(query, scope);
    whereMatches(query, criteria);
    return paginate(query, page, BY_NUMBER, projectedColumns(this.agreements.metadata, selection, AGREEMENT_FIELDS));
  }

  /** The customers party to each agreement; for a partner, only its own (a shared SLA hides the others). */
  async customerIdsOf(agreementIds: readonly string[], scope: AgreementScope): Promise<string[][]> {
    if (scope.kind === "all") {
      return findGrouped(this.repo(AgreementCustomer), "agreementId", agreementIds, (p) => p.customerId);
    }
    const visible = scope.kind === "partner" ? scope.customerIds : [];
    if (visible.length === 0) return agreementIds.map(() => []);
    return findGrouped(this.repo(AgreementCustomer), "agreementId", agreementIds, (p) => p.customerId, {
      customerId: In([...visible]),
    });
  }

  /**
   * The coverage of each agreement for Agreement.coverage and Agreement.services only: with the
   * request's `selection`, only the columns its ServiceCoverage fields need (the service ids alone
   * when it selects none).
   */
  selectedCoverageOf(agreementIds: readonly string[], selection: OperationSelection): Promise<SelectedCoverage[][]> {
    const coverage = this.repo(ServiceCoverage);
    const select = projectedColumns(coverage.metadata, selection, COVERAGE_FIELDS);
    return findGrouped(coverage, "agreementId", agreementIds, undefined, {}, select);
  }

  /**
   * The targets of each agreement for Agreement.targets only: with the request's `selection`, only
   * the columns its ServiceLevelTarget fields need.
   */
  selectedTargetsOf(agreementIds: readonly string[], selection: OperationSelection): Promise<SelectedTarget[][]> {
    const targets = this.repo(ServiceLevelTarget);
    const select = projectedColumns(targets.metadata, selection, TARGET_FIELDS);
    return findGrouped(targets, "agreementId", agreementIds, undefined, {}, select);
  }

  /** The whole targets of each agreement (for rules that judge them). */
  targetsOf(agreementIds: readonly string[]): Promise<ServiceLevelTarget[][]> {
    return findGrouped(this.repo(ServiceLevelTarget), "agreementId", agreementIds);
  }

  responsibilitiesOf(agreementIds: readonly string[]): Promise<Responsibility[][]> {
    return findGrouped(this.repo(Responsibility), "agreementId", agreementIds);
  }

  /** Ids of the OLAs and contracts that underpin each agreement. */
  underpinningIdsOf(agreementIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.repo(AgreementUnderpinning), "agreementId", agreementIds, (u) => u.underpinningId);
  }

  /** Ids of the agreements that each OLA or contract underpins. */
  underpinnedIdsOf(agreementIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.repo(AgreementUnderpinning), "underpinningId", agreementIds, (u) => u.agreementId);
  }

  /** Ids of the agreements covering each service. */
  agreementIdsCoveringServices(serviceIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.repo(ServiceCoverage), "serviceId", serviceIds, (c) => c.agreementId);
  }

  /** Ids of the agreements each customer is party to. */
  agreementIdsOfCustomers(customerIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.repo(AgreementCustomer), "customerId", customerIds, (p) => p.agreementId);
  }

  /** Ids of each provider's agreements. */
  async agreementIdsOfProviders(providerIds: readonly string[]): Promise<string[][]> {
    const rows = await this.agreements.find({
      select: { id: true, providerId: true },
      where: { providerId: In([...providerIds]) },
    });
    return groupByKey(
      providerIds,
      rows,
      (a) => a.providerId,
      (a) => a.id,
    );
  }

  /** The targets with these ids, aligned with them (unscoped: callers check the agreement). */
  async targetsByIds(ids: readonly string[]): Promise<(ServiceLevelTarget | null)[]> {
    return alignByKey(ids, await this.repo(ServiceLevelTarget).findBy({ id: In([...ids]) }), (t) => t.id);
  }

  /** The targets set for each service, across agreements. */
  targetsForServices(serviceIds: readonly string[]): Promise<ServiceLevelTarget[][]> {
    return findGrouped(this.repo(ServiceLevelTarget), "serviceId", serviceIds);
  }

  private repo<T extends object>(entity: new () => T) {
    return this.dataSource.getRepository(entity);
  }
}
