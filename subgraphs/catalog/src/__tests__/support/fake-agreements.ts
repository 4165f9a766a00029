import type { FakeClaimsPeer } from "@itsm/kit/testing";
import { startFakeClaimsPeer, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { RETIREMENT_CLAIMS } from "../../claims/retirement.claims";

/** A stand-in for the agreements subgraph as the catalog calls it: retirement claims and their releases. */
export type FakeAgreements = FakeClaimsPeer;

export function startFakeAgreements(): Promise<FakeAgreements> {
  return startFakeClaimsPeer({ secret: TEST_INTERNAL_SECRET, mutations: RETIREMENT_CLAIMS });
}
