import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { OperationLimits } from "./config";
import { RequestRefused } from "@itsm/runtime";
import type { Logger } from "@itsm/runtime";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RateLimiterUnion } from "rate-limiter-flexible";
import type { ValidationRule } from "graphql";

/**
 * Depth, alias, directive and cost limits, checked while validating — before anything runs or any
 * subgraph is asked. (Token limits are Apollo's own `parseOptions.maxTokens`: a 400, where
 * graphql-armor's would be a 500.)
 */
export function operationLimits(limits: OperationLimits): {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    // Every alias counts: armor lets `__typename` aliases through by default (1000 of them ran).
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
    // Suggestions ("did you mean …") depend on the caller's role: schemaSuggestionsPlugin, not armor (which misses enum values).
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins = [], validationRules = [] } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin<BaseContext>[],
    validationRules: validationRules as ValidationRule[],
  };
}

/** A gateway's rate limiter: `consume` refuses a client over its limits; `close` lets go of the store. */
export interface RateLimiter {
  consume(key: string): Promise<void>;
  /** Resolves once a shared store is connected, or after its connect timeout (then limits per process). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Rate limiting per client at the gateway, per key (`sub:<subject>` for a verified token,
 * `ip:<address>` otherwise), by two limits together: `rateLimitPoints` requests per
 * `rateLimitWindowSeconds`, and `rateLimitBurst` requests per second so that a client cannot spend
 * a whole window at once. Over either a client gets HTTP 429, `Retry-After` and a RATE_LIMITED error
 * saying which limit and when to come back; under both, nothing changes.
 *
 * The counters live in this process's memory, or in Redis when `rateLimitStore` is set, so that
 * every gateway replica counts against one limit. While Redis does not answer (down, unreachable,
 * slower than its timeout) each gateway limits per process, with its share of the limits, and says
 * so once in its log; once Redis answers again, it says that too.
 */
export function rateLimiter(limits: OperationLimits, logger?: Logger): RateLimiter {
  const store = limits.rateLimitStore;
  const shared = store ? sharedStore(store, logger) : undefined;
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    shared
      ? new RateLimiterRedis({
          storeClient: shared.client,
          keyPrefix: `${shared.keyPrefix}:${keyPrefix}`,
          points,
          duration,
          rejectIfRedisNotReady: true,
          insuranceLimiter: shared.fallback(keyPrefix, Math.ceil(points / shared.replicas), duration),
        })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  const both = new RateLimiterUnion(
    limiter("window", limits.rateLimitPoints, limits.rateLimitWindowSeconds),
    limiter("burst", limits.rateLimitBurst, 1),
  );
  const describe = {
    window: `at most ${limits.rateLimitPoints} every ${limits.rateLimitWindowSeconds} s`,
    burst: `at most ${limits.rateLimitBurst} per second`,
  };
  const consume = async (key: string): Promise<void> => {
    const fallbacksBefore = shared?.fallbacks();
    try {
      await both.consume(key);
    } catch (rejection) {
      // The union rejects with the refusals of the limits that refused, by key prefix.
      const refused = Object.entries(rejection as Record<string, unknown>).filter(
        (entry): entry is ["window" | "burst", RateLimiterRes] => entry[1] instanceof RateLimiterRes,
      );
      if (refused.length === 0) throw rejection;
      const retryAfterSeconds = Math.max(1, ...refused.map(([, res]) => Math.ceil(res.msBeforeNext / 1000)));
      throw new RequestRefused(
        429,
        "RATE_LIMITED",
        `Too many requests: ${refused.map(([limit]) => describe[limit]).join(" and ")}; retry in ${retryAfterSeconds} s`,
        { "retry-after": String(retryAfterSeconds) },
        { retryAfterSeconds },
      );
    } finally {
      // No fallback while this request was counted: Redis answered it.
      if (shared && shared.fallbacks() === fallbacksBefore) shared.answered();
    }
  };
  return { consume, connected: async () => shared?.connected(), close: async () => shared?.close() };
}

type RateLimitStore = NonNullable<OperationLimits["rateLimitStore"]>;

/** How long a gateway waits for the shared store when it starts (and for each connection attempt). */
const CONNECT_TIMEOUT_MS = 2_000;

/** The Redis connection shared by a gateway's limits, and the per-process limits used while it is down. */
function sharedStore(store: RateLimitStore, logger: Logger | undefined) {
  const client = new Redis(store.url, {
    // Requests never wait for a connection: while there is none, they are limited per process.
    enableOfflineQueue: false,
    commandTimeout: store.timeoutMs,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
  });
  let lastError: string | undefined;
  // ioredis reports every failed reconnection; the state changes below are what the log says.
  client.on("error", (error: Error) => (lastError = error.message));
  let fallbacks = 0;
  let degraded = false;
  const onFallback = () => {
    fallbacks++;
    if (degraded) return;
    degraded = true;
    logger?.warn(
      { store: redacted(store.url), reason: lastError, replicas: store.replicas },
      "the shared rate-limit store does not answer: limiting per process (each gateway allows 1/RATE_LIMIT_REPLICAS of the limits) until it does",
    );
  };
  /** Counts in this process's memory, noting the fallback. */
  class Fallback extends RateLimiterMemory {
    override consume(key: string | number, points?: number, options?: { [key: string]: unknown }) {
      onFallback();
      return super.consume(key, points, options);
    }
  }
  return {
    client,
    keyPrefix: store.keyPrefix,
    replicas: store.replicas,
    fallback: (keyPrefix: string, points: number, duration: number) => new Fallback({ keyPrefix, points, duration }),
    fallbacks: () => fallbacks,
    answered: () => {
      if (!degraded) return;
      degraded = false;
      logger?.info(
        { store: redacted(store.url) },
        "the shared rate-limit store answers again: one limit across gateways",
      );
    },
    /**
     * Waits for the first connection (at most the connect timeout): a gateway that served before it
     * would count its first requests per process, against its share of the limits only.
     */
    connected: () =>
      client.status === "ready"
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              client.off("ready", done);
              resolve();
            };
            const timer = setTimeout(done, CONNECT_TIMEOUT_MS).unref();
            client.once("ready", done);
          }),
    close: async () => {
      client.disconnect();
    },
  };
}

/** A store URL without its password, for the log. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
