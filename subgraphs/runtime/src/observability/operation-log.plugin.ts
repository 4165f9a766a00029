import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "../log";
import type { Metrics } from "./metrics";

/**
 * One log line and one metrics sample per operation: its name, duration, outcome and error codes.
 * Variables, headers and results are never logged (they may hold tokens or personal data).
 */
export function operationLogPlugin<TContext extends BaseContext>(
  logger: Logger,
  metrics: Metrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const requestId = request.http?.headers.get("x-request-id");
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response, operation }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
          const outcome = !errors?.length ? "ok" : operation ? "error" : "invalid";
          const label = metrics.operationLabel(operationName);
          metrics.operations.inc({ operation: label, outcome });
          metrics.operationSeconds.observe({ operation: label, outcome }, seconds);
          logger[outcome === "ok" ? "info" : "warn"](
            {
              requestId,
              operation: operationName ?? null,
              type: operation?.operation ?? null,
              durationMs: Math.round(seconds * 10_000) / 10,
              status: response.http.status ?? 200,
              errors: codes.length ? codes : undefined,
            },
            "graphql operation",
          );
        },
      };
    },
  };
}
