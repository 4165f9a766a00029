import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, findGrouped, paginate, whereContains, whereIn } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { Contact, Customer } from "../entities";
import type { CustomerFilter } from "../resolvers/customer.inputs";

/** Reads customers and their contacts. */
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  private get customers() {
    return this.dataSource.getRepository(Customer);
  }

  byIds(ids: readonly string[]): Promise<(Customer | null)[]> {
    return findAligned(this.customers, "id", ids);
  }

  byCodes(codes: readonly string[]): Promise<(Customer | null)[]> {
    return findAligned(this.customers, "code", codes);
  }

  /** A page of customers ordered by code. */
  list(filter: CustomerFilter | null | undefined, page: PageRequest): Promise<Page<Customer>> {
    const query = this.customers.createQueryBuilder("customer");
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

  /** The contacts of each customer. */
  contactsOf(customerIds: readonly string[]): Promise<Contact[][]> {
    return findGrouped(this.dataSource.getRepository(Contact), "customerId", customerIds);
  }
}
