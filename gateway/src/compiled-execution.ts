import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { CompiledFetch, CompiledNode, CompiledPlan, EntityPart } from "./compiled-plans";
import { CannotRepresent } from "./compiled-plans";
import type { GatewayContext, Prefetched, PrefetchedFetch, SubgraphDataSource } from "./subgraph-data-source";
import { fetchThrough } from "./subgraph-data-source";

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What a compiled execution came to: the client's `data` as JSON text, or what it fetched for the
 * gateway to go on with (and the error that stopped it, when it was not an answer it cannot take).
 */
export type CompiledOutcome = { data: string } | { handover: Prefetched; error?: unknown };

/** Per part of an entity fetch: the fetch as planned, and the index (among those sent) of each representation it had. */
interface PartSent {
  planned: CompiledFetch;
  indices: number[];
}

interface Made {
  fetch: PrefetchedFetch;
  /** Its parsed data went into the merged result (and may have changed since). */
  merged: boolean;
  /** An entity fetch: its parts and the representations sent (merged or deduplicated, the gateway's fetches differ). */
  entities?: { parts: PartSent[]; representations: Record<string, unknown>[] };
}

/** Thrown to stop a compiled execution: something the gateway must do itself. */
const STOP = Symbol("stop");

/**
 * Executes a compiled plan for one request: fetches through the subgraphs' data sources (only the
 * variables each uses; Parallel children at once; identical representations sent once), merges the
 * answers as `executeQueryPlan` does, and shapes the client's `data`. On anything else — a fetch
 * that failed or answered errors, extensions, a cache policy or another shape, a shaper bail-out —
 * it stops and hands over what it fetched: the answers to fetches made as the gateway would make
 * them (re-read from their bytes: merging changed the parsed ones), and the subgraphs that could
 * not be reached.
 */
export async function executeCompiled(
  plan: CompiledPlan,
  given: Record<string, unknown>,
  dataSource: (name: string) => SubgraphDataSource | undefined,
  context: GatewayContext,
): Promise<CompiledOutcome> {
  const root = Object.create(null) as Record<string, unknown>;
  const made: Made[] = [];
  let stopped = false;

  /** Stops this execution: no fetch starts after it; those under way end and are handed over. */
  function stop(): never {
    stopped = true;
    throw STOP;
  }

  async function send(
    fetch: CompiledFetch,
    variables: Record<string, unknown>,
    path: readonly string[],
    entities?: Made["entities"],
  ) {
    const source = dataSource(fetch.serviceName);
    if (!source || stopped) stop();
    const { operation: query, operationName, document, serviceName } = fetch;
    const result = await fetchThrough(source, context, {
      serviceName,
      query,
      operationName,
      document,
      variables,
      path,
    });
    const entry: Made = { fetch: result, merged: false, entities };
    made.push(entry);
    const data = plainData(result);
    if (!data || stopped) stop();
    entry.merged = true;
    return data;
  }

  async function execute(node: CompiledNode): Promise<void> {
    switch (node.kind) {
      case "Sequence":
        for (const child of node.nodes) await execute(child);
        return;
      case "Parallel": {
        // Every child runs to its end (its fetch is then there to hand over), then the first stop counts.
        const settled = await Promise.allSettled(
          node.nodes.map((child) =>
            execute(child).catch((error: unknown) => {
              stopped = true;
              throw error;
            }),
          ),
        );
        const failed = settled.find((outcome) => outcome.status === "rejected");
        if (failed) throw failed.reason;
        return;
      }
      case "Root":
        mergeInto(root, await send(node.fetch, usedVariables(node.fetch, given), []));
        return;
      case "Entities":
        return fetchEntities(node.fetch, node.parts);
    }
  }

  async function fetchEntities(fetch: CompiledFetch, parts: EntityPart[]) {
    // Per part its entities and the index of each one's representation among those sent.
    const representations: Record<string, unknown>[] = [];
    const indexOf = new Map<string, number>();
    const sent: PartSent[] = [];
    const targets = parts.map(({ path, represent, planned }) => {
      const entities: [Record<string, unknown>, number][] = [];
      const indices: number[] = [];
      sent.push({ planned, indices });
      for (const entity of entitiesAt(root, path)) {
        const representation = represent(entity);
        if (!representation) continue;
        const key = JSON.stringify(representation);
        let index = indexOf.get(key);
        if (index === undefined) {
          index = representations.push(representation) - 1;
          indexOf.set(key, index);
        }
        indices.push(index);
        entities.push([entity, index]);
      }
      return entities;
    });
    if (representations.length === 0) return;
    const variables = { ...usedVariables(fetch, given), representations };
    const data = await send(fetch, variables, parts.length === 1 ? parts[0].path : [], {
      parts: sent,
      representations,
    });
    const answers = data._entities;
    if (!Array.isArray(answers) || answers.length !== representations.length) stop();
    // Each answer merges into every entity that had its representation: the first takes it, the others a copy.
    const taken = new Set<number>();
    for (const entities of targets) {
      for (const [entity, index] of entities) {
        const answer: unknown = answers[index];
        if (answer === null || answer === undefined) continue;
        if (!isRecord(answer)) stop();
        mergeInto(entity, taken.has(index) ? copyOf(answer) : answer);
        taken.add(index);
      }
    }
  }

  let data: string | undefined;
  let unexpected: unknown;
  try {
    await execute(plan.node);
    data = plan.shaper.write(root);
  } catch (error) {
    // The gateway answers the request whatever stopped this one; an unexpected error is reported.
    if (error !== STOP && !(error instanceof CannotRepresent)) unexpected = error;
  }
  if (data !== undefined) return { data };
  return { handover: await handover(made), ...(unexpected === undefined ? {} : { error: unexpected }) };
}

/** The client's variables a fetch uses, those given only (as `executeFetch` picks them). */
export function usedVariables(
  fetch: Pick<CompiledFetch, "variableUsages">,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const variables = Object.create(null) as Record<string, unknown>;
  for (const name of fetch.variableUsages) {
    if (Object.hasOwn(given, name) && given[name] !== undefined) variables[name] = given[name];
  }
  return variables;
}

type Answered = GatewayGraphQLResponse & { http?: { text(): Promise<string> } };

/** The answer's `data` when it is data alone (no errors, no extensions, not cacheable), else undefined. */
export function plainData(fetch: PrefetchedFetch): Record<string, unknown> | undefined {
  if (!("response" in fetch.outcome)) return undefined;
  const { data, http, ...rest } = fetch.outcome.response as Answered;
  void http;
  if (!isRecord(data) || Object.values(rest).some((value) => value !== undefined)) return undefined;
  if ((fetch.cacheHint?.maxAge ?? 0) > 0) return undefined;
  return data;
}

/**
 * The entities at a Flatten path, as `flattenResultsAtPath` finds them (`@`: every element of a
 * list), nulls left out; anything the gateway would assert on stops the execution.
 */
function entitiesAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown>[] {
  let values: unknown[] = [root];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      if (key === "@") {
        if (!Array.isArray(value)) throw STOP;
        next.push(...(value as unknown[]));
      } else {
        if (!isRecord(value)) throw STOP;
        next.push(Object.hasOwn(value, key) ? value[key] : undefined);
      }
    }
    values = next;
  }
  const entities: Record<string, unknown>[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) throw STOP;
    entities.push(value);
  }
  return entities;
}

/**
 * `source` merged into `target` as @apollo/gateway's `deepMerge` merges a fetch's answer into its
 * result: objects recursively, lists of the same length element by element, anything else replaced.
 */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    // JSON.parse makes `__proto__` an own key; assigning it would set the prototype instead.
    if (key === "__proto__") throw STOP;
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (existing && isRecord(value) && typeof existing === "object") {
      if (!isRecord(existing)) throw STOP;
      mergeInto(existing, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        const element: unknown = value[i];
        const current: unknown = existing[i];
        if (isRecord(current) && isRecord(element)) mergeInto(current, element);
        else existing[i] = element;
      }
    } else {
      target[key] = value;
    }
  }
}

/** A copy of a JSON value: no object of one entity's answer is shared with another's. */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf(value[key]);
  return copy as T;
}

/**
 * What the gateway goes on with: the subgraphs that could not be reached, and the answers to the
 * fetches it will make as they were made here, re-read from their bytes (the parsed ones took
 * merged data). An entity fetch answered with data alone is split back into the fetches of its
 * parts as planned, each with every representation in its order (an answer per representation
 * does not depend on its neighbours); one answered otherwise is handed over only when it was made
 * as planned (one part, no duplicate): its errors' paths index the representations sent.
 */
async function handover(made: Made[]): Promise<Prefetched> {
  const answers: PrefetchedFetch[] = [];
  const unavailable = new Map<string, unknown>();
  for (const { fetch, merged, entities } of made) {
    if ("error" in fetch.outcome) {
      unavailable.set(fetch.serviceName, fetch.outcome.error);
      continue;
    }
    const plain = plainData(fetch) !== undefined;
    const asPlanned =
      !entities ||
      (entities.parts.length === 1 && entities.parts[0].indices.length === entities.representations.length);
    if (!merged && asPlanned) {
      answers.push(fetch);
      continue;
    }
    const { http } = fetch.outcome.response as Answered;
    // Without its bytes (an answer the data source made itself) the gateway fetches it again.
    if (!http || (!plain && !asPlanned)) continue;
    const response = { ...(JSON.parse(await http.text()) as GatewayGraphQLResponse), http } as GatewayGraphQLResponse;
    if (!entities || !plain) {
      answers.push({ ...fetch, outcome: { response } });
      continue;
    }
    const received = (response.data as { _entities: unknown[] })._entities;
    for (const { planned, indices } of entities.parts) {
      if (indices.length === 0) continue;
      const variables = {
        ...usedVariables(planned, fetch.variables),
        representations: indices.map((i) => entities.representations[i]),
      };
      // Each entity its own object, as if the subgraph had answered each representation.
      const data = { _entities: indices.map((i) => copyOf(received[i])) };
      answers.push({ ...fetch, query: planned.operation, variables, outcome: { response: { data } } });
    }
  }
  return { answers, unavailable };
}
