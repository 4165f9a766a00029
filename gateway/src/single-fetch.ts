import type { Experimental_DidResolveQueryPlanCallback, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
// The enum is not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { Logger, OperationLog, ShortcutAnswer, ShortcutRequest } from "@itsm/runtime";
import { ANONYMOUS, isStaff, requestIdOf, selectsFieldOf } from "@itsm/runtime";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, VariableDefinitionNode } from "graphql";
import { BREAK, buildSchema, getVariableValues, isAbstractType, isEnumType, Kind, parse, print, visit } from "graphql";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import type { TrustedDocument } from "./trusted-documents.plugin";
import type { GatewayContext, PrefetchedFetch, SubgraphDataSource } from "./subgraph-data-source";
import { illFormedStringPath } from "./well-formed-text.plugin";

type PlanHookArguments = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type QueryPlan = PlanHookArguments["queryPlan"];

/** What the gateway learnt about an operation whose whole plan is one fetch of exactly what the client asked. */
export interface SingleFetch {
  /** The API schema it was planned on (variables are coerced against it). */
  schema: GraphQLSchema;
  /** The client operation's own name, as the operation log names it. */
  operationName: string | null;
  variableDefinitions: readonly VariableDefinitionNode[];
  serviceName: string;
  /** The subgraph operation, named as the gateway names it (e.g. `OneSubgraph__catalog__0`). */
  fetchOperation: string;
  fetchOperationName: string | undefined;
  fetchDocument: DocumentNode | undefined;
  variableUsages: readonly string[];
}

/** The client operation without its name, printed: the subgraph operation must print the same. */
function printedWithoutName(operation: OperationDefinitionNode): string {
  return print({ ...operation, name: undefined });
}

function hasFragmentSpread(operation: OperationDefinitionNode): boolean {
  let found = false;
  visit(operation, {
    FragmentSpread() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * The single fetch that answers `operation` as it is, or undefined: a query whose plan is one fetch
 * at the root (no Sequence, Parallel, Flatten, Condition or Defer node; no entity fetch, no rewrites),
 * whose subgraph operation prints exactly as the client's (same fields, aliases, arguments,
 * directives, variables and order; no `__typename` added, no fragment), so that the subgraph's
 * `data` is the client's.
 */
export function singleFetchOf(
  queryPlan: QueryPlan,
  operation: OperationDefinitionNode,
):
  | Pick<SingleFetch, "serviceName" | "fetchOperation" | "fetchOperationName" | "fetchDocument" | "variableUsages">
  | undefined {
  const node = queryPlan.node;
  if (operation.operation !== "query" || node?.kind !== "Fetch" || node.operationKind !== "query") return undefined;
  if (node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) {
    return undefined;
  }
  if (node.hasDefers || hasFragmentSpread(operation)) return undefined;
  const fetched = node.operationDocumentNode ?? parse(node.operation);
  const [definition, ...others] = fetched.definitions;
  if (others.length > 0 || definition?.kind !== Kind.OPERATION_DEFINITION) return undefined;
  if (printedWithoutName(definition) !== printedWithoutName(operation)) return undefined;
  return {
    serviceName: node.serviceName,
    fetchOperation: node.operation,
    fetchOperationName: node.operationName,
    fetchDocument: node.operationDocumentNode,
    variableUsages: node.variableUsages ?? [],
  };
}

/**
 * The enum and abstract types of the API schema with members hidden by `@inaccessible` (values,
 * possible types): @apollo/gateway checks a subgraph's answer of these against the API schema
 * (`computeResponse`) and makes a hidden value or `__typename` null and an error.
 */
export function typesWithHiddenMembers(apiSchema: GraphQLSchema, supergraphSdl: string): Set<string> {
  const supergraph = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const hidden = new Set<string>();
  for (const type of Object.values(apiSchema.getTypeMap())) {
    const full = supergraph.getType(type.name);
    if (isEnumType(type) && isEnumType(full)) {
      if (full.getValues().length !== type.getValues().length) hidden.add(type.name);
    } else if (isAbstractType(type) && full && isAbstractType(full)) {
      if (supergraph.getPossibleTypes(full).length !== apiSchema.getPossibleTypes(type).length) hidden.add(type.name);
    }
  }
  return hidden;
}

/** Most operations remembered, and most characters of their text (and subgraph operations') together. */
const MAX_OPERATIONS = 1_000;
const MAX_CHARACTERS = 4_000_000;

/**
 * What the gateway's plans said of each operation (by text and operation name), learnt as the
 * gateway executes it and forgotten when the supergraph changes. Eligible or not, each is
 * remembered (not: undefined), the least recently used forgotten first.
 */
export class SingleFetchPlans {
  // false: learnt not eligible (lru-cache keeps no undefined).
  private readonly known: LRUCache<string, SingleFetch | false>;
  private schema: GraphQLSchema | undefined;
  private hidden = new Set<string>();

  constructor({ maxOperations = MAX_OPERATIONS, maxCharacters = MAX_CHARACTERS } = {}) {
    this.known = new LRUCache({
      max: maxOperations,
      maxSize: maxCharacters,
      sizeCalculation: (fetch, key) => key.length + (fetch ? fetch.fetchOperation.length : 0),
    });
  }

  private static key(query: string, operationName: string | undefined): string {
    return JSON.stringify([operationName ?? null, query]);
  }

  /** A new supergraph (its API schema and core SDL): nothing learnt on the previous one holds. */
  schemaChanged(schema: GraphQLSchema, supergraphSdl: string): void {
    this.schema = schema;
    this.hidden = typesWithHiddenMembers(schema, supergraphSdl);
    this.known.clear();
  }

  /** The gateway's `experimental_didResolveQueryPlan`: called for every operation it executes. */
  readonly learn = ({ queryPlan, requestContext, operationContext }: PlanHookArguments): void => {
    const { query, operationName } = requestContext.request;
    if (query === undefined || operationContext.schema !== this.schema) return;
    const key = SingleFetchPlans.key(query, operationName ?? undefined);
    if (this.known.has(key)) return;
    const { operation } = operationContext;
    const hidden = this.hidden;
    // A field unknown to the schema (not valid, so not planned) is left out too.
    const selectsHidden = selectsFieldOf(operationContext.schema, operation, (type) => !type || hidden.has(type.name));
    const fetch = selectsHidden ? undefined : singleFetchOf(queryPlan, operation);
    this.known.set(
      key,
      fetch
        ? {
            ...fetch,
            schema: operationContext.schema,
            operationName: operation.name?.value ?? null,
            variableDefinitions: operation.variableDefinitions ?? [],
          }
        : false,
    );
  };

  /** The single fetch of an operation learnt eligible on the current supergraph, if any. */
  get(query: string, operationName: string | undefined): SingleFetch | undefined {
    const found = this.known.get(SingleFetchPlans.key(query, operationName));
    return found && found.schema === this.schema ? found : undefined;
  }
}

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

/** A JSON object (not an array, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `application/json` with or without parameters: the content type Apollo Server reads a POST body with. */
const JSON_BODY = /^application\/json\s*(;|$)/i;

export interface SingleFetchOptions {
  plans: SingleFetchPlans;
  /** The data source of a subgraph of the current supergraph, by name. */
  dataSource: (name: string) => SubgraphDataSource | undefined;
  /** The manifest when trusted documents are on: partners and anonymous callers may run only these. */
  trusted: Map<string, TrustedDocument> | undefined;
  /** Starts a request's operation log, as Apollo Server's plugin does: the same line and metrics for both paths. */
  startOperationLog: (requestId: string) => OperationLog;
  logger: Logger;
}

/** The gateway's spans, named as @apollo/gateway names its own. */
const tracer = trace.getTracer("apollo/gateway-js");

/** The attributes @apollo/gateway gives its `gateway.request` span. */
function spanOptions({ operationName }: SingleFetch) {
  const name = operationName ? { operationName, "graphql.operation.name": operationName } : {};
  return { attributes: { ...name, "graphql.operation.type": "query" } };
}

/**
 * The pass-through for operations known to be one fetch of exactly what the client asked
 * (bench/README.md, "Single-fetch pass-through"): their variables checked as the gateway checks
 * them, the fetch made through the subgraph's data source (identity, request id, timeout, retries,
 * circuit breaker, metrics), and an answer of data without errors handed on as the subgraph's bytes.
 * Everything else — a request it does not know, or an answer with errors, extensions, a cache
 * policy or no data — goes to Apollo Server as before, the fetch already made handed on to it
 * (`GatewayContext.prefetched`) so the subgraph is not asked twice.
 */
export function singleFetchShortcut(options: SingleFetchOptions) {
  const { plans, trusted, logger } = options;
  return async ({ req, body, context }: ShortcutRequest<GatewayContext>): Promise<ShortcutAnswer | undefined> => {
    if (!isRecord(body) || !JSON_BODY.test(req.headers["content-type"] ?? "")) return undefined;
    const { query, operationName, variables = null, extensions = null } = body;
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
    if ((variables !== null && !isRecord(variables)) || (extensions !== null && !isRecord(extensions)))
      return undefined;
    const text = await documentText(query, extensions?.persistedQuery, context);
    const fetch = text === undefined ? undefined : plans.get(text, operationName ?? undefined);
    if (!fetch) return undefined;
    const contentType = answerContentType(req.headers.accept);
    const dataSource = options.dataSource(fetch.serviceName);
    if (!contentType || !dataSource) return undefined;
    // Variables that would be refused go the usual way, which refuses them with its own errors.
    const given = variables ?? {};
    if (getVariableValues(fetch.schema, fetch.variableDefinitions, given).errors) return undefined;
    if (illFormedStringPath(given) !== undefined) return undefined;

    const contextValue = await context();
    const log = options.startOperationLog(requestIdOf(req));
    const prefetched = await tracer.startActiveSpan("gateway.request", spanOptions(fetch), async (span) => {
      try {
        return await fetchOnce(fetch, given, dataSource, contextValue);
      } finally {
        span.end();
      }
    });
    const answer = "response" in prefetched.outcome ? await dataOnly(prefetched) : undefined;
    if (answer === undefined) {
      contextValue.prefetched = prefetched;
      contextValue.operationLog = log;
      return undefined;
    }
    logger.debug({ requestId: contextValue.requestId, subgraph: fetch.serviceName }, "single-fetch pass-through");
    log.finish(fetch.operationName, "query", undefined, 200);
    // As Apollo Server's: its cache-control plugin's header, then the content type.
    return {
      status: 200,
      headers: [
        ["cache-control", "no-store"],
        ["content-type", contentType],
      ],
      body: answer,
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

/** One fetch of the operation's subgraph operation, as @apollo/gateway would make it, and what came of it. */
async function fetchOnce(
  fetch: SingleFetch,
  given: Record<string, unknown>,
  dataSource: SubgraphDataSource,
  context: GatewayContext,
): Promise<PrefetchedFetch> {
  // As executeQueryPlan: only the variables the fetch uses, and only those given.
  const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of fetch.variableUsages) {
    if (Object.hasOwn(given, name) && given[name] !== undefined) variables[name] = given[name];
  }
  const prefetched: PrefetchedFetch = {
    serviceName: fetch.serviceName,
    query: fetch.fetchOperation,
    variables,
    outcome: { error: undefined },
  };
  // The data source restricts the request's cache policy by the answer's cache-control: note it.
  const overallCachePolicy = { restrict: (hint: PrefetchedFetch["cacheHint"]) => (prefetched.cacheHint = hint) };
  await tracer.startActiveSpan("gateway.fetch", { attributes: { service: fetch.serviceName } }, async (span) => {
    try {
      const response = await dataSource.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query: fetch.fetchOperation, variables, operationName: fetch.fetchOperationName },
        incomingRequestContext: { overallCachePolicy },
        context,
        document: fetch.fetchDocument,
        pathInIncomingRequest: [],
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

/**
 * The answer's bytes when it is data alone, as Apollo Server would write it (`{"data":…}` and a
 * newline): no errors, no extensions, not cacheable (the gateway's answer would say `no-store`).
 */
async function dataOnly(prefetched: PrefetchedFetch): Promise<string | undefined> {
  if (!("response" in prefetched.outcome)) return undefined;
  // RemoteGraphQLDataSource answers the subgraph's JSON object with the fetch response added as `http`.
  const { data, http, ...rest } = prefetched.outcome.response as GatewayGraphQLResponse & {
    http?: { text(): Promise<string> };
  };
  if (!isRecord(data) || Object.values(rest).some((value) => value !== undefined)) return undefined;
  if ((prefetched.cacheHint?.maxAge ?? 0) > 0) return undefined;
  const text = http ? await http.text() : undefined;
  // A subgraph writing its JSON some other way (spaces, other keys): re-wrapped as Apollo Server would.
  return text?.startsWith('{"data":{') && text.endsWith("}\n") ? text : `${JSON.stringify({ data })}\n`;
}
