import type { ApolloServerPlugin } from "@apollo/server";
import type { Identity } from "@itsm/runtime";
import { ANONYMOUS, isStaff } from "@itsm/runtime";
import type { GatewayContext } from "./subgraph-data-source";

// graphql-js ends a message with its suggestion: `… Did you mean "agreement" or "agreements"?`.
const SUGGESTION = / ?Did you mean .+?\?$/s;

/** A message without graphql-js's "Did you mean …?" suggestion. */
export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, "");
}

/**
 * "Did you mean …?" only for callers who may introspect (staff, while introspection is on): the
 * suggestions name fields, types, arguments and enum values, so for anyone else they would be
 * introspection by guessing. Applied to the answer, so it covers every error that carries one —
 * validation, variable coercion (enum values in variables) — whatever NODE_ENV is.
 */
export function schemaSuggestionsPlugin(introspection: boolean): ApolloServerPlugin<GatewayContext> {
  const maySeeSchema = (identity: Identity) => introspection && isStaff(identity);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (maySeeSchema(contextValue.identity ?? ANONYMOUS) || response.body.kind !== "single") return;
          const { singleResult } = response.body;
          if (!singleResult.errors) return;
          singleResult.errors = singleResult.errors.map((error) =>
            SUGGESTION.test(error.message) ? { ...error, message: withoutSuggestion(error.message) } : error,
          );
        },
      };
    },
  };
}
