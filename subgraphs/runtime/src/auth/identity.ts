import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { UnauthenticatedError } from "../errors";

/**
 * What a caller may do, from most to least: `admin` everything, `editor` every write and read,
 * `analyst` every read, `partner` the LIVE catalogue plus its own customers and their agreements,
 * `anonymous` (no token) the LIVE catalogue only.
 */
export const ROLES = ["admin", "editor", "analyst", "partner", "anonymous"] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request, as far as a subgraph knows: verified by the gateway, passed on signed. */
export interface Identity {
  /** The token's subject; recorded as the actor of every change the request makes. */
  subject: string;
  role: Role;
  /** The customer codes a partner acts for (empty for every other role). */
  customerCodes: readonly string[];
}

export const ANONYMOUS: Identity = Object.freeze({ subject: "anonymous", role: "anonymous", customerCodes: [] });

/** The header that carries the signed identity from the gateway (and between subgraphs). */
export const INTERNAL_IDENTITY_HEADER = "x-itsm-identity";

/** How long a signed identity is accepted: one request's worth, with room for clock skew. */
export const INTERNAL_IDENTITY_TTL_SECONDS = 60;

const VERSION = "v1";

interface SignedClaims {
  sub: string;
  role: Role;
  customers: readonly string[];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function mac(secret: string, signed: string): Buffer {
  return createHmac("sha256", secret).update(signed).digest();
}

/**
 * Signs an identity for the internal header: `v1.<claims, base64url JSON>.<HMAC-SHA256, base64url>`.
 * Only holders of the shared INTERNAL_AUTH_SECRET (the gateway and the subgraphs) can make one.
 */
export function signIdentity(
  identity: Identity,
  secret: string,
  ttlSeconds = INTERNAL_IDENTITY_TTL_SECONDS,
  now = Date.now(),
): string {
  const claims: SignedClaims = {
    sub: identity.subject,
    role: identity.role,
    customers: identity.customerCodes,
    exp: Math.floor(now / 1000) + ttlSeconds,
  };
  const signed = `${VERSION}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${signed}.${mac(secret, signed).toString("base64url")}`;
}

function refused(reason: string): UnauthenticatedError {
  return new UnauthenticatedError(`Refused: ${reason}; subgraphs answer only requests signed by the gateway`);
}

/** The identity in a signed internal header; throws UNAUTHENTICATED when it is missing, forged, malformed or expired. */
export function verifyIdentity(token: string | undefined, secret: string, now = Date.now()): Identity {
  return verifiedClaims(token, secret, now).identity;
}

/** `verifyIdentity`, with the expiry of the header (seconds since the epoch). */
function verifiedClaims(token: string | undefined, secret: string, now: number): { identity: Identity; exp: number } {
  if (!token) throw refused(`no ${INTERNAL_IDENTITY_HEADER} header`);
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) throw refused(`a malformed ${INTERNAL_IDENTITY_HEADER} header`);
  const expected = mac(secret, `${parts[0]}.${parts[1]}`);
  const given = Buffer.from(parts[2], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw refused(`a ${INTERNAL_IDENTITY_HEADER} header with a wrong signature`);
  }
  let claims: Partial<SignedClaims>;
  try {
    claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Partial<SignedClaims>;
  } catch {
    throw refused(`a malformed ${INTERNAL_IDENTITY_HEADER} header`);
  }
  const { sub, role, customers, exp } = claims;
  if (
    typeof sub !== "string" ||
    !ROLES.includes(role as Role) ||
    !Array.isArray(customers) ||
    !customers.every((c) => typeof c === "string") ||
    typeof exp !== "number"
  ) {
    throw refused(`a ${INTERNAL_IDENTITY_HEADER} header without a valid identity`);
  }
  if (exp * 1000 <= now) throw refused(`an expired ${INTERNAL_IDENTITY_HEADER} header`);
  const identity = Object.freeze({ subject: sub, role: role as Role, customerCodes: Object.freeze([...customers]) });
  return { identity, exp };
}

/** How many identities (signed, or verified) the memories below keep: the most recently made. */
const REMEMBERED = 1_000;

/** Remembers `value` under `key` in `map`, forgetting the oldest entry beyond REMEMBERED. */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value as string);
  return value;
}

/**
 * `signIdentity` with one secret and lifetime, remembering the header made for an identity in the
 * current second: its expiry is in whole seconds, so every header made for that identity in that
 * second is the same string. One HMAC per identity and second instead of one per request.
 */
export function identitySigner(
  secret: string,
  ttlSeconds = INTERNAL_IDENTITY_TTL_SECONDS,
): (identity: Identity, now?: number) => string {
  const made = new Map<string, { second: number; header: string }>();
  return (identity, now = Date.now()) => {
    const second = Math.floor(now / 1000);
    const key = JSON.stringify([identity.subject, identity.role, identity.customerCodes]);
    const known = made.get(key);
    if (known?.second === second) return known.header;
    return remember(made, key, { second, header: signIdentity(identity, secret, ttlSeconds, now) }).header;
  };
}

/**
 * `verifyIdentity` with one secret, remembering the headers it accepted: the same string has the
 * same signature and claims, so a header seen before is only checked for its expiry again (a
 * request's fetches, and every request of a caller in the same second, carry the same header).
 * Refused headers are not remembered: each is checked in full, and refused, every time.
 */
export function identityVerifier(secret: string): (token: string | undefined, now?: number) => Identity {
  const accepted = new Map<string, { identity: Identity; exp: number }>();
  return (token, now = Date.now()) => {
    const known = token === undefined ? undefined : accepted.get(token);
    if (known && known.exp * 1000 > now) return known.identity;
    if (known) accepted.delete(token as string);
    const verified = verifiedClaims(token, secret, now);
    return remember(accepted, token as string, verified).identity;
  };
}

/**
 * The verified identity of an incoming subgraph request (see `verifyIdentity`); `verify`: a verifier
 * of the subgraph's secret (`identityVerifier`), or the secret itself.
 */
export function identityOf(req: IncomingMessage, verify: string | ((token: string | undefined) => Identity)): Identity {
  const header = req.headers[INTERNAL_IDENTITY_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  return typeof verify === "string" ? verifyIdentity(token, verify) : verify(token);
}
