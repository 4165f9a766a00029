import type { ClaimMutations, SubgraphClient } from "@itsm/kit";
import { PeerClaims } from "@itsm/kit";

/** The agreements subgraph's mutations of the deactivation claim protocol. */
export const DEACTIVATION_CLAIMS: ClaimMutations = {
  claim: "claimCustomerDeactivation",
  release: "releaseCustomerDeactivation",
  argument: "customerId",
};

/**
 * The customers subgraph's half of the deactivation claim protocol, kept by the agreements
 * subgraph: a granted claim (refused while the customer is party to ACTIVE agreements) lets no
 * agreement with the customer as a party activate until it is released, so a deactivation and an
 * activation racing each other never both succeed.
 */
export class DeactivationClaims extends PeerClaims {
  constructor(agreements: SubgraphClient) {
    super(agreements, DEACTIVATION_CLAIMS);
  }
}
