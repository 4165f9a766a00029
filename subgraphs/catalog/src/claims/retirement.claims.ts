import type { ClaimMutations, SubgraphClient } from "@itsm/kit";
import { PeerClaims } from "@itsm/kit";

/** The agreements subgraph's mutations of the retirement claim protocol. */
export const RETIREMENT_CLAIMS: ClaimMutations = {
  claim: "claimServiceRetirement",
  release: "releaseServiceRetirement",
  argument: "serviceId",
};

/**
 * The catalog's half of the retirement claim protocol, kept by the agreements subgraph: a granted
 * claim (refused while ACTIVE agreements cover the service) lets no agreement covering the service
 * activate until it is released, so a retirement and an activation racing each other never both succeed.
 */
export class RetirementClaims extends PeerClaims {
  constructor(agreements: SubgraphClient) {
    super(agreements, RETIREMENT_CLAIMS);
  }
}
