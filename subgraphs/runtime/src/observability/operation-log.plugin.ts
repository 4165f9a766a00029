import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { Logger } from "../log";
import type { Metrics } from "./metrics";

/** The log of one operation, started when its request arrives. */
export interface OperationLog {
  /** Writes its line and counts it in the metrics: once, when the answer is sent. */
  finish(
    operationName: string | null | undefined,
    operationType: string | undefined,
    errors: readonly GraphQLError[] | undefined,
    status: number | undefined,
  ): void;
}

/**
 * One log line and one metrics sample per operation: its name, duration, outcome and error codes.
 * Variables, headers and results are never logged (they may hold tokens or personal data).
 */
export function startOperationLog(logger: Logger, metrics: Metrics, requestId: string | undefined): OperationLog {
  const started = process.hrtime.bigint();
  return {
    finish(operationName, operationType, errors, status) {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
      // No operation type: the request never got as far as a valid operation.
      const outcome = !errors?.length ? "ok" : operationType ? "error" : "invalid";
      const label = metrics.operationLabel(operationName);
      metrics.operations.inc({ operation: label, outcome });
      metrics.operationSeconds.observe({ operation: label, outcome }, seconds);
      logger[outcome === "ok" ? "info" : "warn"](
        {
          requestId,
          operation: operationName ?? null,
          type: operationType ?? null,
          durationMs: Math.round(seconds * 10_000) / 10,
          status: status ?? 200,
          errors: codes.length ? codes : undefined,
        },
        "graphql operation",
      );
    },
  };
}

/**
 * The operation log (startOperationLog) of every request Apollo Server runs; `started` gives the
 * log a request already has (begun before Apollo Server got it), if any.
 */
export function operationLogPlugin<TContext extends BaseContext>(
  logger: Logger,
  metrics: Metrics,
  started?: (requestContext: GraphQLRequestContext<TContext>) => OperationLog | undefined,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(requestContext) {
      const log =
        started?.(requestContext) ??
        startOperationLog(logger, metrics, requestContext.request.http?.headers.get("x-request-id"));
      return {
        async willSendResponse({ operationName, errors, response, operation }) {
          log.finish(operationName, operation?.operation, errors, response.http.status);
        },
      };
    },
  };
}
