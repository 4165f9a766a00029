import type { Env } from "../config";
import { parseEnv, tracingEnv } from "../config";

/**
 * Starts OpenTelemetry tracing for this process when an OTLP endpoint is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`); otherwise does nothing and loads none of it. Must run before
 * the HTTP modules load: incoming and outgoing requests become spans, trace context travels from
 * the gateway to the subgraphs, and every SQL statement is a child span (see instrumentQueries).
 */
export function startTracing(serviceName: string, env: Env = process.env): boolean {
  const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: exportDelayMs } = parseEnv(tracingEnv, env);
  if (!endpoint) return false;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeTracerProvider } =
    require("@opentelemetry/sdk-trace-node") as typeof import("@opentelemetry/sdk-trace-node");
  const { BatchSpanProcessor } =
    require("@opentelemetry/sdk-trace-base") as typeof import("@opentelemetry/sdk-trace-base");
  const { OTLPTraceExporter } =
    require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { Resource } = require("@opentelemetry/resources") as typeof import("@opentelemetry/resources");
  const { registerInstrumentations } =
    require("@opentelemetry/instrumentation") as typeof import("@opentelemetry/instrumentation");
  const { HttpInstrumentation } =
    require("@opentelemetry/instrumentation-http") as typeof import("@opentelemetry/instrumentation-http");
  const { UndiciInstrumentation } =
    require("@opentelemetry/instrumentation-undici") as typeof import("@opentelemetry/instrumentation-undici");
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The 1.x SDK: the one @apollo/gateway's own tracing is built against, so there is one copy.
  const provider = new NodeTracerProvider({
    resource: new Resource({ "service.name": serviceName, "service.namespace": "itsm-service-graph" }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, "")}/v1/traces` }), {
        scheduledDelayMillis: exportDelayMs,
      }),
    ],
  });
  provider.register();
  registerInstrumentations({
    instrumentations: [
      // Health, readiness and metrics scrapes are not worth a trace.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? ""),
      }),
      new UndiciInstrumentation(),
    ],
  });
  process.once("beforeExit", () => void provider.shutdown());
  return true;
}
