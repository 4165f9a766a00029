import type { FakeMode, FakeRequest } from "@itsm/kit/testing";
import { startFakeSubgraph, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";

export type { FakeMode, FakeRequest };

/**
 * A stand-in for the agreements subgraph: deactivation claims (granted when the customer has no
 * ACTIVE agreements), releases, and `_entities` of customers with their agreements. It is the kit's
 * fake subgraph, so like a real subgraph it refuses (401) a request without a valid identity signed
 * with TEST_INTERNAL_SECRET; those are not recorded.
 */
export interface FakeAgreements {
  url: string;
  /** The numbers of the ACTIVE agreements each customer id is party to; absent ids have none. */
  active: Map<string, string[]>;
  mode: FakeMode;
  /** Every request received, oldest first, with its signed identity header (to verify against the actor). */
  requests: FakeRequest[];
  close(): Promise<void>;
}

type Representations = { __typename: string; id: string }[];

export async function startFakeAgreements(): Promise<FakeAgreements> {
  const blocking = (customerId: string) => fake.active.get(customerId) ?? [];
  const server = await startFakeSubgraph({
    secret: TEST_INTERNAL_SECRET,
    mode: () => fake.mode,
    errorMessage: () => "The agreements database is unavailable; retry shortly",
    answer(request) {
      const customerId = (request.variables.id as string | undefined) ?? "";
      if (request.query.includes("claimCustomerDeactivation")) {
        const numbers = blocking(customerId);
        return { data: { claimCustomerDeactivation: { granted: numbers.length === 0, blockingAgreements: numbers } } };
      }
      if (request.query.includes("releaseCustomerDeactivation")) return { data: { releaseCustomerDeactivation: true } };
      const representations = (request.variables.representations ?? []) as Representations;
      return {
        data: {
          _entities: representations.map(({ id }) => ({ agreements: blocking(id).map((number) => ({ number })) })),
        },
      };
    },
  });
  const fake: FakeAgreements = {
    url: `${server.baseUrl}/graphql`,
    active: new Map(),
    mode: "answer",
    requests: server.requests,
    close: () => server.close(),
  };
  return fake;
}
