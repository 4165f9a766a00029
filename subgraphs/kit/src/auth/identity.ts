import type { IncomingMessage } from "node:http";

/** Who is making a request, as far as a subgraph knows. */
export interface Identity {
  /** Recorded as the actor of every change the request makes. */
  subject: string;
}

export const ANONYMOUS: Identity = { subject: "anonymous" };

/**
 * The identity behind a request. Until the gateway passes a verified identity to the subgraphs,
 * every request is anonymous: nothing a client can send unverified may name an actor.
 */
export function identityOf(_req?: IncomingMessage): Identity {
  return ANONYMOUS;
}
