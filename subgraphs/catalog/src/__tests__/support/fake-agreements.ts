import type { FakeMode, FakeRequest } from "@itsm/kit/testing";
import { startFakeSubgraph, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";

export type { FakeMode, FakeRequest };

/**
 * A stand-in for the agreements subgraph as the catalog calls it: retirement claims (granted when
 * no ACTIVE agreement covers the service) and releases of claims. It is the kit's fake subgraph, so
 * like a real subgraph it refuses (401) a request without a valid identity signed with
 * TEST_INTERNAL_SECRET; those are not recorded.
 */
export interface FakeAgreements {
  url: string;
  /** The numbers of the ACTIVE agreements covering each service id; absent ids have none. */
  active: Map<string, string[]>;
  mode: FakeMode;
  /** Every request received, oldest first. */
  requests: FakeRequest[];
  /** Runs before a claim is answered, e.g. to change the service meanwhile; cleared by `reset`. */
  beforeClaim: ((serviceId: string) => Promise<void>) | null;
  /** The requests received since `from` (an earlier `requests.length`), as [operation, service id]. */
  since(from: number): [string, string | undefined][];
  reset(): void;
  close(): Promise<void>;
}

const OPERATIONS = ["claimServiceRetirement", "releaseServiceRetirement"];

const serviceIdOf = (request: FakeRequest) => request.variables.id as string | undefined;

export async function startFakeAgreements(): Promise<FakeAgreements> {
  const server = await startFakeSubgraph({
    secret: TEST_INTERNAL_SECRET,
    mode: () => fake.mode,
    errorMessage: () => "The agreements database is unavailable; retry shortly",
    async answer(request) {
      const serviceId = serviceIdOf(request) ?? "";
      if (request.query.includes("claimServiceRetirement")) {
        const hook = fake.beforeClaim;
        if (hook) await hook(serviceId);
        const blocking = fake.active.get(serviceId) ?? [];
        return { data: { claimServiceRetirement: { granted: blocking.length === 0, blockingAgreements: blocking } } };
      }
      if (request.query.includes("releaseServiceRetirement")) return { data: { releaseServiceRetirement: true } };
      return { data: null, errors: [{ message: `The fake agreements subgraph does not answer ${request.query}` }] };
    },
  });
  const fake: FakeAgreements = {
    url: `${server.baseUrl}/graphql`,
    active: new Map(),
    mode: "answer",
    requests: server.requests,
    beforeClaim: null,
    since: (from) =>
      fake.requests
        .slice(from)
        .map((r) => [OPERATIONS.find((op) => r.query.includes(`${op}(serviceId: $id)`)) ?? r.query, serviceIdOf(r)]),
    reset() {
      fake.mode = "answer";
      fake.active.clear();
      fake.beforeClaim = null;
    },
    close: () => server.close(),
  };
  return fake;
}
