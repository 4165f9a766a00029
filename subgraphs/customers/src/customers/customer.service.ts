import type { OperationSelection, Page, PageRequest, Projection } from "@itsm/kit";
import { alignByKey, findGrouped, paginate, projectedColumns, readMany } from "@itsm/kit";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Contact } from "../contacts/contact.entity";
import { Customer } from "./customer.entity";
import type { CustomerCriteria } from "./customer.filters";
import { CUSTOMER_ORDER, filterCustomers } from "./customer.filters";
import type { CustomerScope } from "./customer.scope";
import { readsNone, whereInScope } from "./customer.scope";

/** How customer rows answer the Customer type (the scope and the lookups by code read the code). */
const CUSTOMER_FIELDS: Projection = { typeName: "Customer", always: ["code"] };

/** Reads customers and their contacts, only those within the caller's scope. */
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  /** A query over the customers the scope lets the caller read. */
  private scoped(scope: CustomerScope): SelectQueryBuilder<Customer> {
    return whereInScope(this.dataSource.getRepository(Customer).createQueryBuilder("customer"), scope);
  }

  /** With the request's `selection`, only the columns its Customer fields need (the rows then serve those fields only). */
  byIds(ids: readonly string[], scope: CustomerScope, selection?: OperationSelection): Promise<(Customer | null)[]> {
    return this.byKeys("id", ids, scope, selection);
  }

  byCodes(codes: readonly string[], scope: CustomerScope): Promise<(Customer | null)[]> {
    return this.byKeys("code", codes, scope);
  }

  /** The customers in scope whose `column` is one of `keys`, aligned with them (null: none, or out of scope). */
  private async byKeys(
    column: "id" | "code",
    keys: readonly string[],
    scope: CustomerScope,
    selection?: OperationSelection,
  ): Promise<(Customer | null)[]> {
    if (keys.length === 0 || readsNone(scope)) return keys.map(() => null);
    const query = this.scoped(scope).andWhere(`customer.${column} IN (:...keys)`, { keys: [...keys] });
    const rows = await readMany(
      query,
      projectedColumns(this.dataSource.getRepository(Customer).metadata, selection, CUSTOMER_FIELDS),
    );
    return alignByKey(keys, rows, (row) => row[column]);
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
