import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";

// Per request context: errors about parts of an answer that are missing while the rest is served.
const reported = new WeakMap<object, GraphQLError[]>();

/**
 * Records that part of a field's answer is missing (a peer subgraph could not be asked) while the
 * field still answers with the rest: the error is added to the response's `errors`, so clients (and
 * the gateway, which passes it on) learn what is missing without losing what is there.
 */
export function reportPartialError(context: object, error: GraphQLError): void {
  const errors = reported.get(context) ?? [];
  errors.push(error);
  reported.set(context, errors);
}

/** Adds the partial errors a request reported to its response. */
export function partialErrorsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const errors = reported.get(contextValue);
          if (!errors?.length || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...errors.map((e) => e.toJSON())];
        },
      };
    },
  };
}
