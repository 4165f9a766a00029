import type { JWTPayload } from "jose";

/** How long a verified token is taken on trust again without checking its signature. */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Tokens remembered at most (the oldest go first): a few MB at worst. */
export const VERIFIED_TOKEN_LIMIT = 10_000;

/**
 * Tokens whose signature and claims verified, by their exact text, until the sooner of their
 * `exp` and a minute from the check: a client sends the same token with every request, and
 * checking its signature is the largest part of the gateway's authentication (jose's
 * `jwtVerify`: ~4% of its CPU under the benchmark's load). A token past `exp` is never answered
 * from here (within the clock tolerance jose decides again); a key withdrawn from the JWKS stops
 * its tokens at most a minute after jose stops using it (jose keeps the JWKS up to ten minutes).
 * Only the verified claims are kept, never a refusal: a token that failed is checked afresh.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { payload: JWTPayload; until: number }>();

  constructor(
    private readonly ttlMs = VERIFIED_TOKEN_TTL_MS,
    private readonly limit = VERIFIED_TOKEN_LIMIT,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The claims of a token verified earlier and still within its time here, else undefined. */
  get(token: string, now = Date.now()): JWTPayload | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.payload;
  }

  /** Remembers the claims of a token that just verified (a token without `exp` is not kept). */
  remember(token: string, payload: JWTPayload, now = Date.now()): void {
    if (typeof payload.exp !== "number") return;
    const until = Math.min(payload.exp * 1000, now + this.ttlMs);
    if (until <= now) return;
    if (this.entries.size >= this.limit) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(token, { payload, until });
  }
}
