import type { Page, PageRequest } from "@itsm/kit";
import { alignByKey, findGrouped, paginate, whereContains, whereIn } from "@itsm/kit";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Contact, Customer } from "../entities";
import type { CustomerFilter } from "../resolvers/customer.inputs";
import type { CustomerScope } from "./customers.scope";

const readsNone = (scope: CustomerScope) => !scope.all && scope.codes.length === 0;

/** Reads customers and their contacts, only those within the caller's scope. */
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  /** A query over the customers the scope lets the caller read. */
  private scoped(scope: CustomerScope): SelectQueryBuilder<Customer> {
    const query = this.dataSource.getRepository(Customer).createQueryBuilder("customer");
    if (scope.all) return query;
    if (scope.codes.length === 0) return query.andWhere("1 = 0");
    // Its own parameter name: a `codes` filter on the same column must narrow it, not replace it.
    return query.andWhere("customer.code IN (:...scopeCodes)", { scopeCodes: [...scope.codes] });
  }

  async byIds(ids: readonly string[], scope: CustomerScope): Promise<(Customer | null)[]> {
    if (ids.length === 0 || readsNone(scope)) return ids.map(() => null);
    const rows = await this.scoped(scope)
      .andWhere("customer.id IN (:...ids)", { ids: [...ids] })
      .getMany();
    return alignByKey(ids, rows, (row) => row.id);
  }

  async byCodes(codes: readonly string[], scope: CustomerScope): Promise<(Customer | null)[]> {
    if (codes.length === 0 || readsNone(scope)) return codes.map(() => null);
    const rows = await this.scoped(scope)
      .andWhere("customer.code IN (:...codes)", { codes: [...codes] })
      .getMany();
    return alignByKey(codes, rows, (row) => row.code);
  }

  /** A page of the customers in scope, ordered by code; `totalCount` counts only those. */
  list(filter: CustomerFilter | null | undefined, page: PageRequest, scope: CustomerScope): Promise<Page<Customer>> {
    const query = this.scoped(scope);
    whereContains(query, ["customer.code", "customer.name"], filter?.search);
    whereIn(query, "customer.code", filter?.codes);
    whereIn(query, "customer.kind", filter?.kind);
    whereIn(query, "customer.status", filter?.status);
    return paginate(query, page, {
      sortColumn: "customer.code",
      idColumn: "customer.id",
      position: (c) => [c.code, c.id],
    });
  }

  /** The contacts of each customer (the caller reached the customers through this scoped service). */
  contactsOf(customerIds: readonly string[]): Promise<Contact[][]> {
    return findGrouped(this.dataSource.getRepository(Contact), "customerId", customerIds);
  }
}
