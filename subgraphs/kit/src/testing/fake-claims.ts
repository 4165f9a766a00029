import type { ClaimMutations } from "../write/peer-claims";
import type { FakeMode, FakeRequest } from "./fake-subgraph";
import { startFakeSubgraph } from "./fake-subgraph";

/**
 * A stand-in for the agreements subgraph as a claimant calls it (see `PeerClaims`): claims granted
 * unless the record has ACTIVE agreements, and releases. It is the kit's fake subgraph, so like a
 * real subgraph it refuses (401) a request without a valid identity signed with `secret`; those are
 * not recorded.
 */
export interface FakeClaimsPeer {
  url: string;
  /** The numbers of the ACTIVE agreements in the way of each record id's claim; absent ids have none. */
  active: Map<string, string[]>;
  mode: FakeMode;
  /** Every request received, oldest first, with its signed identity header (to verify against the actor). */
  requests: FakeRequest[];
  /** Runs before a claim is answered, e.g. to change the record meanwhile; cleared by `reset`. */
  beforeClaim: ((id: string) => Promise<void>) | null;
  /** The requests received since `from` (an earlier `requests.length`), as [mutation, record id]. */
  since(from: number): [string, string | undefined][];
  /** Back to answering, with no ACTIVE agreements and no hook. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeClaimsOptions {
  /** The internal secret identities are signed with (the test process's). */
  secret: string;
  /** The claim protocol's mutations, as the claimant names them. */
  mutations: ClaimMutations;
  /** The answer to any other request, given the ACTIVE agreements of a record id; a GraphQL error by default. */
  otherwise?(request: FakeRequest, activeOf: (id: string) => string[]): unknown;
}

const recordIdOf = (request: FakeRequest) => request.variables.id as string | undefined;

export async function startFakeClaimsPeer({
  secret,
  mutations,
  otherwise,
}: FakeClaimsOptions): Promise<FakeClaimsPeer> {
  const activeOf = (id: string) => fake.active.get(id) ?? [];
  const server = await startFakeSubgraph({
    secret,
    mode: () => fake.mode,
    errorMessage: () => "The agreements database is unavailable; retry shortly",
    async answer(request) {
      const id = recordIdOf(request) ?? "";
      if (request.query.includes(mutations.claim)) {
        const hook = fake.beforeClaim;
        if (hook) await hook(id);
        const blocking = activeOf(id);
        return { data: { [mutations.claim]: { granted: blocking.length === 0, blockingAgreements: blocking } } };
      }
      if (request.query.includes(mutations.release)) return { data: { [mutations.release]: true } };
      if (otherwise) return otherwise(request, activeOf);
      return { data: null, errors: [{ message: `The fake agreements subgraph does not answer ${request.query}` }] };
    },
  });
  const operations = [mutations.claim, mutations.release];
  const fake: FakeClaimsPeer = {
    url: `${server.baseUrl}/graphql`,
    active: new Map(),
    mode: "answer",
    requests: server.requests,
    beforeClaim: null,
    since: (from) =>
      fake.requests
        .slice(from)
        .map((r) => [
          operations.find((op) => r.query.includes(`${op}(${mutations.argument}: $id)`)) ?? r.query,
          recordIdOf(r),
        ]),
    reset() {
      fake.mode = "answer";
      fake.active.clear();
      fake.beforeClaim = null;
    },
    close: () => server.close(),
  };
  return fake;
}
