import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { authChecker } from "../auth/authorization";
import type { BuildSchemaOptions } from "type-graphql";

/** The Federation 2 version and directives every subgraph links. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

// `any` mirrors Apollo's own GraphQLResolverMap: resolver signatures differ per type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions["resolvers"];
  /** Types not reachable from the resolvers' fields that must still be in the schema. */
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  /** `__resolveReference` for each entity type this subgraph can resolve by key. */
  referenceResolvers: ReferenceResolvers;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql builds and
 * validates the schema, its SDL (with `@key`/`@shareable` directives) plus the resolvers it
 * generated and the reference resolvers go to `buildSubgraphSchema`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validate: { forbidUnknownValues: false },
    // Every @Authorized field is checked by the one rule of the kit (see auth/authorization.ts).
    authChecker,
    emitSchemaFile: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
