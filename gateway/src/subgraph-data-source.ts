import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { Logger } from "@itsm/kit/log";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/**
 * Fetches from one subgraph. When the subgraph cannot be reached or answers garbage, the error
 * names the subgraph (not its address) and the other subgraphs' data is still returned.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(
    readonly name: string,
    url: string,
    private readonly logger: Logger,
  ) {
    super({ url });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // A GraphQL answer with a non-2xx status (e.g. a variable the subgraph's scalar rejects):
      // pass its errors on as the subgraph's own, without the HTTP wrapper and its URL.
      const response = (error as GraphQLError).extensions?.response as { body?: { errors?: unknown } } | undefined;
      if (response?.body && Array.isArray(response.body.errors)) {
        return { errors: response.body.errors as GatewayGraphQLResponse["errors"] };
      }
      this.logger.warn({ subgraph: this.name, err: error }, "subgraph unavailable");
      throw new GraphQLError(`The ${this.name} subgraph is unavailable; its fields are missing from this response`, {
        extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.name },
      });
    }
  }
}
