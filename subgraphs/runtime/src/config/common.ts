import { z } from "zod";
import { ConfigError, envValue } from "./env";

/** The variables every process (gateway and subgraphs) reads. */
export const commonEnv = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: envValue.logLevel.default("info"),
  NODE_ENV: z.string().default("development"),
  MAX_BODY_BYTES: envValue.positiveInt.default(1_048_576),
  INTERNAL_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

/** Settings every process shares, as the code reads them. */
export function commonSettings(env: z.output<typeof commonEnv>) {
  return {
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    production: env.NODE_ENV === "production",
    /** Largest accepted request body. */
    maxBodyBytes: env.MAX_BODY_BYTES,
    /**
     * The secret the gateway signs the caller's identity with and the subgraphs check it with
     * (`INTERNAL_AUTH_SECRET`): a subgraph answers no request without a valid signature.
     */
    internalSecret: env.INTERNAL_AUTH_SECRET,
  };
}

export type CommonConfig = ReturnType<typeof commonSettings>;

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

/** The subgraphs of the graph, in composition order: the one list (scripts, tests and bench read it). */
export const SUBGRAPH_NAMES = ["catalog", "customers", "agreements", "operations"] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Default ports of the subgraphs (the gateway listens on 4000). */
export const SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  catalog: 4001,
  customers: 4002,
  agreements: 4003,
  operations: 4004,
};

/** Tracing settings: the standard `OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_BSP_SCHEDULE_DELAY`. */
export const tracingEnv = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: envValue.httpUrl.optional(),
  OTEL_BSP_SCHEDULE_DELAY: envValue.positiveInt.default(5_000),
});
