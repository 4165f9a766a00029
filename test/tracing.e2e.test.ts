import { freePort } from "@itsm/runtime";
import type { Server } from "node:http";
import { createServer } from "node:http";
import { as, Graph } from "./support/graph";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string; traceId: string; spanId: string; parentSpanId?: string }[] }[];
  }[];
}

/** A stand-in OpenTelemetry collector: keeps the spans posted to /v1/traces (OTLP/HTTP JSON). */
async function collector() {
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.url === "/v1/traces") {
        for (const resourceSpan of (JSON.parse(body) as OtlpTraces).resourceSpans) {
          const service =
            resourceSpan.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
          for (const scope of resourceSpan.scopeSpans) for (const span of scope.spans) spans.push({ service, ...span });
        }
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("OpenTelemetry tracing", () => {
  it("traces a query from the gateway through the subgraphs to their SQL, as one trace", async () => {
    const otlp = await collector();
    const graph = new Graph({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_BSP_SCHEDULE_DELAY: "100" } });
    try {
      await graph.start();
      const response = await graph.query(
        "query Traced { services(first: 2) { nodes { code agreements { number } } } }",
        undefined,
        ANALYST,
      );
      expect(response.errors).toBeUndefined();
      let trace: ExportedSpan[] = [];
      for (let i = 0; i < 50 && trace.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const gatewayRequest = otlp.spans.find((s) => s.service === "gateway" && s.name === "gateway.request");
        const sameTrace = gatewayRequest ? otlp.spans.filter((s) => s.traceId === gatewayRequest.traceId) : [];
        if (sameTrace.some((s) => s.service === "agreements" && s.name === "db.query")) trace = sameTrace;
      }
      const services = new Set(trace.map((s) => s.service));
      expect(services).toEqual(new Set(["gateway", "catalog", "agreements"]));
      // Every span but the root has its parent in the same trace: one tree from gateway to SQL.
      const ids = new Set(trace.map((s) => s.spanId));
      expect(trace.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId))).toEqual([]);
      expect(trace.filter((s) => s.service === "catalog" && s.name === "db.query").length).toBeGreaterThan(0);
    } finally {
      await graph.stop();
      await otlp.close();
    }
  });
});
