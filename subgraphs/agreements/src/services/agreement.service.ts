import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, findGrouped, groupByKey, paginate, whereContains, whereEquals, whereIn } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import {
  Agreement,
  AgreementStatus,
  AgreementCustomer,
  AgreementUnderpinning,
  Responsibility,
  ServiceCoverage,
  ServiceLevelTarget,
} from "../entities";
import type { AgreementFilter } from "../resolvers/agreement.inputs";

/** Reads agreements and everything they contain: coverage, targets, responsibilities, parties. */
export class AgreementService {
  constructor(private readonly dataSource: DataSource) {}

  private get agreements() {
    return this.dataSource.getRepository(Agreement);
  }

  byIds(ids: readonly string[]): Promise<(Agreement | null)[]> {
    return findAligned(this.agreements, "id", ids);
  }

  /** For each number, the version in force (ACTIVE) or else the latest one. */
  async byNumbers(numbers: readonly string[]): Promise<(Agreement | null)[]> {
    return (await this.versionsOf(numbers)).map(
      (versions) => versions.find((a) => a.status === AgreementStatus.ACTIVE) ?? versions[versions.length - 1] ?? null,
    );
  }

  /** Every version of each number, oldest first. */
  async versionsOf(numbers: readonly string[]): Promise<Agreement[][]> {
    const rows = await this.agreements.find({ where: { number: In([...numbers]) }, order: { version: "ASC" } });
    return groupByKey(numbers, rows, (a) => a.number);
  }

  /** A page of agreements ordered by number. */
  list(filter: AgreementFilter | null | undefined, page: PageRequest): Promise<Page<Agreement>> {
    const query = this.agreements.createQueryBuilder("agreement");
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

  customerIdsOf(agreementIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.repo(AgreementCustomer), "agreementId", agreementIds, (p) => p.customerId);
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
