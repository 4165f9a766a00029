import type DataLoader from "dataloader";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The `__resolveReference` of an entity keyed by `id`: the per-request loader `loaderOf` picks from
 * the context answers it, so a gateway's batch of references costs one query.
 */
export function referenceById<C>(loaderOf: (context: C) => DataLoader<string, unknown>) {
  return { __resolveReference: (reference: { id: string }, context: C) => loaderOf(context).load(reference.id) };
}

/** What a subgraph that does not own an entity type knows of it: its key. */
export interface EntityKey {
  id: string;
}

/**
 * The class of an entity type another subgraph owns, as far as this subgraph knows it: its key
 * `id` and nothing else (`@key(fields: "id")`), under the owner's type name and description.
 */
export function entityReference(typeName: string, description: string): new () => EntityKey {
  @Directive('@key(fields: "id")')
  @ObjectType(typeName, { description })
  class Reference implements EntityKey {
    @Field(() => ID, { description: "Opaque, stable identifier." })
    id: string;
  }
  Object.defineProperty(Reference, "name", { value: `${typeName}Reference` });
  return Reference;
}
