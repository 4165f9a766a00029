import type { SelectQueryBuilder } from "typeorm";
import type { Agreement } from "../agreements/agreement.entity";
import { AgreementType } from "../agreements/agreement.enums";

/**
 * Which agreements a caller may read: `all` (staff), a partner's customers (`partner`: SLAs to
 * which one of these customer ids is a party; only these customers are shown as parties), or
 * `none` (anonymous: it may not read agreements at all, so `_entities` resolves nothing).
 */
export type AgreementScope = { kind: "all" } | { kind: "partner"; customerIds: readonly string[] } | { kind: "none" };

export const ALL_AGREEMENTS: AgreementScope = Object.freeze({ kind: "all" });
export const NO_AGREEMENTS: AgreementScope = Object.freeze({ kind: "none" });

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
