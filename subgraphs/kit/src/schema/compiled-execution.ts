import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import type { DocumentNode, ExecutionResult, GraphQLAbstractType, GraphQLSchema, SourceLocation } from "graphql";
import { execute, GraphQLError, isAbstractType } from "graphql";
import type { CompiledQuery } from "graphql-jit";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { selectsFieldOf } from "@itsm/runtime";
import { LRUCache } from "lru-cache";
import type { FieldsByType } from "./selected-fields";
import { fieldsByType, selectionOf } from "./selected-fields";
import { plainFieldsOf } from "./federated-schema";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

export interface CompiledExecutionOptions {
  /** How many distinct operations (document text and operation name) stay compiled. */
  maxOperations?: number;
  /** Bound on the operations' text kept as keys, in characters (a few huge documents must not hold memory). */
  maxSourceChars?: number;
}

/**
 * Executes a subgraph's query operations as graphql-jit functions, compiled once per distinct
 * validated operation (bounded LRU), and everything else with graphql-js: mutations, operations that
 * fail to compile, variables that do not coerce, and operations that select an abstract type whose
 * `resolveType` is asynchronous (graphql-jit cannot await it). Apollo Server lets an executor in only
 * through its `gateway` option: this is a gateway of one schema that never changes, so parsing,
 * validation, the plugins, `formatError` and `executeOperation` stay Apollo's own. For every query
 * operation it also records the fields the operation selects in the context's `selection` (see
 * selected-fields.ts), for reads of only the columns those need.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  options: CompiledExecutionOptions = {},
): Gateway & { readonly compiledOperations: number } {
  // Per query operation: its compiled form (none when graphql-js runs it) and the fields it selects.
  const compiled = new LRUCache<string, { query: CompiledQuery | undefined; fields: FieldsByType }>({
    max: options.maxOperations ?? 1000,
    maxSize: options.maxSourceChars ?? 4_000_000,
    sizeCalculation: (_value, key) => Math.max(1, key.length),
  });

  const asynchronous = asynchronouslyResolvedTypes(schema);
  const plainFields = plainFieldsOf(schema);

  const prepared = (document: DocumentNode, source: string, operationName: string | undefined) => {
    const key = `${operationName ?? ""}\n${source}`;
    let operation = compiled.get(key);
    if (operation === undefined) {
      const result = selectsAny(schema, document, asynchronous)
        ? undefined
        : compileQuery(schema, document, operationName);
      const query = result && isCompiledQuery(result) ? result : undefined;
      operation = { query, fields: fieldsByType(schema, document) };
      compiled.set(key, operation);
    }
    return operation;
  };

  const executor: Executor = async ({ document, operation, context, source, request }) => {
    const { variables, operationName } = request;
    // No operation (an unknown operation name): graphql-js gives the error Apollo expects then.
    if (operation?.operation === "query") {
      const { query, fields } = prepared(document, source, operationName);
      // Reads that load only the columns the operation selects learn them from the context.
      selectionOf(context)?.record(fields, plainFields);
      if (query) {
        const result = await query.query(undefined, context, variables);
        // No data: the variables did not coerce, and graphql-js words those errors as Apollo expects.
        if (result.data !== undefined) return adaptErrors(result);
      }
    }
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
  };

  let onLoad: Parameters<Gateway["onSchemaLoadOrUpdate"]>[0] | undefined;
  return {
    /** Operations held compiled now (those that failed to compile not counted). */
    get compiledOperations() {
      let count = 0;
      for (const { query } of compiled.values()) if (query) count += 1;
      return count;
    },
    onSchemaLoadOrUpdate(callback) {
      onLoad = callback;
      return () => (onLoad = undefined);
    },
    async load() {
      // Not a supergraph: no plugin of ours reads the core SDL, only the API schema.
      onLoad?.({ apiSchema: schema, coreSupergraphSdl: "" });
      return { executor };
    },
    async stop() {
      compiled.clear();
    },
  };
}

/** Abstract types whose `resolveType` is an async function (type-graphql's, when a union or interface declares one). */
function asynchronouslyResolvedTypes(schema: GraphQLSchema): Set<GraphQLAbstractType> {
  const types = new Set<GraphQLAbstractType>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && type.resolveType?.constructor.name === "AsyncFunction") types.add(type);
  }
  return types;
}

/** Whether a field of the document has one of these types (through lists and non-null). */
function selectsAny(schema: GraphQLSchema, document: DocumentNode, types: Set<GraphQLAbstractType>): boolean {
  if (types.size === 0) return false;
  return selectsFieldOf(schema, document, (type) => type !== undefined && isAbstractType(type) && types.has(type));
}

/**
 * graphql-jit's errors inherit from graphql-js's but carry no `extensions` object when the error
 * thrown had none, which Apollo's error normalisation reads: they become graphql-js errors with
 * the same message, locations, path, original error and extensions; `errors` comes first in the
 * answer, as graphql-js puts it.
 */
function adaptErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return { data: result.data };
  return { errors: result.errors.map(asGraphQLJsError), data: result.data };
}

function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const adapted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  // graphql-js derives locations from AST nodes, which graphql-jit does not keep; the field is plain data.
  (adapted as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return adapted;
}
