import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { Logger, OperationLog, ShortcutAnswer, ShortcutRequest } from "@itsm/runtime";
import { ANONYMOUS, isStaff, requestIdOf } from "@itsm/runtime";
import { getVariableValues } from "graphql";
import Negotiator from "negotiator";
import { executeCompiled, isRecord, plainData, usedVariables } from "./compiled-execution";
import type { LearntOperation, SingleFetch, LearntPlans } from "./plan-learning";
import type { TrustedDocument } from "./trusted-documents.plugin";
import type { GatewayContext, Prefetched, PrefetchedFetch, SubgraphDataSource } from "./subgraph-data-source";
import { fetchThrough, gatewayTracer } from "./subgraph-data-source";
import { illFormedStringPath } from "./well-formed-text.plugin";

/** The media types Apollo Server answers with, in its order of preference (its `chooseContentTypeForSingleResultResponse`). */
const MEDIA_TYPES = [
  "application/json; charset=utf-8",
  "application/graphql-response+json; charset=utf-8",
  "application/json; callbackSpec=1.0; charset=utf-8",
];

/** The content type Apollo Server would answer a request with, or undefined when it would refuse it (406). */
function answerContentType(accept: string | undefined): string | undefined {
  if (!accept) return MEDIA_TYPES[0];
  return new Negotiator({ headers: { accept } }).mediaType(MEDIA_TYPES);
}

/** `application/json` with or without parameters: the content type Apollo Server reads a POST body with. */
const JSON_BODY = /^application\/json\s*(;|$)/i;

export interface PassThroughOptions {
  plans: LearntPlans;
  /** The data source of a subgraph of the current supergraph, by name. */
  dataSource: (name: string) => SubgraphDataSource | undefined;
  /** The manifest when trusted documents are on: partners and anonymous callers may run only these. */
  trusted: Map<string, TrustedDocument> | undefined;
  /** Starts a request's operation log, as Apollo Server's plugin does: the same line and metrics for both paths. */
  startOperationLog: (requestId: string) => OperationLog;
  logger: Logger;
}

/** The attributes @apollo/gateway gives its `gateway.request` span. */
function spanOptions({ operationName }: LearntOperation) {
  const name = operationName ? { operationName, "graphql.operation.name": operationName } : {};
  return { attributes: { ...name, "graphql.operation.type": "query" } };
}

/** What the pass-through made of a request: the answer's body, or what it fetched for Apollo Server to go on with. */
type PassThrough = { body: string } | { handover: Prefetched };

/**
 * The pass-through for operations whose plan was learnt (bench/README.md, "Single-fetch
 * pass-through" and "Compiled plans"): their variables checked as the gateway checks them, the
 * fetches made through the subgraphs' data sources (identity, request id, timeout, retries, circuit
 * breaker, metrics), and an answer of data without errors written as Apollo Server writes it — the
 * subgraph's bytes for a single fetch, the compiled plan's shaped data for several.
 * Everything else — a request it does not know, or an answer with errors, extensions, a cache
 * policy or no data, a compiled plan's bail-out — goes to Apollo Server as before, the fetches
 * already made handed on to it (`GatewayContext.prefetched`) so no subgraph is asked twice for the
 * same thing.
 */
export function passThroughShortcut(options: PassThroughOptions) {
  const { plans, trusted, logger } = options;
  return async ({ req, body, context }: ShortcutRequest<GatewayContext>): Promise<ShortcutAnswer | undefined> => {
    if (!isRecord(body) || !JSON_BODY.test(req.headers["content-type"] ?? "")) return undefined;
    const { query, operationName, variables = null, extensions = null } = body;
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
    if ((variables !== null && !isRecord(variables)) || (extensions !== null && !isRecord(extensions)))
      return undefined;
    const text = await documentText(query, extensions?.persistedQuery, context);
    const plan = text === undefined ? undefined : plans.get(text, operationName ?? undefined);
    if (!plan) return undefined;
    const contentType = answerContentType(req.headers.accept);
    const dataSource = plan.kind === "single" ? options.dataSource(plan.serviceName) : undefined;
    if (!contentType || (plan.kind === "single" && !dataSource)) return undefined;
    // Variables that would be refused go the usual way, which refuses them with its own errors.
    const given = variables ?? {};
    if (getVariableValues(plan.schema, plan.variableDefinitions, given).errors) return undefined;
    if (illFormedStringPath(given) !== undefined) return undefined;

    const contextValue = await context();
    const log = options.startOperationLog(requestIdOf(req));
    const outcome = await gatewayTracer.startActiveSpan(
      "gateway.request",
      spanOptions(plan),
      async (span): Promise<PassThrough> => {
        try {
          if (plan.kind === "single")
            return await passSingle(plan, given, dataSource as SubgraphDataSource, contextValue);
          const compiled = await executeCompiled(plan.plan, given, options.dataSource, contextValue);
          if ("error" in compiled) {
            logger.warn(
              { requestId: contextValue.requestId, err: compiled.error },
              "compiled plan stopped; handed over",
            );
          }
          return "data" in compiled ? { body: `{"data":${compiled.data}}\n` } : compiled;
        } finally {
          span.end();
        }
      },
    );
    if ("handover" in outcome) {
      contextValue.prefetched = outcome.handover;
      contextValue.operationLog = log;
      return undefined;
    }
    const message = plan.kind === "single" ? "single-fetch pass-through" : "compiled plan";
    logger.debug({ requestId: contextValue.requestId }, message);
    log.finish(plan.operationName, "query", undefined, 200);
    // As Apollo Server's: its cache-control plugin's header, then the content type.
    return {
      status: 200,
      headers: [
        ["cache-control", "no-store"],
        ["content-type", contentType],
      ],
      body: outcome.body,
    };
  };

  /** The text Apollo Server would run: the request's, or a trusted document's by id; undefined: not for this path. */
  async function documentText(
    query: unknown,
    persistedQuery: unknown,
    context: () => Promise<GatewayContext>,
  ): Promise<string | undefined> {
    if (persistedQuery !== undefined && persistedQuery !== null) {
      // A trusted document by id; anything else (Apollo's own APQ) goes the usual way.
      const hash = isRecord(persistedQuery) ? persistedQuery.sha256Hash : undefined;
      return typeof hash === "string" ? trusted?.get(hash)?.body : undefined;
    }
    if (typeof query !== "string") return undefined;
    if (trusted && !isStaff((await context()).identity ?? ANONYMOUS)) return undefined;
    return query;
  }
}

/** One fetch of the operation's subgraph operation, as @apollo/gateway would make it: its bytes, or the fetch to hand over. */
async function passSingle(
  fetch: SingleFetch,
  given: Record<string, unknown>,
  dataSource: SubgraphDataSource,
  context: GatewayContext,
): Promise<PassThrough> {
  const variables = usedVariables(fetch, given);
  const prefetched = await fetchThrough(dataSource, context, {
    serviceName: fetch.serviceName,
    query: fetch.fetchOperation,
    operationName: fetch.fetchOperationName,
    document: fetch.fetchDocument,
    variables,
    path: [],
  });
  const body = await dataOnly(prefetched);
  if (body !== undefined) return { body };
  if ("error" in prefetched.outcome) {
    return { handover: { answers: [], unavailable: new Map([[fetch.serviceName, prefetched.outcome.error]]) } };
  }
  return { handover: { answers: [prefetched], unavailable: new Map() } };
}

/**
 * The answer's bytes when it is data alone, as Apollo Server would write it (`{"data":…}` and a
 * newline): no errors, no extensions, not cacheable (the gateway's answer would say `no-store`).
 */
async function dataOnly(prefetched: PrefetchedFetch): Promise<string | undefined> {
  const data = plainData(prefetched);
  if (!data || !("response" in prefetched.outcome)) return undefined;
  // RemoteGraphQLDataSource answers the subgraph's JSON object with the fetch response added as `http`.
  const { http } = prefetched.outcome.response as GatewayGraphQLResponse & { http?: { text(): Promise<string> } };
  const text = http ? await http.text() : undefined;
  // A subgraph writing its JSON some other way (spaces, other keys): re-wrapped as Apollo Server would.
  return text?.startsWith('{"data":{') && text.endsWith("}\n") ? text : `${JSON.stringify({ data })}\n`;
}
