import type { Identity, SubgraphClient } from "@itsm/kit";
import { isStaff, PartnerCustomers } from "@itsm/kit";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * Which customers' incidents and measurements a caller may read: all (staff), those of a
 * partner's own customers, or none (anonymous). Outages carry no customer data — they say that a
 * service or component was down, which every customer of it saw — so every signed-in caller,
 * partners included, reads every outage; only anonymous callers read none.
 */
export type CustomerScope = { kind: "all" } | { kind: "customers"; customerIds: readonly string[] } | { kind: "none" };

export const ALL_CUSTOMERS: CustomerScope = Object.freeze({ kind: "all" });
export const NO_CUSTOMERS: CustomerScope = Object.freeze({ kind: "none" });

/**
 * Restricts a query to the rows of customers in scope, in SQL (so pages and `totalCount` agree).
 * A row without a customer (a measurement over all customers) is not a partner's own.
 */
export function whereCustomerInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  customerColumn: string,
  scope: CustomerScope,
): void {
  if (scope.kind === "all") return;
  if (scope.kind === "none" || scope.customerIds.length === 0) {
    query.andWhere("1 = 0");
    return;
  }
  query.andWhere(`${customerColumn} IN (:...scopeCustomerIds)`, { scopeCustomerIds: [...scope.customerIds] });
}

/**
 * Derives a caller's customer scope: staff read every customer's records, a partner those of its
 * own customers (codes become ids through the kit's `PartnerCustomers`), anybody else none.
 */
export class CustomerScopeService {
  private readonly partnerCustomers: PartnerCustomers;

  constructor(customers: SubgraphClient) {
    this.partnerCustomers = new PartnerCustomers(customers);
  }

  async scopeOf(identity: Identity): Promise<CustomerScope> {
    if (isStaff(identity)) return ALL_CUSTOMERS;
    if (identity.role !== "partner") return NO_CUSTOMERS;
    return { kind: "customers", customerIds: await this.partnerCustomers.idsOf(identity) };
  }
}
