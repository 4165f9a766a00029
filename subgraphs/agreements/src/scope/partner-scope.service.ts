import type { Identity, SubgraphClient } from "@itsm/kit";
import { DomainError, ErrorCode, isStaff } from "@itsm/kit";
import { LRUCache } from "lru-cache";
import type { AgreementScope } from "./agreement.scope";
import { ALL_AGREEMENTS, NO_AGREEMENTS } from "./agreement.scope";

interface CustomersByCode {
  customers: { nodes: { id: string; code: string }[] } | null;
}

const CUSTOMERS_BY_CODE = `query ($codes: [String!]!, $first: Int!) {
  customers(filter: { codes: $codes }, first: $first) { nodes { id code } }
}`;

/** The customers subgraph's page limit: more codes than this are asked in several pages. */
const PAGE = 100;

/** How many customer codes' ids are remembered (a few hundred kB at most). */
const KNOWN_CODES = 10_000;

/**
 * Derives a caller's agreement scope. A partner's customer codes become customer ids through the
 * customers subgraph, asked as the partner (so it answers only the partner's own customers).
 */
export class PartnerScopeService {
  constructor(private readonly customers: SubgraphClient) {}

  /**
   * Customer ids by code, as the customers subgraph answered them. A customer's code never changes
   * and customers are never deleted, so an answer stays true: remembered (bounded, least recently
   * used out), partner requests skip the call. A code not found is not remembered (it may be created).
   */
  private readonly known = new LRUCache<string, string>({ max: KNOWN_CODES });

  async scopeOf(identity: Identity): Promise<AgreementScope> {
    if (isStaff(identity)) return ALL_AGREEMENTS;
    if (identity.role !== "partner") return NO_AGREEMENTS;
    return { kind: "partner", customerIds: await this.customerIdsOf(identity) };
  }

  private async customerIdsOf(partner: Identity): Promise<string[]> {
    const codes = [...new Set(partner.customerCodes)];
    const unknown = codes.filter((code) => !this.known.has(code));
    if (unknown.length > 0) await this.lookUp(unknown, partner);
    return codes.flatMap((code) => this.known.get(code) ?? []);
  }

  /** Asks the customers subgraph (as the partner) for the ids of these codes, and remembers them. */
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
        if (chunk.includes(customer.code)) this.known.set(customer.code, customer.id);
      }
    }
  }
}
