import { loadSubgraphConfig } from "@itsm/kit/config";
import type { Env } from "@itsm/runtime/config";
import { parseEnv } from "@itsm/runtime/config";
import { z } from "zod";

const SECONDS_MESSAGE = "must be a whole number of seconds, 0 or more";

/** The variables only the operations subgraph reads. */
const operationsEnv = z.object({
  PERFORMANCE_REFRESH_SECONDS: z.coerce
    .number({ invalid_type_error: SECONDS_MESSAGE })
    .int(SECONDS_MESSAGE)
    .min(0, SECONDS_MESSAGE)
    .default(60),
});

/** The subgraph configuration plus `PERFORMANCE_REFRESH_SECONDS` (default 60; 0 turns the job off). */
export function loadOperationsConfig(env: Env = process.env) {
  const parsed = parseEnv(operationsEnv, env);
  return {
    ...loadSubgraphConfig("operations", env),
    /** Seconds between runs of the job that keeps the report's stored figures; 0 = off (reports compute in-request). */
    performanceRefreshSeconds: parsed.PERFORMANCE_REFRESH_SECONDS,
  };
}

export type OperationsConfig = ReturnType<typeof loadOperationsConfig>;
