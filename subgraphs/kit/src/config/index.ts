import { z } from "zod";

/** An expected reason a process cannot start; its message is the whole story (no stack is printed). */
export class StartupError extends Error {
  override readonly name: string = "StartupError";
}

/** Raised when an environment variable is missing or malformed; the message names the variable. */
export class ConfigError extends StartupError {
  override readonly name = "ConfigError";
}

export type Env = Record<string, string | undefined>;

const PORT_MESSAGE = "must be a port number from 0 to 65535";
const port = z.coerce
  .number({ invalid_type_error: PORT_MESSAGE })
  .int(PORT_MESSAGE)
  .min(0, PORT_MESSAGE)
  .max(65535, PORT_MESSAGE);
const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
  errorMap: () => ({ message: "must be one of fatal, error, warn, info, debug, trace, silent" }),
});
const BOOLEAN_MESSAGE = "must be true or false";
const bool = z
  .enum(["true", "false"], { errorMap: () => ({ message: BOOLEAN_MESSAGE }) })
  .transform((v) => v === "true");

const POSITIVE_MESSAGE = "must be a positive whole number";
const positiveInt = z.coerce
  .number({ invalid_type_error: POSITIVE_MESSAGE })
  .int(POSITIVE_MESSAGE)
  .positive(POSITIVE_MESSAGE);
const databaseUrl = z
  .string()
  .url()
  .refine((url) => /^(mysql|mariadb):\/\//.test(url), "must be a mysql:// or mariadb:// URL");

/** Parses the variables named in `shape` from `env`; every problem is reported at once, by variable name. */
export function parseEnv<T extends z.ZodRawShape>(shape: T, env: Env): z.infer<z.ZodObject<T>> {
  // Empty strings mean "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.keys(shape).map((key) => [key, env[key] === "" ? undefined : env[key]]));
  const result = z.object(shape).safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = present[name];
      return `${name} ${issue.message}${value === undefined ? "" : ` (got "${value}")`}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return result.data;
}

/** Settings every process (gateway and subgraphs) shares. */
export interface CommonConfig {
  host: string;
  logLevel: z.infer<typeof logLevel>;
  production: boolean;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  /**
   * The secret the gateway signs the caller's identity with and the subgraphs check it with
   * (`INTERNAL_AUTH_SECRET`): a subgraph answers no request without a valid signature.
   */
  internalSecret: string | undefined;
}

const commonShape = {
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: logLevel.default("info"),
  NODE_ENV: z.string().default("development"),
  MAX_BODY_BYTES: positiveInt.default(1_048_576),
  INTERNAL_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
};

function commonConfig(parsed: z.infer<z.ZodObject<typeof commonShape>>): CommonConfig {
  return {
    host: parsed.HOST,
    logLevel: parsed.LOG_LEVEL,
    production: parsed.NODE_ENV === "production",
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    internalSecret: parsed.INTERNAL_AUTH_SECRET,
  };
}

/**
 * The internal secret of a process that serves requests: the gateway and every subgraph must
 * share one, or the subgraphs would answer anybody (scripts that only migrate or seed need none).
 */
export function requireInternalSecret(config: CommonConfig): string {
  if (!config.internalSecret) {
    throw new ConfigError(
      "Invalid configuration: INTERNAL_AUTH_SECRET must be set to the secret the gateway and the subgraphs share (32+ characters; npm start makes one)",
    );
  }
  return config.internalSecret;
}

/** The subgraphs of the graph and their default ports (the gateway listens on 4000): the one list. */
export const SUBGRAPH_PORTS = { catalog: 4001, customers: 4002, agreements: 4003, operations: 4004 } as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;

/** The subgraphs' names, in composition order. */
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];

export interface SubgraphConfig extends CommonConfig {
  name: SubgraphName;
  port: number;
  /** MySQL/MariaDB URL; when absent the subgraph uses its embedded SQLite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** The variable that holds `databaseUrl`, for messages that tell the operator what to fix. */
  databaseUrlVariable: string;
  dataDir: string;
  dbPoolSize: number;
  /** Run pending migrations at start-up (MySQL/MariaDB); otherwise pending migrations stop the start. */
  migrateOnStart: boolean;
  /** Load the sample into an empty database at start-up: default on for the embedded database only. */
  seedOnStart: boolean;
  /** Where the other subgraphs are, for the checks that keep cross-subgraph references valid. */
  peerUrls: Record<SubgraphName, string>;
  /** Longest wait for one call to another subgraph. */
  peerTimeoutMs: number;
}

const peerUrl = z.string().url("must be an http(s) URL");

/**
 * Reads a subgraph's configuration: `<NAME>_PORT`, `<NAME>_DATABASE_URL`, `DATA_DIR`, `DB_POOL_SIZE`,
 * `MIGRATE_ON_START`, `SEED_ON_START`, the other subgraphs' `<NAME>_URL`, `SUBGRAPH_TIMEOUT_MS` and the
 * common settings.
 */
export function loadSubgraphConfig(name: SubgraphName, env: Env = process.env): SubgraphConfig {
  const prefix = name.toUpperCase();
  const parsed = parseEnv(
    {
      ...commonShape,
      [`${prefix}_PORT`]: port.default(SUBGRAPH_PORTS[name]),
      [`${prefix}_DATABASE_URL`]: databaseUrl.optional(),
      DATA_DIR: z.string().min(1).default(".data"),
      DB_POOL_SIZE: positiveInt.max(1000).default(10),
      MIGRATE_ON_START: bool.default("false"),
      SEED_ON_START: bool.optional(),
      SUBGRAPH_TIMEOUT_MS: positiveInt.default(10_000),
      CATALOG_URL: peerUrl.default(`http://localhost:${SUBGRAPH_PORTS.catalog}/graphql`),
      CUSTOMERS_URL: peerUrl.default(`http://localhost:${SUBGRAPH_PORTS.customers}/graphql`),
      AGREEMENTS_URL: peerUrl.default(`http://localhost:${SUBGRAPH_PORTS.agreements}/graphql`),
      OPERATIONS_URL: peerUrl.default(`http://localhost:${SUBGRAPH_PORTS.operations}/graphql`),
    },
    env,
  ) as Record<string, unknown> & z.infer<z.ZodObject<typeof commonShape>>;
  return {
    ...commonConfig(parsed),
    name,
    port: parsed[`${prefix}_PORT`] as number,
    databaseUrl: parsed[`${prefix}_DATABASE_URL`] as string | undefined,
    databaseUrlVariable: `${prefix}_DATABASE_URL`,
    dataDir: parsed.DATA_DIR as string,
    dbPoolSize: parsed.DB_POOL_SIZE as number,
    migrateOnStart: parsed.MIGRATE_ON_START as boolean,
    seedOnStart: (parsed.SEED_ON_START as boolean | undefined) ?? !parsed[`${prefix}_DATABASE_URL`],
    peerUrls: {
      catalog: parsed.CATALOG_URL as string,
      customers: parsed.CUSTOMERS_URL as string,
      agreements: parsed.AGREEMENTS_URL as string,
      operations: parsed.OPERATIONS_URL as string,
    },
    peerTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS as number,
  };
}

/** Limits on what one request may ask of the gateway. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  /** Operations in one batched request (a JSON array body). */
  maxBatch: number;
  /** Introspection for staff tokens (analyst, editor, admin); never for partners or anonymous callers. */
  introspection: boolean;
  /** Requests per client per window (token bucket: refills every window). */
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
}

/** How the gateway authenticates callers: bearer JWTs from an identity provider, mapped to roles. */
export interface AuthenticationConfig {
  /** The identity provider's JSON Web Key Set (`AUTH_JWKS_URL`). */
  jwksUrl: string | undefined;
  /** A PEM (SPKI) public key to verify tokens with, instead of a JWKS (`AUTH_PUBLIC_KEY`). */
  publicKey: string | undefined;
  /** A shared HS256 secret (`AUTH_HS256_SECRET`): for development and `npm run token`. */
  hs256Secret: string | undefined;
  /** Accepted signing algorithms (`AUTH_ALGORITHMS`); by default those that fit the key configured. */
  algorithms: string[] | undefined;
  /** Required `iss` (`AUTH_ISSUER`) and `aud` (`AUTH_AUDIENCE`) of every token. */
  issuer: string | undefined;
  audience: string | undefined;
  /** The claim holding the role (`AUTH_ROLE_CLAIM`, default `role`; a dotted path reaches into objects). */
  roleClaim: string;
  /** The claim holding a partner's customer codes (`AUTH_CUSTOMERS_CLAIM`, default `customers`). */
  customersClaim: string;
  /** Allowed clock skew when checking `exp`/`nbf` (`AUTH_CLOCK_TOLERANCE_SECONDS`, default 5). */
  clockToleranceSeconds: number;
  /** What a request without a token may do (`ANONYMOUS_ACCESS`): read the LIVE catalogue, or nothing. */
  anonymousAccess: "catalog" | "none";
}

export interface GatewayConfig extends CommonConfig {
  limits: OperationLimits;
  authentication: AuthenticationConfig;
  /**
   * An Apollo persisted-query manifest (`TRUSTED_DOCUMENTS_PATH`): when set, partners (and
   * anonymous callers) may run only its operations, by id.
   */
  trustedDocumentsPath: string | undefined;
  /**
   * Answers of at least this many bytes are gzipped for clients that accept it
   * (`COMPRESSION_MIN_BYTES`, default 1024; 0 turns compression off).
   */
  compressAboveBytes: number | undefined;
  port: number;
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name, from `<NAME>_URL` (e.g. `CATALOG_URL`). */
  subgraphUrls: Record<string, string>;
  /** Longest wait for one subgraph fetch. */
  subgraphTimeoutMs: number;
}

/** Reads the gateway's configuration: `PORT`, `SUPERGRAPH_PATH`, `<SUBGRAPH>_URL`, `SUBGRAPH_TIMEOUT_MS` and the common settings. */
export function loadGatewayConfig(defaultSupergraphPath: string, env: Env = process.env): GatewayConfig {
  const urlKeys = Object.keys(env).filter((key) => /^[A-Z][A-Z0-9_]*_URL$/.test(key) && !key.endsWith("_DATABASE_URL"));
  const parsed = parseEnv(
    {
      ...commonShape,
      PORT: port.default(4000),
      SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
      SUBGRAPH_TIMEOUT_MS: positiveInt.default(10_000),
      MAX_DEPTH: positiveInt.default(12),
      MAX_ALIASES: positiveInt.default(30),
      MAX_TOKENS: positiveInt.default(5_000),
      MAX_DIRECTIVES: positiveInt.default(30),
      MAX_COST: positiveInt.default(20_000),
      MAX_BATCH: positiveInt.default(10),
      INTROSPECTION: bool.optional(),
      RATE_LIMIT_POINTS: positiveInt.default(600),
      RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
      AUTH_JWKS_URL: z.string().url("must be an http(s) URL").optional(),
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
      COMPRESSION_MIN_BYTES: z.coerce
        .number({ invalid_type_error: "must be a whole number of bytes (0: off)" })
        .int("must be a whole number of bytes (0: off)")
        .min(0, "must be a whole number of bytes (0: off)")
        .default(1024),
      ...Object.fromEntries(urlKeys.map((key) => [key, z.string().url("must be an http(s) URL").optional()])),
    },
    env,
  ) as Record<string, unknown> & z.infer<z.ZodObject<typeof commonShape>>;
  const subgraphUrls: Record<string, string> = {};
  for (const key of urlKeys) {
    const url = parsed[key] as string | undefined;
    if (url) subgraphUrls[key.slice(0, -"_URL".length).toLowerCase()] = url;
  }
  const common = commonConfig(parsed);
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
    ...common,
    authentication: {
      jwksUrl: parsed.AUTH_JWKS_URL as string | undefined,
      publicKey: parsed.AUTH_PUBLIC_KEY as string | undefined,
      hs256Secret: parsed.AUTH_HS256_SECRET as string | undefined,
      algorithms: (parsed.AUTH_ALGORITHMS as string | undefined)?.split(","),
      issuer: parsed.AUTH_ISSUER as string | undefined,
      audience: parsed.AUTH_AUDIENCE as string | undefined,
      roleClaim: parsed.AUTH_ROLE_CLAIM as string,
      customersClaim: parsed.AUTH_CUSTOMERS_CLAIM as string,
      clockToleranceSeconds: parsed.AUTH_CLOCK_TOLERANCE_SECONDS as number,
      anonymousAccess: parsed.ANONYMOUS_ACCESS as "catalog" | "none",
    },
    trustedDocumentsPath: parsed.TRUSTED_DOCUMENTS_PATH as string | undefined,
    compressAboveBytes: (parsed.COMPRESSION_MIN_BYTES as number) || undefined,
    limits: {
      maxDepth: parsed.MAX_DEPTH as number,
      maxAliases: parsed.MAX_ALIASES as number,
      maxTokens: parsed.MAX_TOKENS as number,
      maxDirectives: parsed.MAX_DIRECTIVES as number,
      maxCost: parsed.MAX_COST as number,
      maxBatch: parsed.MAX_BATCH as number,
      introspection: (parsed.INTROSPECTION as boolean | undefined) ?? true,
      rateLimitPoints: parsed.RATE_LIMIT_POINTS as number,
      rateLimitWindowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS as number,
    },
    port: parsed.PORT as number,
    supergraphPath: parsed.SUPERGRAPH_PATH as string,
    subgraphUrls,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS as number,
  };
}

/**
 * Where database-backed tests run: the embedded database (default) or, with
 * `ITSM_TEST_DB=mariadb`, fresh databases on the server at `ITSM_TEST_MARIADB_URL`.
 */
export interface TestDatabaseSettings {
  driver: "sqlite" | "mariadb";
  /** Server URL without a database, e.g. `mysql://itsm:itsm@127.0.0.1:3307/`. */
  serverUrl: string | undefined;
}

export function loadTestDatabaseSettings(env: Env = process.env): TestDatabaseSettings {
  const parsed = parseEnv(
    {
      ITSM_TEST_DB: z.enum(["sqlite", "mariadb"]).default("sqlite"),
      ITSM_TEST_MARIADB_URL: databaseUrl.optional(),
    },
    env,
  );
  if (parsed.ITSM_TEST_DB === "mariadb" && !parsed.ITSM_TEST_MARIADB_URL) {
    throw new ConfigError("Invalid configuration: ITSM_TEST_DB=mariadb needs ITSM_TEST_MARIADB_URL");
  }
  return { driver: parsed.ITSM_TEST_DB, serverUrl: parsed.ITSM_TEST_MARIADB_URL };
}

export interface TracingConfig {
  /** OTLP/HTTP collector base URL; tracing is off when unset. */
  endpoint: string | undefined;
  /** How long finished spans wait before being sent in a batch. */
  exportDelayMs: number;
}

/** Tracing settings: the standard `OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_BSP_SCHEDULE_DELAY`. */
export function loadTracingConfig(env: Env = process.env): TracingConfig {
  const parsed = parseEnv(
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url("must be an http(s) URL").optional(),
      OTEL_BSP_SCHEDULE_DELAY: positiveInt.default(5_000),
    },
    env,
  );
  return { endpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT, exportDelayMs: parsed.OTEL_BSP_SCHEDULE_DELAY };
}
