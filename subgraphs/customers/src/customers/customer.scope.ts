import type { Identity } from "@itsm/kit";
import { isStaff } from "@itsm/kit";
import type { FindOptionsWhere, SelectQueryBuilder } from "typeorm";
import { In } from "typeorm";
import type { Customer } from "./customer.entity";

/**
 * The customer rows a caller may read: every one (staff), or only those whose code is listed
 * (a partner its own; an anonymous caller none).
 */
export type CustomerScope = { readonly all: true } | { readonly all: false; readonly codes: readonly string[] };

export function customerScopeOf(identity: Identity): CustomerScope {
  if (isStaff(identity)) return { all: true };
  return { all: false, codes: identity.role === "partner" ? identity.customerCodes : [] };
}

/** Whether the scope lets the caller read no customer at all (lookups can then skip the database). */
export const readsNone = (scope: CustomerScope) => !scope.all && scope.codes.length === 0;

/** Narrows a customers query (alias `customer`) to the rows the scope lets the caller read. */
export function whereInScope(query: SelectQueryBuilder<Customer>, scope: CustomerScope): SelectQueryBuilder<Customer> {
  if (scope.all) return query;
  if (scope.codes.length === 0) return query.andWhere("1 = 0");
  // Its own parameter name: a `codes` filter on the same column must narrow it, not replace it.
  return query.andWhere("customer.code IN (:...scopeCodes)", { scopeCodes: [...scope.codes] });
}

/** The same rows as a condition for lookups by id (`findAligned`); not for scopes that read none (see `readsNone`). */
export function inScope(scope: CustomerScope): FindOptionsWhere<Customer> {
  return scope.all ? {} : { code: In([...scope.codes]) };
}
