import "reflect-metadata";
import { buildFederatedSchema, referenceById } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import type { CustomersContext } from "./customers.context";
// Customers first: the order resolvers load in is the order of the printed SDL.
import { CustomerResolver } from "./customers/customer.resolver";
import { ProviderResolver } from "./providers/provider.resolver";

/** The customers subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CustomerResolver, ProviderResolver],
    referenceResolvers: {
      Customer: referenceById((ctx: CustomersContext) => ctx.loaders.selectedCustomerById),
      Provider: referenceById((ctx: CustomersContext) => ctx.loaders.selectedProviderById),
    },
  });
}
