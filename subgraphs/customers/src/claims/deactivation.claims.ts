import type { Identity, SubgraphClient } from "@itsm/kit";

/** The agreements subgraph's answer to a deactivation claim: refused while the customer is party to ACTIVE agreements. */
export interface DeactivationClaim {
  granted: boolean;
  blockingAgreements: string[];
}

/**
 * The customers subgraph's half of the deactivation claim protocol, kept by the agreements
 * subgraph: a granted claim lets no agreement with the customer as a party activate until it is
 * released, so a deactivation and an activation racing each other never both succeed. Calls are
 * made as the acting user.
 */
export class DeactivationClaims {
  constructor(private readonly agreements: SubgraphClient) {}

  async claim(customerId: string, actor: Identity): Promise<DeactivationClaim> {
    const { claimCustomerDeactivation } = await this.agreements.execute<{
      claimCustomerDeactivation: DeactivationClaim;
    }>(
      "mutation ($id: ID!) { claimCustomerDeactivation(customerId: $id) { granted blockingAgreements } }",
      { id: customerId },
      actor,
    );
    return claimCustomerDeactivation;
  }

  /** Gives the claim back; fails when the agreements subgraph cannot be reached. */
  async release(customerId: string, actor: Identity): Promise<void> {
    await this.agreements.execute(
      "mutation ($id: ID!) { releaseCustomerDeactivation(customerId: $id) }",
      { id: customerId },
      actor,
    );
  }
}
