import type { FakeClaimsPeer } from "@itsm/kit/testing";
import { startFakeClaimsPeer, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { DEACTIVATION_CLAIMS } from "../../claims/deactivation.claims";

/**
 * A stand-in for the agreements subgraph as the customers subgraph calls it: deactivation claims
 * (granted when the customer has no ACTIVE agreements), releases, and `_entities` of customers with
 * their (ACTIVE) agreements.
 */
export type FakeAgreements = FakeClaimsPeer;

type Representations = { __typename: string; id: string }[];

export function startFakeAgreements(): Promise<FakeAgreements> {
  return startFakeClaimsPeer({
    secret: TEST_INTERNAL_SECRET,
    mutations: DEACTIVATION_CLAIMS,
    otherwise(request, activeOf) {
      const representations = (request.variables.representations ?? []) as Representations;
      return {
        data: {
          _entities: representations.map(({ id }) => ({ agreements: activeOf(id).map((number) => ({ number })) })),
        },
      };
    },
  });
}
