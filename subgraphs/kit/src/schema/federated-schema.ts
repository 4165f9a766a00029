import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { parse } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage } from "type-graphql";
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
  const plainFields = withPlainFieldResolvers(resolvers);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const subgraphSchema = buildSubgraphSchema({ typeDefs, resolvers });
  plainFieldsBySchema.set(subgraphSchema, plainFields);
  return subgraphSchema;
}

/**
 * Per object type, its fields whose resolver reads only one property of the object (no field
 * resolver, roles or middleware): field name to property name.
 */
export type PlainFields = ReadonlyMap<string, ReadonlyMap<string, string>>;

// Each schema's own (weakly held: the entry goes with the schema; two schemas never share one).
const plainFieldsBySchema = new WeakMap<GraphQLSchema, PlainFields>();
const NO_PLAIN_FIELDS: PlainFields = new Map();

/** The plain fields of a schema `buildFederatedSchema` built; none for any other schema. */
export function plainFieldsOf(schema: GraphQLSchema): PlainFields {
  return plainFieldsBySchema.get(schema) ?? NO_PLAIN_FIELDS;
}

/**
 * type-graphql gives every object field that has no middleware around it a resolver that still builds
 * its middleware context per call before reading `root[name]`; these get a resolver that only reads
 * the property. (Not the default resolver: graphql-jit inlines a field without a resolver and then
 * does not await a promise the property holds, as `Page.totalCount` does.) Returns those fields. Fields a class inherits
 * count as its own. Fields with @Authorized roles, middleware or a field resolver keep theirs; no global middleware is registered (see
 * buildFederatedSchema).
 */
function withPlainFieldResolvers(resolvers: GraphQLResolverMap<unknown>): PlainFields {
  const plainFields = new Map<string, Map<string, string>>();
  const storage = getMetadataStorage();
  const typesByName = new Map<string, (typeof storage.objectTypes)[number][]>();
  for (const type of storage.objectTypes) typesByName.set(type.name, [...(typesByName.get(type.name) ?? []), type]);
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    const types = typesByName.get(typeName);
    // A name declared by two classes: which one built the type is not known here, so nothing changes.
    if (types?.length !== 1) continue;
    const [type] = types;
    // The class and the classes it extends (their fields are the type's too), the root first.
    const chain: unknown[] = [];
    for (let c: unknown = type.target; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c))
      chain.unshift(c);
    const classFields = chain.flatMap((c) => storage.objectTypes.filter((t) => t.target === c).flatMap((t) => t.fields ?? []));
    const interfaces = storage.interfaceTypes.filter((i) => type.interfaceClasses?.includes(i.target));
    // Later declarations win, as in type-graphql's schema generator: the interfaces' fields, then the classes' own.
    const fields = new Map(
      [...interfaces.flatMap((i) => i.fields ?? []), ...classFields].map((f) => [f.schemaName, f]),
    );
    for (const field of fields.values()) {
      const resolved = storage.fieldResolvers.some(
        (r) => r.methodName === field.name && chain.includes(r.getObjectType?.()),
      );
      if (resolved || field.roles || field.middlewares?.length || field.simple) continue;
      const property = field.name;
      (typeResolvers as Record<string, unknown>)[field.schemaName] = (root: Record<string, unknown>) => root[property];
      let properties = plainFields.get(typeName);
      if (!properties) plainFields.set(typeName, (properties = new Map()));
      properties.set(field.schemaName, property);
    }
  }
  return plainFields;
}
