import type { Env } from "@itsm/runtime/config";
import { commonEnv, commonSettings, ConfigError, envValue, parseEnv } from "@itsm/runtime/config";
import { z } from "zod";

const BYTES_MESSAGE = "must be a whole number of bytes (0: off)";
const HEAP_GROWING_MESSAGE = "must be a whole percentage from 0 (V8's own) to 300";
/** The default burst limit as a multiple of the window's average rate per second. */
const BURST_OVER_AVERAGE = 5;

/** The variables the gateway reads (besides the subgraph URL overrides, whose names depend on the supergraph). */
const gatewayEnv = commonEnv.extend({
  PORT: envValue.port.default(4000),
  SUBGRAPH_TIMEOUT_MS: envValue.positiveInt.default(10_000),
  MAX_DEPTH: envValue.positiveInt.default(12),
  MAX_ALIASES: envValue.positiveInt.default(30),
  MAX_TOKENS: envValue.positiveInt.default(5_000),
  MAX_DIRECTIVES: envValue.positiveInt.default(30),
  MAX_COST: envValue.positiveInt.default(20_000),
  MAX_BATCH: envValue.positiveInt.default(10),
  INTROSPECTION: envValue.bool.optional(),
  RATE_LIMIT_POINTS: envValue.positiveInt.default(600),
  RATE_LIMIT_WINDOW_SECONDS: envValue.positiveInt.default(60),
  RATE_LIMIT_BURST: envValue.positiveInt.optional(),
  RATE_LIMIT_REDIS_URL: z
    .string()
    .url()
    .refine((url) => /^rediss?:\/\//.test(url), "must be a redis:// or rediss:// URL")
    .optional(),
  RATE_LIMIT_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, "must be letters, digits and _ . : - only")
    .default("itsm:rate"),
  RATE_LIMIT_REDIS_TIMEOUT_MS: envValue.positiveInt.default(200),
  RATE_LIMIT_REPLICAS: envValue.positiveInt.default(1),
  AUTH_JWKS_URL: envValue.httpUrl.optional(),
  AUTH_PUBLIC_KEY: z
    .string()
    .refine(
      (key) => key.includes("-----BEGIN PUBLIC KEY-----"),
      "must be a PEM public key (-----BEGIN PUBLIC KEY-----)",
    )
    .optional(),
  AUTH_HS256_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_ALGORITHMS: z
    .string()
    .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, "must be a comma-separated list such as RS256,ES256")
    .optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_ROLE_CLAIM: z.string().min(1).default("role"),
  AUTH_CUSTOMERS_CLAIM: z.string().min(1).default("customers"),
  AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  ANONYMOUS_ACCESS: z
    .enum(["catalog", "none"], { errorMap: () => ({ message: "must be catalog or none" }) })
    .default("catalog"),
  TRUSTED_DOCUMENTS_PATH: z.string().min(1).optional(),
  APOLLO_TELEMETRY: envValue.bool.default("false"),
  SINGLE_FETCH_PASSTHROUGH: envValue.bool.default("true"),
  COMPILED_PLANS: envValue.bool.default("true"),
  COMPRESSION_MIN_BYTES: z.coerce
    .number({ invalid_type_error: BYTES_MESSAGE })
    .int(BYTES_MESSAGE)
    .min(0, BYTES_MESSAGE)
    .default(1024),
  HEAP_GROWING_PERCENT: z.coerce
    .number({ invalid_type_error: HEAP_GROWING_MESSAGE })
    .int(HEAP_GROWING_MESSAGE)
    .min(0, HEAP_GROWING_MESSAGE)
    .max(300, HEAP_GROWING_MESSAGE)
    .default(100),
});

/** `<NAME>_URL` variables other than database URLs: where a subgraph of the supergraph really is. */
function subgraphUrlOverrides(env: Env): Record<string, string> {
  const keys = Object.keys(env).filter(
    (key) => /^[A-Z][A-Z0-9_]*_URL$/.test(key) && !key.endsWith("_DATABASE_URL") && !key.startsWith("AUTH_"),
  );
  const parsed = parseEnv(z.object(Object.fromEntries(keys.map((key) => [key, envValue.httpUrl.optional()]))), env);
  const urls: Record<string, string> = {};
  for (const [key, url] of Object.entries(parsed)) {
    if (url) urls[key.slice(0, -"_URL".length).toLowerCase()] = url;
  }
  return urls;
}

/** Reads the gateway's configuration: `PORT`, `SUPERGRAPH_PATH`, `<SUBGRAPH>_URL`, limits, authentication and the common settings. */
export function loadGatewayConfig(defaultSupergraphPath: string, env: Env = process.env) {
  const parsed = parseEnv(
    gatewayEnv.extend({ SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath) }),
    env,
  );
  const keys = (["AUTH_JWKS_URL", "AUTH_PUBLIC_KEY", "AUTH_HS256_SECRET"] as const).filter((key) => parsed[key]);
  if (keys.length > 1) {
    throw new ConfigError(`Invalid configuration: set one of ${keys.join(", ")}, not several`);
  }
  if (keys.length === 1 && (!parsed.AUTH_ISSUER || !parsed.AUTH_AUDIENCE)) {
    throw new ConfigError(
      `Invalid configuration: AUTH_ISSUER and AUTH_AUDIENCE must be set with ${keys[0]} (every token's iss and aud are checked)`,
    );
  }
  return {
    ...commonSettings(parsed),
    /** How the gateway authenticates callers: bearer JWTs from an identity provider, mapped to roles. */
    authentication: {
      /** The identity provider's JSON Web Key Set (`AUTH_JWKS_URL`). */
      jwksUrl: parsed.AUTH_JWKS_URL,
      /** A PEM (SPKI) public key to verify tokens with, instead of a JWKS (`AUTH_PUBLIC_KEY`). */
      publicKey: parsed.AUTH_PUBLIC_KEY,
      /** A shared HS256 secret (`AUTH_HS256_SECRET`): for development and `npm run token`. */
      hs256Secret: parsed.AUTH_HS256_SECRET,
      /** Accepted signing algorithms (`AUTH_ALGORITHMS`); by default those that fit the key configured. */
      algorithms: parsed.AUTH_ALGORITHMS?.split(","),
      /** Required `iss` (`AUTH_ISSUER`) and `aud` (`AUTH_AUDIENCE`) of every token. */
      issuer: parsed.AUTH_ISSUER,
      audience: parsed.AUTH_AUDIENCE,
      /** The claim holding the role (`AUTH_ROLE_CLAIM`, default `role`; a dotted path reaches into objects). */
      roleClaim: parsed.AUTH_ROLE_CLAIM,
      /** The claim holding a partner's customer codes (`AUTH_CUSTOMERS_CLAIM`, default `customers`). */
      customersClaim: parsed.AUTH_CUSTOMERS_CLAIM,
      /** Allowed clock skew when checking `exp`/`nbf` (`AUTH_CLOCK_TOLERANCE_SECONDS`, default 5). */
      clockToleranceSeconds: parsed.AUTH_CLOCK_TOLERANCE_SECONDS,
      /** What a request without a token may do (`ANONYMOUS_ACCESS`): read the LIVE catalogue, or nothing. */
      anonymousAccess: parsed.ANONYMOUS_ACCESS,
    },
    /**
     * An Apollo persisted-query manifest (`TRUSTED_DOCUMENTS_PATH`): when set, partners (and
     * anonymous callers) may run only its operations, by id.
     */
    trustedDocumentsPath: parsed.TRUSTED_DOCUMENTS_PATH,
    /**
     * Answers of at least this many bytes are gzipped for clients that accept it
     * (`COMPRESSION_MIN_BYTES`, default 1024; 0 turns compression off).
     */
    compressAboveBytes: parsed.COMPRESSION_MIN_BYTES || undefined,
    /**
     * Whether @apollo/gateway may send Apollo its usage metrics (`APOLLO_TELEMETRY`, default false):
     * it otherwise reports to usage-reporting.api.apollographql.com every minute, after probing the
     * cloud providers' metadata addresses, from every gateway — not what a graph inside a
     * customer's network should do unasked.
     */
    apolloTelemetry: parsed.APOLLO_TELEMETRY,
    /**
     * Queries whose plan is one fetch of exactly what the client asked are passed through to that
     * subgraph, without Apollo's execution (`SINGLE_FETCH_PASSTHROUGH`, default true; single-fetch.ts).
     */
    singleFetchPassthrough: parsed.SINGLE_FETCH_PASSTHROUGH,
    /**
     * Queries whose plan is several fetches (Sequence, Parallel, Flatten, Fetch) run compiled, without
     * Apollo's execution, with entity fetches to one subgraph merged and their representations sent
     * once (`COMPILED_PLANS`, default true; compiled-plans.ts).
     */
    compiledPlans: parsed.COMPILED_PLANS,
    /**
     * How far the JS heap's old generation may grow past what survived the last full collection
     * before the next one, in percent (`HEAP_GROWING_PERCENT`, default 100: to twice the live heap;
     * 0 leaves V8's own factor, up to 4× when collections are fast next to the work). Under
     * sustained load V8's own factor let the gateway's old generation settle at about 3.5× its
     * live 50 MB, about 90 MB more resident memory than 100 % at the same CPU per request
     * (bench/README.md, "The gateway's old generation").
     */
    heapGrowingPercent: parsed.HEAP_GROWING_PERCENT,
    /** Limits on what one request may ask of the gateway. */
    limits: {
      maxDepth: parsed.MAX_DEPTH,
      maxAliases: parsed.MAX_ALIASES,
      maxTokens: parsed.MAX_TOKENS,
      maxDirectives: parsed.MAX_DIRECTIVES,
      maxCost: parsed.MAX_COST,
      /** Operations in one batched request (a JSON array body). */
      maxBatch: parsed.MAX_BATCH,
      /** Introspection for staff tokens (analyst, editor, admin); never for partners or anonymous callers. */
      introspection: parsed.INTROSPECTION ?? true,
      /** Requests per client per window (token bucket: refills every window). */
      rateLimitPoints: parsed.RATE_LIMIT_POINTS,
      rateLimitWindowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS,
      /**
       * Requests per client per second, on top of the window (`RATE_LIMIT_BURST`): by default five
       * times the window's average rate (50 with the defaults), so a window cannot be spent at once.
       */
      rateLimitBurst:
        parsed.RATE_LIMIT_BURST ??
        Math.ceil((BURST_OVER_AVERAGE * parsed.RATE_LIMIT_POINTS) / parsed.RATE_LIMIT_WINDOW_SECONDS),
      /**
       * Where the counters live when several gateways share one limit (`RATE_LIMIT_REDIS_URL`); in
       * this process's memory when unset (one gateway).
       */
      rateLimitStore: parsed.RATE_LIMIT_REDIS_URL
        ? {
            url: parsed.RATE_LIMIT_REDIS_URL,
            /** Key prefix (`RATE_LIMIT_REDIS_PREFIX`): graphs sharing one Redis keep apart. */
            keyPrefix: parsed.RATE_LIMIT_REDIS_PREFIX,
            /** Longest wait for the store before a request is limited per process instead (`RATE_LIMIT_REDIS_TIMEOUT_MS`). */
            timeoutMs: parsed.RATE_LIMIT_REDIS_TIMEOUT_MS,
            /**
             * Gateways sharing the limit (`RATE_LIMIT_REPLICAS`, default 1): while the store is
             * down each allows its share of the limits, so that together they stay near them.
             */
            replicas: parsed.RATE_LIMIT_REPLICAS,
          }
        : undefined,
    },
    port: parsed.PORT,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    /** Subgraph URL overrides by subgraph name, from `<NAME>_URL` (e.g. `CATALOG_URL`). */
    subgraphUrls: subgraphUrlOverrides(env),
    /** Longest wait for one subgraph fetch. */
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export type AuthenticationConfig = GatewayConfig["authentication"];
export type OperationLimits = GatewayConfig["limits"];
