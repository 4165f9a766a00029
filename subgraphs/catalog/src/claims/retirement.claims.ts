import type { Identity, SubgraphClient } from "@itsm/kit";

/** The agreements subgraph's answer to a retirement claim: refused while ACTIVE agreements cover the service. */
export interface RetirementClaim {
  granted: boolean;
  blockingAgreements: string[];
}

/**
 * The catalog's half of the retirement claim protocol, kept by the agreements subgraph: a granted
 * claim lets no agreement covering the service activate until it is released, so a retirement and
 * an activation racing each other never both succeed. Calls are made as the acting user.
 */
export class RetirementClaims {
  constructor(private readonly agreements: SubgraphClient) {}

  async claim(serviceId: string, actor: Identity): Promise<RetirementClaim> {
    const { claimServiceRetirement } = await this.agreements.execute<{ claimServiceRetirement: RetirementClaim }>(
      "mutation ($id: ID!) { claimServiceRetirement(serviceId: $id) { granted blockingAgreements } }",
      { id: serviceId },
      actor,
    );
    return claimServiceRetirement;
  }

  /** Gives a claim back; best effort, as the claim's holder is already failing. */
  async release(serviceId: string, actor: Identity): Promise<void> {
    await this.agreements
      .execute("mutation ($id: ID!) { releaseServiceRetirement(serviceId: $id) }", { id: serviceId }, actor)
      .catch(() => undefined);
  }
}
