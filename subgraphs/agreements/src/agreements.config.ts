import { loadSubgraphConfig } from "@itsm/kit/config";
import type { Env } from "@itsm/runtime/config";
import { parseEnv } from "@itsm/runtime/config";
import { z } from "zod";

const SECONDS_MESSAGE = "must be a whole number of seconds, 0 or more";

/** The variables only the agreements subgraph reads. */
const agreementsEnv = z.object({
  LIFECYCLE_INTERVAL_SECONDS: z.coerce
    .number({ invalid_type_error: SECONDS_MESSAGE })
    .int(SECONDS_MESSAGE)
    .min(0, SECONDS_MESSAGE)
    .default(60),
});

/** The subgraph configuration plus `LIFECYCLE_INTERVAL_SECONDS` (default 60; 0 turns the scheduler off). */
export function loadAgreementsConfig(env: Env = process.env) {
  const parsed = parseEnv(agreementsEnv, env);
  return {
    ...loadSubgraphConfig("agreements", env),
    /** Seconds between runs of the lifecycle scheduler (expiry, scheduled versions, renewals); 0 = off. */
    lifecycleIntervalSeconds: parsed.LIFECYCLE_INTERVAL_SECONDS,
  };
}

export type AgreementsConfig = ReturnType<typeof loadAgreementsConfig>;
