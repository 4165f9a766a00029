import { keysetOrder, whereContains, whereIn } from "@itsm/kit";
import type { SelectQueryBuilder } from "typeorm";
import type { Customer } from "./customer.entity";
import type { CustomerKind, CustomerStatus } from "./customer.enums";

/** The criteria a list of customers may be narrowed by (the GraphQL `CustomerFilter` is one). */
export interface CustomerCriteria {
  search?: string | null;
  codes?: string[] | null;
  kind?: CustomerKind[] | null;
  status?: CustomerStatus[] | null;
}

/** Narrows a customers query (alias `customer`): every given criterion must match, a list matches any of its values. */
export function filterCustomers(
  query: SelectQueryBuilder<Customer>,
  criteria: CustomerCriteria | null | undefined,
): void {
  whereContains(query, ["customer.code", "customer.name"], criteria?.search);
  whereIn(query, "customer.code", criteria?.codes);
  whereIn(query, "customer.kind", criteria?.kind);
  whereIn(query, "customer.status", criteria?.status);
}

/** Lists of customers are ordered by code (the id breaks ties for the keyset cursor). */
export const CUSTOMER_ORDER = keysetOrder<Customer>("customer", "code");
