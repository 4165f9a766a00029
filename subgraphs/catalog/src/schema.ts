import "reflect-metadata";
import { buildFederatedSchema, referenceById } from "@itsm/kit";
import type { GraphQLSchema } from "graphql";
import type { CatalogContext } from "./catalog.context";
// Imported components first: the order resolvers load in is the order of the printed SDL.
import { ComponentResolver } from "./components/component.resolver";
import { ServiceResolver } from "./it-services/service.resolver";

/** The catalog subgraph's federated schema; needs no database (resolvers read from the context). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ServiceResolver, ComponentResolver],
    referenceResolvers: {
      Service: referenceById((ctx: CatalogContext) => ctx.loaders.selectedServiceReferenceById),
      Component: referenceById((ctx: CatalogContext) => ctx.loaders.componentById),
    },
  });
}
