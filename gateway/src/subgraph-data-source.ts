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
      if (error instanceof GraphQLError && error.extensions?.code !== undefined && error.extensions.response) {
        // An HTTP error answer: keep its status in the log, give clients the subgraph's name.
        this.logger.warn({ subgraph: this.name, err: error }, "subgraph answered with an HTTP error");
      } else {
        this.logger.warn({ subgraph: this.name, err: error }, "subgraph unreachable");
      }
      throw new GraphQLError(`The ${this.name} subgraph is unavailable; its fields are missing from this response`, {
        extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.name },
      });
    }
  }
}
