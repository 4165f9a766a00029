import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Operation names a client may invent are bounded: past this many, the rest count as "other". */
const MAX_OPERATION_NAMES = 500;

/** The Prometheus metrics of one process (gateway or subgraph), in a registry of its own. */
export class Metrics {
  readonly registry = new Registry();
  readonly operations: Counter<"operation" | "outcome">;
  readonly operationSeconds: Histogram<"operation" | "outcome">;
  private readonly names = new Set<string>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
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
