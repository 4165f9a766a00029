import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { Counter } from "prom-client";
import type { DataSource } from "typeorm";
import type { Metrics } from "@itsm/runtime";

const tracer = trace.getTracer("itsm-service-graph");

/**
 * Makes every SQL statement the data source runs visible: counted in `db_queries_total` (tests
 * assert statement counts per operation with it) and, when tracing is on, a child span of the
 * request that caused it. Wraps the query runners TypeORM creates, so every driver is covered.
 */
export function instrumentQueries(dataSource: DataSource, metrics: Metrics): void {
  const statements = new Counter({
    name: "db_queries_total",
    help: "SQL statements sent to the database.",
    registers: [metrics.registry],
  });
  const system = dataSource.options.type === "better-sqlite3" ? "sqlite" : "mysql";
  const observe = <R>(sql: string, run: () => Promise<R>): Promise<R> => {
    statements.inc();
    return tracer.startActiveSpan(
      "db.query",
      { kind: SpanKind.CLIENT, attributes: { "db.system": system, "db.statement": sql.slice(0, 2_000) } },
      async (span) => {
        try {
          return await run();
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };
  observers.set(dataSource, observe);
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  // The embedded driver hands out the same runner every time: wrap each runner once.
  const wrapped = new WeakSet<object>();
  dataSource.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    if (wrapped.has(runner)) return runner;
    wrapped.add(runner);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = ((sql: string, ...rest: unknown[]) =>
      observe(sql, () => query(sql, ...rest))) as typeof runner.query;
    return runner;
  };
}

type Observer = <R>(sql: string, run: () => Promise<R>) => Promise<R>;
const observers = new WeakMap<DataSource, Observer>();

/**
 * Runs a statement the kit sends to the driver itself (not through a TypeORM query runner), counted
 * and traced like every other one when the data source is instrumented.
 */
export function observeStatement<R>(dataSource: DataSource, sql: string, run: () => Promise<R>): Promise<R> {
  const observe = observers.get(dataSource);
  return observe ? observe(sql, run) : run();
}
