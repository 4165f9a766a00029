import { loadSubgraphConfig } from "@itsm/kit/config";
import type { Env } from "@itsm/runtime/config";
import { envValue, parseEnv } from "@itsm/runtime/config";
import { z } from "zod";
import { DEFAULT_RETENTION_DAYS } from "./webhooks/webhook.retention";

const SECONDS_MESSAGE = "must be a whole number of seconds, 0 or more";
const RETENTION_MESSAGE =
  "must be a whole number of days from 2 to 3650 (past the 24-hour retry window), or 0 to keep every event";

/** The variables only the agreements subgraph reads. */
const agreementsEnv = z.object({
  LIFECYCLE_INTERVAL_SECONDS: z.coerce
    .number({ invalid_type_error: SECONDS_MESSAGE })
    .int(SECONDS_MESSAGE)
    .min(0, SECONDS_MESSAGE)
    .default(60),
  WEBHOOK_DELIVERY_INTERVAL_SECONDS: z.coerce
    .number({ invalid_type_error: SECONDS_MESSAGE })
    .int(SECONDS_MESSAGE)
    .min(0, SECONDS_MESSAGE)
    .default(10),
  WEBHOOK_TIMEOUT_SECONDS: envValue.positiveInt.max(120).default(10),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: envValue.bool.default("false"),
  WEBHOOK_RETENTION_DAYS: z.coerce
    .number({ invalid_type_error: RETENTION_MESSAGE })
    .int(RETENTION_MESSAGE)
    .refine((days) => days === 0 || (days >= 2 && days <= 3650), RETENTION_MESSAGE)
    .default(DEFAULT_RETENTION_DAYS),
  REQUIRE_SIGNATURES: envValue.bool.default("false"),
});

/**
 * The subgraph configuration plus `LIFECYCLE_INTERVAL_SECONDS` (default 60; 0 turns the scheduler
 * off) and the webhook delivery settings (`WEBHOOK_DELIVERY_INTERVAL_SECONDS`, default 10, 0 = off;
 * `WEBHOOK_TIMEOUT_SECONDS`, default 10; `WEBHOOK_ALLOW_PRIVATE_NETWORKS`, default false;
 * `WEBHOOK_RETENTION_DAYS`, default 30, 0 = keep) and
 * `REQUIRE_SIGNATURES` (default false: an SLA activates without signatures).
 */
export function loadAgreementsConfig(env: Env = process.env) {
  const parsed = parseEnv(agreementsEnv, env);
  return {
    ...loadSubgraphConfig("agreements", env),
    /** Seconds between runs of the lifecycle scheduler (expiry, scheduled versions, renewals); 0 = off. */
    lifecycleIntervalSeconds: parsed.LIFECYCLE_INTERVAL_SECONDS,
    webhooks: {
      /** Seconds between runs of the webhook delivery worker; 0 = off (events still queue). */
      deliveryIntervalSeconds: parsed.WEBHOOK_DELIVERY_INTERVAL_SECONDS,
      /** Longest wait for a receiver's answer to one attempt. */
      timeoutMs: parsed.WEBHOOK_TIMEOUT_SECONDS * 1000,
      /** Let webhooks reach loopback, private and link-local addresses (SSRF: off by default). */
      allowPrivateNetworks: parsed.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      /** Days the outbox keeps an event (with its deliveries and attempts) once nothing is pending; 0 = forever. */
      retentionDays: parsed.WEBHOOK_RETENTION_DAYS,
    },
    /** Whether activating an SLA needs the provider's and every customer's signature of its current terms. */
    requireSignatures: parsed.REQUIRE_SIGNATURES,
  };
}

export type AgreementsConfig = ReturnType<typeof loadAgreementsConfig>;

export type WebhookSettings = AgreementsConfig["webhooks"];

/** Webhook settings when none are configured (tests, scripts): private networks refused. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  deliveryIntervalSeconds: 0,
  timeoutMs: 10_000,
  allowPrivateNetworks: false,
  retentionDays: DEFAULT_RETENTION_DAYS,
};
/** What the agreements server needs beyond any subgraph's configuration (left out: the defaults). */
export type AgreementsOptions = Partial<Pick<AgreementsConfig, "requireSignatures">>;
