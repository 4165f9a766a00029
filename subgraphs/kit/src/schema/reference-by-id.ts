import type DataLoader from "dataloader";

/**
 * The `__resolveReference` of an entity keyed by `id`: the per-request loader `loaderOf` picks from
 * the context answers it, so a gateway's batch of references costs one query.
 */
export function referenceById<C>(loaderOf: (context: C) => DataLoader<string, unknown>) {
  return { __resolveReference: (reference: { id: string }, context: C) => loaderOf(context).load(reference.id) };
}
