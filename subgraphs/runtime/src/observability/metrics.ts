import { constants, PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Operation names a client may invent are bounded: past this many, the rest count as "other". */
const MAX_OPERATION_NAMES = 500;

/**
 * The JS heap in use right after the process's last full (mark-compact) collection, in bytes; 0
 * until the first one. The heap in use and the RSS swing with the garbage between collections and
 * with the pages V8 keeps for the next; this is what the process's live objects take, so it is
 * the figure that shows a leak: flat under steady load when nothing accumulates. One observer per
 * process, however many registries read it.
 */
let liveAfterFullGc = 0;
let fullGcObserver: PerformanceObserver | undefined;
function observeFullCollections(): void {
  if (fullGcObserver) return;
  fullGcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        liveAfterFullGc = getHeapStatistics().used_heap_size;
      }
    }
  });
  fullGcObserver.observe({ entryTypes: ["gc"] });
}

/** The Prometheus metrics of one process (gateway or subgraph), in a registry of its own. */
export class Metrics {
  readonly registry = new Registry();
  readonly operations: Counter<"operation" | "outcome">;
  readonly operationSeconds: Histogram<"operation" | "outcome">;
  private readonly names = new Set<string>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    observeFullCollections();
    new Gauge({
      name: "nodejs_heap_live_after_full_gc_bytes",
      help: "JS heap in use right after the last full (mark-compact) garbage collection: what live objects take; flat unless something leaks. 0 until the first one.",
      registers: [this.registry],
      collect() {
        this.set(liveAfterFullGc);
      },
    });
    this.operations = new Counter({
      name: "graphql_operations_total",
      help: "GraphQL operations served, by operation name and outcome (ok, error, invalid).",
      labelNames: ["operation", "outcome"],
      registers: [this.registry],
    });
    this.operationSeconds = new Histogram({
      name: "graphql_operation_duration_seconds",
      help: "Time to answer a GraphQL operation, by operation name and outcome.",
      labelNames: ["operation", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** The label for an operation name: itself while few are known, else "other". */
  operationLabel(name: string | null | undefined): string {
    const label = name ?? "anonymous";
    if (this.names.has(label)) return label;
    if (this.names.size >= MAX_OPERATION_NAMES) return "other";
    this.names.add(label);
    return label;
  }
}
