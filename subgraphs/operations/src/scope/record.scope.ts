import type { Identity, SubgraphClient } from "@itsm/kit";
import { DomainError, ErrorCode, isStaff } from "@itsm/kit";
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

interface CustomersByCode {
  customers: { nodes: { id: string; code: string }[] } | null;
}

const CUSTOMERS_BY_CODE = `query ($codes: [String!]!, $first: Int!) {
  customers(filter: { codes: $codes }, first: $first) { nodes { id code } }
}`;

/** The customers subgraph's page limit: more codes than this are asked in several pages. */
const PAGE = 100;

/** How many customer codes' ids are remembered. */
const KNOWN_CODES = 10_000;

/**
 * Derives a caller's customer scope. A partner's customer codes become ids through the customers
 * subgraph, asked as the partner (so it answers only the partner's own customers). A code never
 * changes and customers are never deleted, so answers are remembered (bounded, oldest out).
 */
export class CustomerScopeService {
  private readonly known = new Map<string, string>();

  constructor(private readonly customers: SubgraphClient) {}

  async scopeOf(identity: Identity): Promise<CustomerScope> {
    if (isStaff(identity)) return ALL_CUSTOMERS;
    if (identity.role !== "partner") return NO_CUSTOMERS;
    const codes = [...new Set(identity.customerCodes)];
    const unknown = codes.filter((code) => !this.known.has(code));
    if (unknown.length > 0) await this.lookUp(unknown, identity);
    return { kind: "customers", customerIds: codes.flatMap((code) => this.known.get(code) ?? []) };
  }

  private async lookUp(codes: string[], partner: Identity): Promise<void> {
    for (let i = 0; i < codes.length; i += PAGE) {
      const chunk = codes.slice(i, i + PAGE);
      let data: CustomersByCode;
      try {
        data = await this.customers.execute<CustomersByCode>(CUSTOMERS_BY_CODE, { codes: chunk, first: PAGE }, partner);
      } catch (error) {
        // Never widen (or guess) the scope: without the ids, the partner's reads fail.
        throw new DomainError(
          ErrorCode.SERVICE_UNAVAILABLE,
          `The customers subgraph could not be consulted to find the partner's customers (${(error as Error).message}); retry shortly`,
          { serviceName: "customers" },
        );
      }
      if (!data.customers) {
        throw new DomainError(
          ErrorCode.SERVICE_UNAVAILABLE,
          "The customers subgraph did not list the partner's customers; retry shortly",
          {
            serviceName: "customers",
          },
        );
      }
      // Only codes the partner acts for count, whatever the peer answers.
      for (const customer of data.customers.nodes) {
        if (chunk.includes(customer.code)) this.remember(customer.code, customer.id);
      }
    }
  }

  private remember(code: string, id: string): void {
    if (this.known.size >= KNOWN_CODES) this.known.delete(this.known.keys().next().value as string);
    this.known.set(code, id);
  }
}
