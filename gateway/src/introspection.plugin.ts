import type { ApolloServerPlugin } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { ANONYMOUS, isStaff } from "@itsm/runtime";
import type { DocumentNode } from "graphql";
import { BREAK, GraphQLError, visit } from "graphql";
import type { GatewayContext } from "./subgraph-data-source";

/** Whether a document asks for the schema (`__schema` or `__type`; `__typename` is ordinary data). */
export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Introspection for staff only (analyst, editor, admin): a partner gets FORBIDDEN, an anonymous
 * caller UNAUTHENTICATED. (INTROSPECTION=false turns it off for everybody in Apollo itself.)
 */
export function introspectionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          const identity = contextValue.identity ?? ANONYMOUS;
          if (isStaff(identity) || !asksForSchema(document)) return;
          if (identity.role === "anonymous") {
            throw new GraphQLError(
              "Sign in to introspect the schema: introspection is for the analyst, editor and admin roles",
              {
                extensions: {
                  code: "UNAUTHENTICATED",
                  http: { status: 401, headers: new HeaderMap([["www-authenticate", "Bearer"]]) },
                },
              },
            );
          }
          throw new GraphQLError(
            `The ${identity.role} role may not introspect the schema: introspection is for the analyst, editor and admin roles`,
            { extensions: { code: "FORBIDDEN", http: { status: 403 } } },
          );
        },
      };
    },
  };
}
