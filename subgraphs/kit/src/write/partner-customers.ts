import type { Identity } from "@itsm/runtime";
import { DomainError, ErrorCode } from "@itsm/runtime";
import { LRUCache } from "lru-cache";
import type { SubgraphClient } from "./subgraph-client";
import { chunksOf } from "../data/chunks";

interface CustomersByCode {
  customers: { nodes: { id: string; code: string }[] } | null;
}

const CUSTOMERS_BY_CODE = `query ($codes: [String!]!, $first: Int!) {
  customers(filter: { codes: $codes }, first: $first) { nodes { id code } }
}`;

/** The customers subgraph's page limit: more codes than this are asked in several pages. */
const PAGE = 100;

/** How many customer codes' ids are remembered by default (a few hundred kB at most). */
export const KNOWN_CUSTOMER_CODES = 10_000;

function unavailable(message: string): DomainError {
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message, { serviceName: "customers" });
}

/**
 * The ids of the customers a partner acts for. A partner's identity names its customers by code;
 * the codes become ids through the customers subgraph, asked as the partner (so it answers only the
 * partner's own customers). A customer's code never changes and customers are never deleted, so an
 * answer stays true: it is remembered (bounded, least recently used out) and later requests skip
 * the call. A code not found is not remembered (it may be created later) and is asked again.
 */
export class PartnerCustomers {
  private readonly known: LRUCache<string, string>;

  /** `customers` is the client of the customers subgraph (`peerClient(config, "customers")`). */
  constructor(
    private readonly customers: SubgraphClient,
    { remember = KNOWN_CUSTOMER_CODES }: { remember?: number } = {},
  ) {
    this.known = new LRUCache<string, string>({ max: remember });
  }

  /**
   * The ids of the partner's customers, in the order of its (distinct) codes; codes the customers
   * subgraph does not know are left out. SERVICE_UNAVAILABLE when it cannot be consulted: the
   * caller then fails rather than read with a guessed (or wider) scope.
   */
  async idsOf(partner: Identity): Promise<string[]> {
    const codes = [...new Set(partner.customerCodes)];
    const ids = new Map<string, string>();
    for (const code of codes) {
      const id = this.known.get(code);
      if (id !== undefined) ids.set(code, id);
    }
    const unknown = codes.filter((code) => !ids.has(code));
    // Answered from what was looked up, not read back from the cache: remembering new codes may push
    // out codes of this very partner when the cache is full.
    if (unknown.length > 0) for (const [code, id] of await this.lookUp(unknown, partner)) ids.set(code, id);
    return codes.flatMap((code) => ids.get(code) ?? []);
  }

  /** Asks the customers subgraph (as the partner) for the ids of these codes, and remembers them. */
  private async lookUp(codes: string[], partner: Identity): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const chunk of chunksOf(codes, PAGE)) {
      let data: CustomersByCode;
      try {
        data = await this.customers.execute<CustomersByCode>(CUSTOMERS_BY_CODE, { codes: chunk, first: PAGE }, partner);
      } catch (error) {
        // Never widen (or guess) the scope: without the ids, the partner's reads fail.
        throw unavailable(
          `The customers subgraph could not be consulted to find the partner's customers (${(error as Error).message}); retry shortly`,
        );
      }
      if (!data.customers) {
        throw unavailable("The customers subgraph did not list the partner's customers; retry shortly");
      }
      // Only codes the partner acts for count, whatever the peer answers.
      for (const customer of data.customers.nodes) {
        if (chunk.includes(customer.code)) found.set(customer.code, customer.id);
      }
    }
    for (const [code, id] of found) this.known.set(code, id);
    return found;
  }
}
