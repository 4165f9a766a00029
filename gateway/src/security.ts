import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { OperationLimits } from "./config";
import { RequestRefused } from "@itsm/runtime";
import { RateLimiterMemory, RateLimiterRes, RateLimiterUnion } from "rate-limiter-flexible";
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

/**
 * Rate limiting per client at the gateway, per key (`sub:<subject>` for a verified token,
 * `ip:<address>` otherwise), by two limits together: `rateLimitPoints` requests per
 * `rateLimitWindowSeconds`, and `rateLimitBurst` requests per second so that a client cannot spend
 * a whole window at once. Over either a client gets HTTP 429, `Retry-After` and a RATE_LIMITED error
 * saying which limit and when to come back; under both, nothing changes.
 */
export function rateLimiter(limits: OperationLimits) {
  const window = new RateLimiterMemory({
    keyPrefix: "window",
    points: limits.rateLimitPoints,
    duration: limits.rateLimitWindowSeconds,
  });
  const burst = new RateLimiterMemory({ keyPrefix: "burst", points: limits.rateLimitBurst, duration: 1 });
  const both = new RateLimiterUnion(window, burst);
  const describe = {
    window: `at most ${limits.rateLimitPoints} every ${limits.rateLimitWindowSeconds} s`,
    burst: `at most ${limits.rateLimitBurst} per second`,
  };
  return async (key: string): Promise<void> => {
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
    }
  };
}
