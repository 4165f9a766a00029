import type { AuthenticationConfig } from "./config";
import { ConfigError, ANONYMOUS, TOKEN_ROLES, RequestRefused } from "@itsm/runtime";
import type { Identity } from "@itsm/runtime";
import type { JWTPayload, JWTVerifyGetKey, KeyLike } from "jose";
import { createRemoteJWKSet, errors, importSPKI, jwtVerify } from "jose";
import { createPublicKey } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { VerifiedTokens } from "./verified-tokens";

const HMAC_ALGORITHMS = ["HS256", "HS384", "HS512"];
const RSA_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];
const EC_ALGORITHMS = ["ES256", "ES384", "ES512"];
/** What a public key or a JWKS may sign with by default: every asymmetric algorithm, never HS* or `none`. */
export const ASYMMETRIC_ALGORITHMS = [...RSA_ALGORITHMS, ...EC_ALGORITHMS, "EdDSA"];

/** Bounds on the JWKS fetch: a slow identity provider must not hold requests for long. */
const JWKS_TIMEOUT_MS = 5_000;
const JWKS_COOLDOWN_MS = 30_000;
const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;

/** A verified caller: who it is, and the key its requests are rate-limited under. */
export interface Caller {
  identity: Identity;
  rateKey: string;
}

/** Checks the bearer token of a request; `authenticate` throws a `RequestRefused` (401/403/503) to answer with. */
export interface Authenticator {
  /** Whether tokens can be verified at all (a key, a public key or a JWKS is configured). */
  readonly verifies: boolean;
  authenticate(req: IncomingMessage): Promise<Caller>;
}

function quoted(text: string): string {
  // An RFC 6750 quoted-string: no double quotes or backslashes inside.
  return text.replace(/["\\]/g, "'");
}

/** The rate-limit key of a request no verified token identifies: its address. */
export function addressKey(req: IncomingMessage): string {
  return `ip:${req.socket.remoteAddress ?? "unknown"}`;
}

/** 401 for a token that cannot be trusted: the message says why, as does `WWW-Authenticate`. */
export function invalidToken(reason: string): RequestRefused {
  return new RequestRefused(401, "UNAUTHENTICATED", `Invalid bearer token: ${reason}`, {
    "www-authenticate": `Bearer error="invalid_token", error_description="${quoted(reason)}"`,
  });
}

function forbidden(reason: string): RequestRefused {
  return new RequestRefused(403, "FORBIDDEN", reason);
}

/** The bearer token of a request: undefined without an Authorization header; 401 for any other scheme. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === "") return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match) throw invalidToken("expected an Authorization header of the form Bearer <token>");
  return match[1];
}

/**
 * A claim by name: the name as it is first (namespaced claims such as `https://example.com/role`
 * contain dots), else a dotted path into nested objects (`realm_access.roles`).
 */
export function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return value.split(/[\s,]+/).filter((s) => s !== "");
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v !== "");
  return [];
}

/**
 * Maps a verified token's claims to an identity: `sub` is the subject; the role claim must name a
 * known role (the most privileged one when it lists several); a partner must name its customers.
 */
export function identityFromClaims(
  payload: JWTPayload,
  config: Pick<AuthenticationConfig, "roleClaim" | "customersClaim">,
): Identity {
  if (typeof payload.sub !== "string" || payload.sub === "") throw invalidToken('the token has no "sub" claim');
  const named = stringsOf(claimAt(payload, config.roleClaim)).map((r) => r.toLowerCase());
  const role = TOKEN_ROLES.find((known) => named.includes(known));
  if (!role) {
    throw forbidden(
      `The token's "${config.roleClaim}" claim names no known role (${named.length ? `got ${named.join(", ")}` : "it is missing"}); known roles: ${TOKEN_ROLES.join(", ")}`,
    );
  }
  const customerCodes = role === "partner" ? [...new Set(stringsOf(claimAt(payload, config.customersClaim)))] : [];
  if (role === "partner" && customerCodes.length === 0) {
    throw forbidden(`A partner token must list the partner's customer codes in its "${config.customersClaim}" claim`);
  }
  return Object.freeze({ subject: payload.sub, role, customerCodes: Object.freeze(customerCodes) });
}

/** Why jose refused a token, in words a client can act on. */
function refusalOf(error: unknown): RequestRefused {
  if (error instanceof RequestRefused) return error;
  if (error instanceof errors.JWTExpired) return invalidToken("the token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) return invalidToken(error.message);
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalidToken("the signature does not verify");
  if (error instanceof errors.JOSEAlgNotAllowed) return invalidToken("the token's signing algorithm is not accepted");
  if (error instanceof errors.JWKSNoMatchingKey)
    return invalidToken("no key of the identity provider matches the token");
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return invalidToken("several keys of the identity provider match the token");
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid)
    return invalidToken("the token is malformed");
  if (error instanceof errors.JOSENotSupported) return invalidToken("the token uses an unsupported algorithm or key");
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError)
  ) {
    // The identity provider's keys cannot be had (unreachable, slow, garbled): the token may be fine, so not a 401.
    return new RequestRefused(
      503,
      "SERVICE_UNAVAILABLE",
      "Cannot verify the token: the identity provider's keys are unavailable",
      { "retry-after": "5" },
    );
  }
  return invalidToken("the token does not verify");
}

function algorithmsFor(config: AuthenticationConfig, defaults: string[], allowed: string[], keyName: string): string[] {
  const algorithms = config.algorithms ?? defaults;
  const refused = algorithms.filter((alg) => !allowed.includes(alg));
  if (refused.length) {
    throw new ConfigError(
      `Invalid configuration: AUTH_ALGORITHMS ${refused.join(", ")} cannot be used with ${keyName} (allowed: ${allowed.join(", ")})`,
    );
  }
  return algorithms;
}

/** The algorithms a PEM public key can verify, by its type. */
function publicKeyAlgorithms(pem: string): string[] {
  let type: string | undefined;
  try {
    type = createPublicKey(pem).asymmetricKeyType;
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration: AUTH_PUBLIC_KEY is not a readable public key: ${(error as Error).message}`,
    );
  }
  if (type === "rsa") return RSA_ALGORITHMS;
  if (type === "rsa-pss") return RSA_ALGORITHMS.filter((a) => a.startsWith("PS"));
  if (type === "ec") return EC_ALGORITHMS;
  if (type === "ed25519" || type === "ed448") return ["EdDSA"];
  throw new ConfigError(
    `Invalid configuration: AUTH_PUBLIC_KEY is a ${type ?? "unknown"} key; use an RSA, EC or Ed25519 key`,
  );
}

/**
 * Builds the gateway's authenticator from its configuration: a JWKS URL, a PEM public key or an
 * HS256 secret (at most one); with none, requests are anonymous and a bearer token is refused
 * (it cannot be verified). Without a token a request is anonymous, unless ANONYMOUS_ACCESS=none.
 */
export async function createAuthenticator(config: AuthenticationConfig): Promise<Authenticator> {
  let key: KeyLike | Uint8Array | JWTVerifyGetKey | undefined;
  let algorithms: string[] = [];
  if (config.jwksUrl) {
    algorithms = algorithmsFor(config, ASYMMETRIC_ALGORITHMS, ASYMMETRIC_ALGORITHMS, "AUTH_JWKS_URL");
    key = createRemoteJWKSet(new URL(config.jwksUrl), {
      timeoutDuration: JWKS_TIMEOUT_MS,
      cooldownDuration: JWKS_COOLDOWN_MS,
      cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
    });
  } else if (config.publicKey) {
    const fitting = publicKeyAlgorithms(config.publicKey);
    algorithms = algorithmsFor(config, fitting, fitting, "AUTH_PUBLIC_KEY");
    key = await importSPKI(config.publicKey, algorithms[0]);
  } else if (config.hs256Secret) {
    algorithms = algorithmsFor(config, ["HS256"], HMAC_ALGORITHMS, "AUTH_HS256_SECRET");
    key = new TextEncoder().encode(config.hs256Secret);
  }
  const anonymousAllowed = config.anonymousAccess === "catalog";
  const verifyOptions = {
    algorithms,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ["exp"],
  };
  const verified = new VerifiedTokens();
  const verify = async (token: string): Promise<JWTPayload> => {
    const known = verified.get(token);
    if (known) return known;
    try {
      // jwtVerify has one overload per key kind; the union is narrowed here.
      const { payload } =
        typeof key === "function"
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key!, verifyOptions);
      verified.remember(token, payload);
      return payload;
    } catch (error) {
      throw refusalOf(error);
    }
  };
  return {
    verifies: key !== undefined,
    async authenticate(req) {
      const token = bearerToken(req);
      if (token === undefined) {
        if (!anonymousAllowed) {
          throw new RequestRefused(
            401,
            "UNAUTHENTICATED",
            "Sign in: this gateway needs a bearer token (ANONYMOUS_ACCESS=none)",
            {
              "www-authenticate": "Bearer",
            },
          );
        }
        return { identity: ANONYMOUS, rateKey: addressKey(req) };
      }
      if (key === undefined) {
        throw invalidToken(
          "this gateway has no identity provider configured (AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_HS256_SECRET), so it cannot verify tokens; send no Authorization header to act anonymously",
        );
      }
      const identity = identityFromClaims(await verify(token), config);
      return { identity, rateKey: `sub:${identity.subject}` };
    },
  };
}
