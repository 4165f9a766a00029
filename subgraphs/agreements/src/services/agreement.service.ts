import type { Page, PageRequest } from "@itsm/kit";
import { alignByKey, findGrouped, groupByKey, paginate, whereContains, whereEquals, whereIn } from "@itsm/kit";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { In } from "typeorm";
import {
  Agreement,
  AgreementStatus,
  AgreementCustomer,
  AgreementType,
  AgreementUnderpinning,
  Responsibility,
  ServiceCoverage,
  ServiceLevelTarget,
} from "../entities";
import type { AgreementFilter } from "../resolvers/agreement.inputs";
import type { AgreementScope } from "./partner-scope.service";

/**
 * Restricts a query on `agreement` to the rows the scope may read, in SQL (so counts and pages
 * stay right): a partner reads SLAs to which one of its customers is a party; `none` reads nothing.
 */
export function whereInScope(query: SelectQueryBuilder<Agreement>, scope: AgreementScope): void {
  if (scope.kind === "all") return;
  if (scope.kind === "none" || scope.customerIds.length === 0) {
    query.andWhere("1 = 0");
    return;
  }
  query.andWhere(
    "agreement.type = :scopeType AND EXISTS (SELECT 1 FROM agreement_customers scopeParty WHERE scopeParty.agreementId = agreement.id AND scopeParty.customerId IN (:...scopeCustomerIds))",
    { scopeType: AgreementType.SLA, scopeCustomerIds: [...scope.customerIds] },
  );
}

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
    return alignByKey(ids, await query.getMany(), (a) => a.id);
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
    return groupByKey(numbers, await query.getMany(), (a) => a.number);
  }

  /** A page of the agreements in scope, ordered by number. */
  list(filter: AgreementFilter | null | undefined, page: PageRequest, scope: AgreementScope): Promise<Page<Agreement>> {
    const query = this.agreements.createQueryBuilder("agreement");
    whereInScope(query, scope);
    whereContains(query, ["agreement.number", "agreement.title"], filter?.search);
    whereIn(query, "agreement.status", filter?.status);
    whereIn(query, "agreement.type", filter?.type);
    whereEquals(query, "agreement.providerId", filter?.providerId);
    if (filter?.serviceId) {
      query.andWhere(
        "agreement.id IN (SELECT coverage.agreementId FROM agreement_services coverage WHERE coverage.serviceId = :serviceId)",
        { serviceId: filter.serviceId },
      );
    }
    if (filter?.customerId) {
      query.andWhere(
        "agreement.id IN (SELECT party.agreementId FROM agreement_customers party WHERE party.customerId = :customerId)",
        { customerId: filter.customerId },
      );
    }
    if (filter?.expiringBefore) {
      query.andWhere("agreement.effectiveTo IS NOT NULL AND agreement.effectiveTo <= :expiringBefore", {
        expiringBefore: filter.expiringBefore,
      });
    }
    return paginate(query, page, {
      sortColumn: "agreement.number",
      idColumn: "agreement.id",
      position: (a) => [a.number, a.id],
    });
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

  coverageOf(agreementIds: readonly string[]): Promise<ServiceCoverage[][]> {
    return findGrouped(this.repo(ServiceCoverage), "agreementId", agreementIds);
  }

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

  /** The targets set for each service, across agreements. */
  targetsForServices(serviceIds: readonly string[]): Promise<ServiceLevelTarget[][]> {
    return findGrouped(this.repo(ServiceLevelTarget), "serviceId", serviceIds);
  }

  private repo<T extends object>(entity: new () => T) {
    return this.dataSource.getRepository(entity);
  }
}
