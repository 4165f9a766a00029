import type { Experimental_DidResolveQueryPlanCallback } from "@apollo/gateway";
import type { Schema } from "@apollo/federation-internals";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { selectsFieldOf } from "@itsm/runtime";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, VariableDefinitionNode } from "graphql";
import { BREAK, buildSchema, GraphQLError, isAbstractType, isEnumType, Kind, parse, print, visit } from "graphql";
import { LRUCache } from "lru-cache";
import type { CompiledPlan } from "./compiled-plans";
import { compilePlan } from "./compiled-plans";

type PlanHookArguments = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type QueryPlan = PlanHookArguments["queryPlan"];

/** What every learnt operation carries: what the pass-through checks before it runs it. */
export interface LearntOperation {
  /** The API schema it was planned on (variables are coerced against it). */
  schema: GraphQLSchema;
  /** The client operation's own name, as the operation log names it. */
  operationName: string | null;
  variableDefinitions: readonly VariableDefinitionNode[];
}

/** What the gateway learnt about an operation whose whole plan is one fetch of exactly what the client asked. */
export interface SingleFetch extends LearntOperation {
  kind: "single";
  serviceName: string;
  /** The subgraph operation, named as the gateway names it (e.g. `OneSubgraph__catalog__0`). */
  fetchOperation: string;
  fetchOperationName: string | undefined;
  fetchDocument: DocumentNode | undefined;
  variableUsages: readonly string[];
}

/** An operation of several fetches whose plan is compiled (compiled-plans.ts). */
export interface CompiledOperation extends LearntOperation {
  kind: "compiled";
  plan: CompiledPlan;
}

export type LearntPlan = SingleFetch | CompiledOperation;

/** The client operation without its name, printed: the subgraph operation must print the same. */
function printedWithoutName(operation: OperationDefinitionNode): string {
  return print({ ...operation, name: undefined });
}

function hasFragmentSpread(operation: OperationDefinitionNode): boolean {
  let found = false;
  visit(operation, {
    FragmentSpread() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * The single fetch that answers `operation` as it is, or undefined: a query whose plan is one fetch
 * at the root (no Sequence, Parallel, Flatten, Condition or Defer node; no entity fetch, no rewrites),
 * whose subgraph operation prints exactly as the client's (same fields, aliases, arguments,
 * directives, variables and order; no `__typename` added, no fragment), so that the subgraph's
 * `data` is the client's.
 */
export function singleFetchOf(
  queryPlan: QueryPlan,
  operation: OperationDefinitionNode,
):
  | Pick<
      SingleFetch,
      "kind" | "serviceName" | "fetchOperation" | "fetchOperationName" | "fetchDocument" | "variableUsages"
    >
  | undefined {
  const node = queryPlan.node;
  if (operation.operation !== "query" || node?.kind !== "Fetch" || node.operationKind !== "query") return undefined;
  if (node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) {
    return undefined;
  }
  if (node.hasDefers || hasFragmentSpread(operation)) return undefined;
  const fetched = node.operationDocumentNode ?? parse(node.operation);
  const [definition, ...others] = fetched.definitions;
  if (others.length > 0 || definition?.kind !== Kind.OPERATION_DEFINITION) return undefined;
  if (printedWithoutName(definition) !== printedWithoutName(operation)) return undefined;
  return {
    kind: "single",
    serviceName: node.serviceName,
    fetchOperation: node.operation,
    fetchOperationName: node.operationName,
    fetchDocument: node.operationDocumentNode,
    variableUsages: node.variableUsages ?? [],
  };
}

/**
 * The enum and abstract types of the API schema with members hidden by `@inaccessible` (values,
 * possible types): @apollo/gateway checks a subgraph's answer of these against the API schema
 * (`computeResponse`) and makes a hidden value or `__typename` null and an error.
 */
export function typesWithHiddenMembers(apiSchema: GraphQLSchema, supergraphSdl: string): Set<string> {
  const supergraph = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const hidden = new Set<string>();
  for (const type of Object.values(apiSchema.getTypeMap())) {
    const full = supergraph.getType(type.name);
    if (isEnumType(type) && isEnumType(full)) {
      if (full.getValues().length !== type.getValues().length) hidden.add(type.name);
    } else if (isAbstractType(type) && full && isAbstractType(full)) {
      if (supergraph.getPossibleTypes(full).length !== apiSchema.getPossibleTypes(type).length) hidden.add(type.name);
    }
  }
  return hidden;
}

/** Most operations remembered, and most characters of their text (and subgraph operations') together. */
const MAX_OPERATIONS = 1_000;
const MAX_CHARACTERS = 4_000_000;

/** The subgraph operations' text of a learnt plan: what it holds besides its key. */
function planSize(plan: LearntPlan): number {
  if (plan.kind === "single") return plan.fetchOperation.length;
  let size = 0;
  const visitNode = (node: CompiledPlan["node"]): void => {
    if (node.kind === "Root" || node.kind === "Entities") size += node.fetch.operation.length;
    else node.nodes.forEach(visitNode);
  };
  visitNode(plan.plan.node);
  return size;
}

export interface PlanOptions {
  maxOperations?: number;
  maxCharacters?: number;
  /** Learn plans of one fetch of exactly what the client asked (`SINGLE_FETCH_PASSTHROUGH`). */
  singleFetch?: boolean;
  /** Learn compiled plans of several fetches (`COMPILED_PLANS`). */
  compiled?: boolean;
}

/**
 * What the gateway's plans said of each operation (by text and operation name), learnt as the
 * gateway executes it and forgotten when the supergraph changes: a single fetch, a compiled plan,
 * or neither. Eligible or not, each is remembered (not: undefined), the least recently used
 * forgotten first.
 */
export class LearntPlans {
  // false: learnt not eligible (lru-cache keeps no undefined).
  private readonly known: LRUCache<string, LearntPlan | false>;
  private schema: GraphQLSchema | undefined;
  /** The API schema as federation-internals has it: compiled plans are parsed on it, as the gateway parses. */
  private apiSchema: Schema | undefined;
  private hidden = new Set<string>();
  private readonly singleFetch: boolean;
  private readonly compiled: boolean;

  constructor({
    maxOperations = MAX_OPERATIONS,
    maxCharacters = MAX_CHARACTERS,
    singleFetch = true,
    compiled = false,
  }: PlanOptions = {}) {
    this.singleFetch = singleFetch;
    this.compiled = compiled;
    this.known = new LRUCache({
      max: maxOperations,
      maxSize: maxCharacters,
      sizeCalculation: (plan, key) => key.length + (plan ? planSize(plan) : 0),
    });
  }

  private static key(query: string, operationName: string | undefined): string {
    return JSON.stringify([operationName ?? null, query]);
  }

  /** A new supergraph (its API schema and core SDL): nothing learnt on the previous one holds. */
  schemaChanged(schema: GraphQLSchema, supergraphSdl: string): void {
    this.schema = schema;
    this.hidden = typesWithHiddenMembers(schema, supergraphSdl);
    this.apiSchema = this.compiled ? Supergraph.build(supergraphSdl).apiSchema() : undefined;
    this.known.clear();
  }

  /** The gateway's `experimental_didResolveQueryPlan`: called for every operation it executes. */
  readonly learn = ({ queryPlan, requestContext, operationContext }: PlanHookArguments): void => {
    const { query, operationName } = requestContext.request;
    if (query === undefined || operationContext.schema !== this.schema) return;
    const key = LearntPlans.key(query, operationName ?? undefined);
    if (this.known.has(key)) return;
    const { operation } = operationContext;
    const hidden = this.hidden;
    // A field unknown to the schema (not valid, so not planned) is left out too.
    const selectsHidden = selectsFieldOf(operationContext.schema, operation, (type) => !type || hidden.has(type.name));
    const learnt: LearntOperation = {
      schema: operationContext.schema,
      operationName: operation.name?.value ?? null,
      variableDefinitions: operation.variableDefinitions ?? [],
    };
    let plan: LearntPlan | undefined;
    if (!selectsHidden) {
      const fetch = this.singleFetch ? singleFetchOf(queryPlan, operation) : undefined;
      if (fetch) plan = { ...learnt, ...fetch };
      else if (this.compiled && this.apiSchema) {
        const compiled = this.compile(queryPlan, operationContext);
        if (compiled) plan = { ...learnt, kind: "compiled", plan: compiled };
      }
    }
    this.known.set(key, plan ?? false);
  };

  /** The compiled plan, on the operation as `executeQueryPlan` parses it (with its fragments, on the API schema, not validated again). */
  private compile(queryPlan: QueryPlan, { operation, fragments }: PlanHookArguments["operationContext"]) {
    let parsed;
    try {
      parsed = operationFromDocument(
        this.apiSchema as Schema,
        { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] },
        { validate: false },
      );
    } catch (error) {
      // The gateway answers it with that error: nothing to compile.
      if (error instanceof GraphQLError) return undefined;
      throw error;
    }
    return compilePlan(queryPlan, parsed);
  }

  /** The plan of an operation learnt eligible on the current supergraph, if any. */
  get(query: string, operationName: string | undefined): LearntPlan | undefined {
    const found = this.known.get(LearntPlans.key(query, operationName));
    return found && found.schema === this.schema ? found : undefined;
  }
}
