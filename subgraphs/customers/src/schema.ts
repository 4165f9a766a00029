import "reflect-metadata";
import { buildFederatedSchema } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import { CustomerResolver } from "./resolvers/customer.resolver";
import { ProviderResolver } from "./resolvers/provider.resolver";
import type { CustomersContext } from "./services/customers.context";

/** The customers subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CustomerResolver, ProviderResolver],
    referenceResolvers: {
      Customer: {
        __resolveReference: (ref: { id: string }, ctx: CustomersContext) => ctx.loaders.customerById.load(ref.id),
      },
      Provider: {
        __resolveReference: (ref: { id: string }, ctx: CustomersContext) => ctx.loaders.providerById.load(ref.id),
      },
    },
  });
}
