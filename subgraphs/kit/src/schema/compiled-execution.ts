import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import type { DocumentNode, ExecutionResult, GraphQLSchema, SourceLocation } from "graphql";
import { execute, GraphQLError } from "graphql";
import type { CompiledQuery } from "graphql-jit";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;
type ExecutorRequest = Parameters<Executor>[0];

export interface CompiledExecutionOptions {
  /** How many distinct operations (document text and operation name) stay compiled. */
  maxOperations?: number;
  /** Bound on the operations' text kept as keys, in characters (a few huge documents must not hold memory). */
  maxSourceChars?: number;
}

/**
 * Executes a subgraph's query operations as graphql-jit functions, compiled once per distinct
 * validated operation (bounded LRU), and everything else (mutations, operations that fail to compile,
 * variables that do not coerce) with graphql-js. Apollo Server lets an executor in only through its
 * `gateway` option: this is a gateway of one schema that never changes, so parsing, validation, the
 * plugins, `formatError` and `executeOperation` stay Apollo's own.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  options: CompiledExecutionOptions = {},
): Gateway & { readonly compiledOperations: number } {
  const compiled = new LRUCache<string, CompiledQuery | "not compiled">({
    max: options.maxOperations ?? 1000,
    maxSize: options.maxSourceChars ?? 4_000_000,
    sizeCalculation: (_value, key) => Math.max(1, key.length),
  });

  const compiledFor = (request: ExecutorRequest): CompiledQuery | undefined => {
    const key = `${request.operationName ?? ""}\n${request.source}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined);
      query = isCompiledQuery(result) ? result : "not compiled";
      compiled.set(key, query);
    }
    return query === "not compiled" ? undefined : query;
  };

  const executor: Executor = async (request) => {
    const { document, operation, context } = request;
    const variables = request.request.variables;
    if (operation.operation === "query") {
      const query = compiledFor(request);
      if (query) {
        const result = await query.query(undefined, context, variables);
        // No data: the variables did not coerce, and graphql-js words those errors as Apollo expects.
        if (result.data !== undefined) return adaptErrors(result);
      }
    }
    return graphqlJs(schema, document, context, variables, request.operationName);
  };

  let onLoad: Parameters<Gateway["onSchemaLoadOrUpdate"]>[0] | undefined;
  return {
    /** Operations held compiled now (those that failed to compile not counted). */
    get compiledOperations() {
      let count = 0;
      for (const query of compiled.values()) if (query !== "not compiled") count += 1;
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

function graphqlJs(
  schema: GraphQLSchema,
  document: DocumentNode,
  contextValue: unknown,
  variableValues: Record<string, unknown> | undefined,
  operationName: string | null,
) {
  return execute({ schema, document, contextValue, variableValues, operationName });
}

/**
 * graphql-jit's errors inherit from graphql-js's but carry no `extensions` object when the error
 * thrown had none, which Apollo's error normalisation reads: they become graphql-js errors with
 * the same message, locations, path, original error and extensions.
 */
function adaptErrors<T extends ExecutionResult>(result: T): T {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map(asGraphQLJsError) };
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
