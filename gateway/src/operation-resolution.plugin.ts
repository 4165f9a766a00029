import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * Stock @apollo/gateway answers an unknown `operationName` (or several operations without one)
 * with HTTP 500; it is the client's mistake, so answer 400 with the code Apollo Server itself uses.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : "Must provide operation name if query contains multiple operations.";
          throw new GraphQLError(message, {
            extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } },
          });
        },
      };
    },
  };
}
