import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { RemoteGraphQLDataSource } from "@apollo/gateway";
// The enum is not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { ErrorTranslator, Identity, Logger, OperationLog } from "@itsm/runtime";
import { ErrorCode, INTERNAL_IDENTITY_HEADER } from "@itsm/runtime";
import type { DocumentNode } from "graphql";
import { GraphQLError } from "graphql";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import CircuitBreaker from "opossum";
import { keepAliveFetcher } from "./http-fetcher";
import type { Counter, Histogram } from "prom-client";

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/** One connection pool per subgraph origin, shared by every data source of this process. */
const subgraphFetch = keepAliveFetcher();

/** What the gateway's request context carries to every subgraph fetch. */
export interface GatewayContext {
  requestId?: string;
  /** Who the request acts for, as forwarded to the subgraphs; part of what makes two fetches identical. */
  identity?: Identity;
  /** The identity signed for the subgraphs (the `x-itsm-identity` header), once per request. */
  signedIdentity?: string;
  /** Fetches the pass-through made but did not answer from: execution takes them over (single-fetch.ts). */
  prefetched?: Prefetched;
  /** The operation log the pass-through started for a request it handed over: it goes on, fetch time included. */
  operationLog?: OperationLog;
}

/** A subgraph fetch already made for this request, and what came of it. */
export interface PrefetchedFetch {
  serviceName: string;
  query: string;
  variables: Record<string, unknown>;
  /** What the answer's cache-control header said, replayed onto the request's cache policy. */
  cacheHint?: { maxAge?: number; scope?: "PUBLIC" | "PRIVATE" };
  outcome: { response: GatewayGraphQLResponse } | { error: unknown };
}

/** What the pass-through fetched for a request it hands over: no subgraph is asked twice for the same thing. */
export interface Prefetched {
  /** Answers to fetches made exactly as @apollo/gateway makes them: each serves one identical fetch, once. */
  answers: PrefetchedFetch[];
  /** Subgraphs that could not be reached in this request, with the error: every fetch of them fails the same. */
  unavailable: Map<string, unknown>;
}

export interface SubgraphFetchPolicy {
  /** Longest wait for one fetch. */
  timeoutMs: number;
  /** Extra attempts for a query whose fetch failed to connect or timed out (never for mutations). */
  retries: number;
  /** Share of failed fetches in the rolling window that opens the circuit. */
  breakerErrorPercentage: number;
  /** How long an open circuit fails fast before letting one fetch try again. */
  breakerResetMs: number;
}

export const DEFAULT_FETCH_POLICY: SubgraphFetchPolicy = {
  timeoutMs: 10_000,
  retries: 2,
  breakerErrorPercentage: 50,
  breakerResetMs: 5_000,
};

export interface SubgraphFetchMetrics {
  fetchSeconds: Histogram<"subgraph" | "outcome">;
  fetchErrors: Counter<"subgraph" | "reason">;
}

/** A subgraph's GraphQL answer that came with a non-2xx status: an answer, not an outage. */
class ErrorAnswer extends Error {
  constructor(readonly errors: GatewayGraphQLResponse["errors"]) {
    super("the subgraph answered with errors");
  }
}

/**
 * Fetches from one subgraph: with a timeout, bounded retries for queries, a circuit breaker that
 * makes a dead subgraph fail fast, the request id passed on, and latency/error metrics. When the
 * subgraph cannot answer, the error names it (never its address) and the other subgraphs' data is
 * still returned.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly breaker: CircuitBreaker<[GraphQLDataSourceProcessOptions<GatewayContext>], GatewayGraphQLResponse>;

  constructor(
    readonly name: string,
    url: string,
    private readonly logger: Logger,
    private readonly policy: SubgraphFetchPolicy = DEFAULT_FETCH_POLICY,
    private readonly metrics?: SubgraphFetchMetrics,
  ) {
    super({
      url,
      // Pooled keep-alive connections, and the request destroyed when the timeout passes.
      fetcher: (input, init) => subgraphFetch(input, init, policy.timeoutMs),
    });
    this.breaker = new CircuitBreaker((options) => this.attempt(options), {
      timeout: false,
      errorThresholdPercentage: policy.breakerErrorPercentage,
      resetTimeout: policy.breakerResetMs,
      rollingCountTimeout: 10_000,
      volumeThreshold: 5,
      // Only unavailability opens the circuit; a subgraph's GraphQL errors are answers.
      errorFilter: (error: unknown) => error instanceof ErrorAnswer,
    });
    this.breaker.on("open", () => logger.warn({ subgraph: name }, "circuit opened: failing fast"));
    this.breaker.on("close", () => logger.info({ subgraph: name }, "circuit closed: subgraph answers again"));
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
    if (context?.signedIdentity) request.http?.headers.set(INTERNAL_IDENTITY_HEADER, context.signedIdentity);
  }

  /** Queries being fetched right now, by operation, variables and caller: identical ones share a fetch. */
  private readonly inFlight = new Map<string, { callers: number; answers: Promise<GatewayGraphQLResponse[]> }>();

  /**
   * Identical queries in flight at the same time (same operation, variables and forwarded
   * identity) share one subgraph fetch; each caller gets its own copy of the answer, since the
   * gateway merges answers into its result in place. Mutations are never shared.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const prefetched = this.takePrefetched(options);
    if (prefetched) {
      if ("error" in prefetched) throw prefetched.error;
      return prefetched.response;
    }
    if (!isQuery(options.request.query)) return this.fetchWithPolicy(options);
    const key = JSON.stringify([
      options.request.query,
      options.request.variables ?? {},
      options.context?.identity?.subject ?? null,
      options.context?.identity?.role ?? null,
      options.context?.identity?.customerCodes ?? null,
    ]);
    let shared = this.inFlight.get(key);
    if (!shared) {
      const entry = { callers: 0, answers: Promise.resolve([] as GatewayGraphQLResponse[]) };
      // The first caller gets the answer itself; every other caller a copy, made as soon as the
      // fetch ends (before any caller merges its answer into its result): a fetch that was not
      // shared is not copied at all.
      entry.answers = this.fetchWithPolicy(options).then(
        (response) => {
          this.inFlight.delete(key);
          const answers = [response];
          for (let i = 1; i < entry.callers; i++) {
            answers.push({
              ...response,
              data: response.data && structuredClone(response.data),
              errors: response.errors && structuredClone(response.errors),
            });
          }
          return answers;
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      );
      shared = entry;
      this.inFlight.set(key, entry);
    }
    const index = shared.callers++;
    return (await shared.answers)[index];
  }

  /**
   * What the pass-through already got for this fetch: the failure of this subgraph if it could not
   * be reached in this request, or the answer to an identical fetch (same subgraph, operation and
   * variables), once, with its cache hint.
   */
  private takePrefetched(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): PrefetchedFetch["outcome"] | undefined {
    const prefetched = options.context?.prefetched;
    if (!prefetched) return;
    if (prefetched.unavailable.has(this.name)) return { error: prefetched.unavailable.get(this.name) };
    const variables = JSON.stringify(options.request.variables ?? {});
    const index = prefetched.answers.findIndex(
      (fetch: PrefetchedFetch) =>
        fetch.serviceName === this.name &&
        fetch.query === options.request.query &&
        JSON.stringify(fetch.variables) === variables,
    );
    if (index < 0) return;
    const [fetch] = prefetched.answers.splice(index, 1);
    if (fetch.cacheHint && options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      options.incomingRequestContext.overallCachePolicy?.restrict(fetch.cacheHint);
    }
    return fetch.outcome;
  }

  private async fetchWithPolicy(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    let outcome = "ok";
    try {
      return await this.breaker.fire(options);
    } catch (error) {
      if (error instanceof ErrorAnswer) return { errors: error.errors };
      outcome = "unavailable";
      const reason = this.breaker.opened ? "circuit open" : (error as Error).message;
      this.metrics?.fetchErrors.inc({
        subgraph: this.name,
        reason: this.breaker.opened ? "circuit_open" : "unreachable",
      });
      this.logger.warn({ subgraph: this.name, reason }, "subgraph unavailable");
      throw new GraphQLError(`The ${this.name} subgraph is unavailable; its fields are missing from this response`, {
        extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.name },
      });
    } finally {
      this.metrics?.fetchSeconds.observe(
        { subgraph: this.name, outcome },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    }
  }

  /** One fetch, retried (queries only) when it could not connect or timed out. */
  private async attempt(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const retries = isQuery(options.request.query) ? this.policy.retries : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await super.process(options);
      } catch (error) {
        // A GraphQL answer with a non-2xx status (e.g. a variable the subgraph's scalar rejects):
        // pass its errors on as the subgraph's own, without the HTTP wrapper and its URL.
        const response = (error as GraphQLError).extensions?.response as { body?: { errors?: unknown } } | undefined;
        if (response?.body && Array.isArray(response.body.errors)) {
          throw new ErrorAnswer(response.body.errors as GatewayGraphQLResponse["errors"]);
        }
        if (attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * 3 ** attempt));
      }
    }
  }
}

/** The gateway's spans, named as @apollo/gateway names its own. */
export const gatewayTracer = trace.getTracer("apollo/gateway-js");

/** One fetch of a query plan: what @apollo/gateway's `executeFetch` sends. */
export interface PlanFetch {
  serviceName: string;
  query: string;
  operationName: string | undefined;
  document: DocumentNode | undefined;
  variables: Record<string, unknown>;
  /** Where its data goes in the answer (`pathInIncomingRequest`). */
  path: readonly (string | number)[];
}

/**
 * One fetch made through the subgraph's data source as @apollo/gateway would make it (identity,
 * request id, timeout, retries, breaker, metrics, a `gateway.fetch` span), and what came of it.
 */
export async function fetchThrough(
  dataSource: SubgraphDataSource,
  context: GatewayContext,
  fetch: PlanFetch,
): Promise<PrefetchedFetch> {
  const prefetched: PrefetchedFetch = {
    serviceName: fetch.serviceName,
    query: fetch.query,
    variables: fetch.variables,
    outcome: { error: undefined },
  };
  // The data source restricts the request's cache policy by the answer's cache-control: note it.
  const overallCachePolicy = { restrict: (hint: PrefetchedFetch["cacheHint"]) => (prefetched.cacheHint = hint) };
  await gatewayTracer.startActiveSpan("gateway.fetch", { attributes: { service: fetch.serviceName } }, async (span) => {
    try {
      const response = await dataSource.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query: fetch.query, variables: fetch.variables, operationName: fetch.operationName },
        incomingRequestContext: { overallCachePolicy },
        context,
        document: fetch.document,
        pathInIncomingRequest: fetch.path,
      } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
      prefetched.outcome = { response };
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      prefetched.outcome = { error };
    } finally {
      span.end();
    }
  });
  return prefetched;
}

/** Whether a subgraph operation only reads: the gateway's fetches start with their operation type. */
function isQuery(query: string | undefined): boolean {
  return !!query && !/^\s*(mutation|subscription)\b/.test(query);
}

/**
 * A subgraph's error that names another subgraph in `serviceName` (a peer it asked and could not
 * reach, e.g. agreements' alerts without operations' figures) keeps that name for the client:
 * Apollo's gateway writes the answering subgraph's name over it. Only errors the gateway attributed
 * to a subgraph and that carry a code of their own: anything else (INTERNAL_SERVER_ERROR included)
 * goes on to the formatter's masking and logging.
 */
export const keepPeerServiceName: ErrorTranslator = (original, formatted) => {
  const extensions = formatted.extensions;
  const code = extensions?.code;
  if (typeof code !== "string" || code === ErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  if (typeof extensions?.serviceName !== "string") return undefined;
  // Unwrapped (the error had a path): the subgraph's own error; else Apollo's wrapper around it.
  const subgraphError = (original as { originalError?: unknown } | null)?.originalError ?? original;
  const named = (subgraphError as { extensions?: { serviceName?: unknown } } | null)?.extensions?.serviceName;
  if (typeof named !== "string" || named === extensions.serviceName) return undefined;
  return { ...formatted, extensions: { ...extensions, serviceName: named } };
};
