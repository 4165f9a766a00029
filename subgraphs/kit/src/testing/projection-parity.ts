import type { Identity } from "@itsm/runtime";
import type { OperationSelection } from "../schema/selected-fields";
import type { SubgraphServer } from "../subgraph-server";

/** What `withAndWithoutProjection` gives: both answers as JSON text, and the selection the first run recorded. */
export interface ProjectionParity {
  /** The answer as requests get it: reads load only the columns the operation selects. */
  projected: string;
  /** The answer with every read loading whole rows. */
  whole: string;
  selection: OperationSelection;
}

/**
 * Runs one query operation on a subgraph twice for the caller, each with a fresh context: as a
 * request runs (the executor records the operation's fields in the context's `selection`, reads
 * load only the columns those need), then with no selection for the executor to fill (every read
 * loads whole rows). A projection that drops a column some field needs makes the two differ.
 */
export async function withAndWithoutProjection<C extends { selection: OperationSelection }>(
  server: SubgraphServer<C>,
  request: { query: string; variables?: Record<string, unknown> },
  identity: Identity,
): Promise<ProjectionParity> {
  await server.start();
  const answer = async (contextValue: C) => {
    const response = await server.apollo.executeOperation(request, { contextValue });
    if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this graph");
    return JSON.stringify(response.body.singleResult);
  };
  const context = server.createContext(identity);
  const projected = await answer(context);
  // The loaders keep the selection they were made with, which the executor now never fills: whole rows.
  const whole = await answer({ ...server.createContext(identity), selection: undefined } as unknown as C);
  return { projected, whole, selection: context.selection };
}
