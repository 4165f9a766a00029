import type { Identity } from "@itsm/runtime";
import type { SubgraphClient } from "./subgraph-client";

/** A peer's answer to a claim: refused while the agreements it names (ACTIVE ones) stand in the way. */
export interface ClaimAnswer {
  granted: boolean;
  blockingAgreements: string[];
}

/** The peer's mutations of one claim protocol, and the name of the argument they take the record's id as. */
export interface ClaimMutations {
  claim: string;
  release: string;
  argument: string;
}

/**
 * The claimant's half of a claim protocol kept by a peer subgraph (the agreements subgraph's
 * retirement and deactivation claims): `claim` asks for one with the record's id, `release` gives it
 * back (and fails when the peer cannot be reached). Calls are made as the acting user.
 */
export class PeerClaims {
  constructor(
    private readonly peer: SubgraphClient,
    private readonly mutations: ClaimMutations,
  ) {}

  async claim(id: string, actor: Identity): Promise<ClaimAnswer> {
    const { claim, argument } = this.mutations;
    const answer = await this.peer.execute<Record<string, ClaimAnswer>>(
      `mutation ($id: ID!) { ${claim}(${argument}: $id) { granted blockingAgreements } }`,
      { id },
      actor,
    );
    return answer[claim];
  }

  async release(id: string, actor: Identity): Promise<void> {
    const { release, argument } = this.mutations;
    await this.peer.execute(`mutation ($id: ID!) { ${release}(${argument}: $id) }`, { id }, actor);
  }
}
