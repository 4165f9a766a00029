import type { OperationSelection, Page, PageRequest, Projected, Projection } from "@itsm/kit";
import { alignByKey, findAligned, findGrouped, paginate, projectedColumns, readMany } from "@itsm/kit";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Contact } from "../contacts/contact.entity";
import { Customer } from "./customer.entity";
import type { CustomerCriteria } from "./customer.filters";
import { CUSTOMER_ORDER, filterCustomers } from "./customer.filters";
import type { CustomerScope } from "./customer.scope";
import { inScope, readsNone, whereInScope } from "./customer.scope";

/** How customer rows answer the Customer type (the scope and the lookups by code read the code). */
const CUSTOMER_FIELDS: Projection = { typeName: "Customer", always: ["code"] };

/** A customer as `selectedByIds` reads it: id and code, the other columns only if the operation selects them. */
export type SelectedCustomer = Projected<Customer, "id" | "code">;

/** Reads customers and their contacts, only those within the caller's scope. */
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  /** A query over the customers the scope lets the caller read. */
  private scoped(scope: CustomerScope): SelectQueryBuilder<Customer> {
    return whereInScope(this.dataSource.getRepository(Customer).createQueryBuilder("customer"), scope);
  }

  /** With the request's `selection`, only the columns its Customer fields need (the rows then serve those fields only). */
  selectedByIds(
    ids: readonly string[],
    scope: CustomerScope,
    selection: OperationSelection,
  ): Promise<(SelectedCustomer | null)[]> {
    if (ids.length === 0 || readsNone(scope)) return Promise.resolve(ids.map(() => null));
    const customers = this.dataSource.getRepository(Customer);
    return findAligned(
      customers,
      "id",
      ids,
      inScope(scope),
      projectedColumns(customers.metadata, selection, CUSTOMER_FIELDS),
    );
  }

  /** The customers in scope with these codes, aligned with them (null: none, or out of scope). */
  async byCodes(codes: readonly string[], scope: CustomerScope): Promise<(Customer | null)[]> {
    if (codes.length === 0 || readsNone(scope)) return codes.map(() => null);
    const rows = await readMany(this.scoped(scope).andWhere("customer.code IN (:...codes)", { codes: [...codes] }));
    return alignByKey(codes, rows, (row) => row.code);
  }

  /** A page of the customers in scope, ordered by code; `totalCount` counts only those. */
  list(
    criteria: CustomerCriteria | null | undefined,
    page: PageRequest,
    scope: CustomerScope,
  ): Promise<Page<Customer>> {
    const query = this.scoped(scope);
    filterCustomers(query, criteria);
    return paginate(query, page, CUSTOMER_ORDER);
  }

  /** The contacts of each customer (the caller reached the customers through this scoped service). */
  contactsOf(customerIds: readonly string[]): Promise<Contact[][]> {
    return findGrouped(this.dataSource.getRepository(Contact), "customerId", customerIds);
  }
}
