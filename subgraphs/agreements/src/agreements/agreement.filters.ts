import { keysetOrder, loadExisting, sortByText, whereContains, whereEquals, whereIn } from "@itsm/kit";
import type DataLoader from "dataloader";
import type { SelectQueryBuilder } from "typeorm";
import type { Agreement } from "./agreement.entity";
import type { AgreementStatus, AgreementType } from "./agreement.enums";

/** What `agreements(filter:)` can ask for; every given criterion must match. */
export interface AgreementCriteria {
  search?: string | null;
  status?: readonly AgreementStatus[] | null;
  type?: readonly AgreementType[] | null;
  serviceId?: string | null;
  customerId?: string | null;
  providerId?: string | null;
  expiringBefore?: string | null;
}

/** What the agreements listed on a service, customer or provider can be narrowed by. */
export interface RelatedAgreementCriteria {
  status?: readonly AgreementStatus[] | null;
  type?: readonly AgreementType[] | null;
}

/** Applies the criteria to a query on `agreement`, in SQL (so counts and pages stay right). */
export function whereMatches(query: SelectQueryBuilder<Agreement>, criteria: AgreementCriteria | null | undefined) {
  whereContains(query, ["agreement.number", "agreement.title"], criteria?.search);
  whereIn(query, "agreement.status", criteria?.status);
  whereIn(query, "agreement.type", criteria?.type);
  whereEquals(query, "agreement.providerId", criteria?.providerId);
  if (criteria?.serviceId) {
    query.andWhere(
      "agreement.id IN (SELECT coverage.agreementId FROM agreement_services coverage WHERE coverage.serviceId = :serviceId)",
      { serviceId: criteria.serviceId },
    );
  }
  if (criteria?.customerId) {
    query.andWhere(
      "agreement.id IN (SELECT party.agreementId FROM agreement_customers party WHERE party.customerId = :customerId)",
      { customerId: criteria.customerId },
    );
  }
  if (criteria?.expiringBefore) {
    query.andWhere("agreement.effectiveTo IS NOT NULL AND agreement.effectiveTo <= :expiringBefore", {
      expiringBefore: criteria.expiringBefore,
    });
  }
}

/** Pages of agreements are ordered by number (the id breaks ties between versions). */
export const BY_NUMBER = keysetOrder<Agreement>("agreement", "number");

/** Loads agreements by id, keeps those matching the status/type criteria, orders them by number. */
export async function relatedAgreements(
  agreementById: DataLoader<string, Agreement | null>,
  ids: readonly string[],
  criteria: RelatedAgreementCriteria = {},
): Promise<Agreement[]> {
  const agreements = await loadExisting(agreementById, [...new Set(ids)]);
  return sortByText(
    agreements.filter(
      (a) =>
        (!criteria.status || criteria.status.includes(a.status)) && (!criteria.type || criteria.type.includes(a.type)),
    ),
    (a) => a.number,
  );
}
