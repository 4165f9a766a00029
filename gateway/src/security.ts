import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { OperationLimits } from "./config";
import { RequestRefused } from "@itsm/runtime";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { ValidationRule } from "graphql";

/**
 * Depth, alias, directive and cost limits, checked while validating — before anything runs or any
 * subgraph is asked. (Token limits are Apollo's own `parseOptions.maxTokens`: a 400, where
 * graphql-armor's would be a 500.)
 */
export function operationLimits(
  limits: OperationLimits,
  production: boolean,
): { plugins: ApolloServerPlugin<BaseContext>[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxTokens: { enabled: false },
    // Suggestions ("did you mean …") reveal the schema: hidden in production (see hideSchemaDetailsFromClientErrors).
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins = [], validationRules = [] } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin<BaseContext>[],
    validationRules: validationRules as ValidationRule[],
  };
}

/**
 * Rate limiting per client at the gateway: a token bucket of `rateLimitPoints` requests refilled
 * every `rateLimitWindowSeconds`, per key (`sub:<subject>` for a verified token, `ip:<address>`
 * otherwise). Over the limit a client gets HTTP 429, `Retry-After` and a RATE_LIMITED error saying
 * when to come back; under it, nothing changes.
 */
export function rateLimiter(limits: OperationLimits) {
  const limiter = new RateLimiterMemory({ points: limits.rateLimitPoints, duration: limits.rateLimitWindowSeconds });
  return async (key: string): Promise<void> => {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new RequestRefused(
        429,
        "RATE_LIMITED",
        `Too many requests: at most ${limits.rateLimitPoints} every ${limits.rateLimitWindowSeconds} s; retry in ${retryAfterSeconds} s`,
        { "retry-after": String(retryAfterSeconds) },
        { retryAfterSeconds },
      );
    }
  };
}
