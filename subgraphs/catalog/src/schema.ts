import "reflect-metadata";
import { buildFederatedSchema } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import { ComponentResolver } from "./resolvers/component.resolver";
import { ServiceResolver } from "./resolvers/service.resolver";
import type { CatalogContext } from "./services/catalog.context";

/** The catalog subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ServiceResolver, ComponentResolver],
    referenceResolvers: {
      Service: {
        __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.serviceReferenceById.load(ref.id),
      },
      Component: {
        __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.componentById.load(ref.id),
      },
    },
  });
}
