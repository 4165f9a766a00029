import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode } from "@apollo/query-planner";
import type { Operation, Schema } from "@apollo/federation-internals";
import { isObjectType } from "@apollo/federation-internals";
import type { DocumentNode, OperationDefinitionNode, SelectionNode, VariableDefinitionNode } from "graphql";
import { Kind, parse, print, stripIgnoredCharacters } from "graphql";
import type { ResultShaper } from "./result-shaper";
import { compileShaper } from "./result-shaper";

/** A fetch of a compiled plan: its subgraph operation, as the planner made it or merged. */
export interface CompiledFetch {
  serviceName: string;
  operation: string;
  operationName: string | undefined;
  document: DocumentNode | undefined;
  /** The client's variables it uses (only those given are sent, as `executeFetch` does). */
  variableUsages: readonly string[];
}

/** The representation of an entity for an `_entities` fetch (its `requires`), or undefined: not sent. */
export type RepresentationBuilder = (entity: Record<string, unknown>) => Record<string, unknown> | undefined;

/** One Flatten+Fetch of the plan inside an entity fetch: where its entities are, and how each is represented. */
export interface EntityPart {
  path: readonly string[];
  represent: RepresentationBuilder;
  /** The fetch as planned (merged or not): what @apollo/gateway asks for these entities. */
  planned: CompiledFetch;
}

export type CompiledNode =
  | { kind: "Sequence" | "Parallel"; nodes: CompiledNode[] }
  | { kind: "Root"; fetch: CompiledFetch }
  /** One `_entities` request: one part as planned, or several of one Parallel node merged. */
  | { kind: "Entities"; fetch: CompiledFetch; parts: EntityPart[] };

/** An operation whose plan is compiled: executed and shaped without @apollo/gateway. */
export interface CompiledPlan {
  node: CompiledNode;
  shaper: ResultShaper;
}

/** Thrown while compiling a plan the compiled execution does not take. */
class NotCompiled extends Error {}

function notCompiled(): never {
  throw new NotCompiled();
}

/**
 * The compiled plan of `operation` (parsed against the API schema as `executeQueryPlan` parses it),
 * or undefined: a query whose plan holds only Sequence, Parallel, Flatten and Fetch nodes (no
 * Condition, Defer or Subscription; no rewrites; entity fetches whose `requires` are flat key fields
 * of an object type), and whose selections the shaper takes (result-shaper.ts).
 */
export function compilePlan(queryPlan: QueryPlan, operation: Operation): CompiledPlan | undefined {
  if (operation.rootKind !== "query" || !queryPlan.node) return undefined;
  const shaper = compileShaper(operation);
  if (!shaper) return undefined;
  if (queryPlan.node.kind === "Subscription") return undefined;
  try {
    return { node: compileNode(queryPlan.node, operation.schema()), shaper };
  } catch (error) {
    if (error instanceof NotCompiled) return undefined;
    throw error;
  }
}

function compileNode(node: PlanNode, schema: Schema): CompiledNode {
  switch (node.kind) {
    case "Sequence":
      return { kind: "Sequence", nodes: node.nodes.map((child) => compileNode(child, schema)) };
    case "Parallel":
      return { kind: "Parallel", nodes: mergeEntityFetches(node.nodes.map((child) => compileNode(child, schema))) };
    case "Fetch":
      // A fetch outside Flatten is a root fetch: it merges into the root of the answer.
      if (node.requires) notCompiled();
      return { kind: "Root", fetch: compileFetch(node) };
    case "Flatten": {
      const fetch = node.node;
      if (fetch.kind !== "Fetch" || !fetch.requires) notCompiled();
      if (node.path.some((key) => typeof key !== "string")) notCompiled();
      const planned = compileFetch(fetch);
      const part = { path: node.path as string[], represent: representationBuilder(fetch.requires, schema), planned };
      return { kind: "Entities", fetch: planned, parts: [part] };
    }
    default:
      return notCompiled();
  }
}

function compileFetch(node: FetchNode): CompiledFetch {
  if (node.operationKind !== "query" || node.hasDefers) notCompiled();
  if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) notCompiled();
  const variableUsages = node.variableUsages ?? [];
  // The gateway refuses a client variable named like the representations.
  if (node.requires && variableUsages.includes("representations")) notCompiled();
  return {
    serviceName: node.serviceName,
    operation: node.operation,
    operationName: node.operationName,
    document: node.operationDocumentNode,
    variableUsages,
  };
}

/**
 * The representation builder of `requires`, as `executeSelectionSet` builds a representation:
 * per inline fragment whose type is the entity's `__typename`, its fields, all present (else no
 * representation); an entity without `__typename` in the result is not sent. Only flat fields on
 * object types are compiled (the keys of this graph): nested keys and abstract types are not.
 */
function representationBuilder(requires: readonly QueryPlanSelectionNode[], schema: Schema): RepresentationBuilder {
  const fragments = requires.map((selection) => {
    if (selection.kind !== "InlineFragment" || !selection.typeCondition) return notCompiled();
    const type = schema.type(selection.typeCondition);
    if (!type || !isObjectType(type)) notCompiled();
    const fields = selection.selections.map((field) => {
      if (field.kind !== "Field" || field.selections) return notCompiled();
      return field.alias ?? field.name;
    });
    return { typeName: selection.typeCondition, fields };
  });
  return (entity) => {
    let representation: Record<string, unknown> | undefined;
    for (const { typeName, fields } of fragments) {
      if (entity.__typename !== typeName) continue;
      const part = Object.create(null) as Record<string, unknown>;
      let complete = true;
      for (const field of fields) {
        const value = Object.hasOwn(entity, field) ? entity[field] : undefined;
        if (value === undefined) {
          complete = false;
          break;
        }
        // A key holding an object or a list: not one the builder was compiled for.
        if (typeof value === "object" && value !== null) throw new CannotRepresent();
        part[field] = value;
      }
      if (complete) representation = Object.assign(representation ?? Object.create(null), part);
    }
    return representation?.__typename ? representation : undefined;
  };
}

/** A representation that is not a plain key: the compiled execution stops and the gateway takes over. */
export class CannotRepresent extends Error {}

/** The `_entities` field of an entity fetch's operation, or undefined when it has another shape. */
function entitiesSelection(fetch: CompiledFetch) {
  const document = fetch.document ?? parse(fetch.operation);
  const [definition, ...others] = document.definitions;
  if (others.length > 0 || definition?.kind !== Kind.OPERATION_DEFINITION || definition.directives?.length) return;
  const [field, ...rest] = definition.selectionSet.selections;
  if (rest.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== "_entities" || field.alias) return;
  const fragments = field.selectionSet?.selections ?? [];
  const types = new Set<string>();
  for (const fragment of fragments) {
    if (fragment.kind !== Kind.INLINE_FRAGMENT || !fragment.typeCondition || fragment.directives?.length) return;
    types.add(fragment.typeCondition.name.value);
  }
  return { definition, field, fragments, types };
}

/**
 * The entity fetches of one Parallel node merged where they can be: those to the same subgraph
 * whose type conditions are disjoint become one `_entities` request (their selections and
 * variables together, the representations of each part in order), so that one subgraph is asked
 * once. Other nodes stay as they are.
 */
function mergeEntityFetches(nodes: CompiledNode[]): CompiledNode[] {
  const merged: CompiledNode[] = [];
  const groups: {
    node: Extract<CompiledNode, { kind: "Entities" }>;
    members: ReturnType<typeof entitiesSelection>[];
  }[] = [];
  for (const node of nodes) {
    const selection = node.kind === "Entities" ? entitiesSelection(node.fetch) : undefined;
    if (node.kind !== "Entities" || !selection) {
      merged.push(node);
      continue;
    }
    const group = groups.find(
      ({ node: first, members }) =>
        first.fetch.serviceName === node.fetch.serviceName &&
        members.every((member) => member && [...selection.types].every((type) => !member.types.has(type))) &&
        compatibleVariables(members, selection.definition),
    );
    if (group) {
      group.members.push(selection);
      group.node.parts.push(...node.parts);
      group.node.fetch = mergedFetch(group.node.fetch, group.members);
    } else {
      const copy = { ...node, parts: [...node.parts] };
      groups.push({ node: copy, members: [selection] });
      merged.push(copy);
    }
  }
  return merged;
}

/** Whether the fetches' variables can be declared together: one type per name. */
function compatibleVariables(
  members: ReturnType<typeof entitiesSelection>[],
  definition: OperationDefinitionNode,
): boolean {
  const declared = new Map<string, string>();
  for (const member of members) {
    for (const variable of member?.definition.variableDefinitions ?? []) {
      declared.set(variable.variable.name.value, print(variable));
    }
  }
  return (definition.variableDefinitions ?? []).every((variable) => {
    const other = declared.get(variable.variable.name.value);
    return other === undefined || other === print(variable);
  });
}

/** One `_entities` operation of several: the first one's name, every variable once, the fragments in order. */
function mergedFetch(first: CompiledFetch, members: ReturnType<typeof entitiesSelection>[]): CompiledFetch {
  const variables = new Map<string, VariableDefinitionNode>();
  const fragments: SelectionNode[] = [];
  for (const member of members) {
    if (!member) continue;
    for (const variable of member.definition.variableDefinitions ?? []) {
      variables.set(variable.variable.name.value, variable);
    }
    fragments.push(...member.fragments);
  }
  const [head] = members as NonNullable<ReturnType<typeof entitiesSelection>>[];
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        ...head.definition,
        variableDefinitions: [...variables.values()],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [{ ...head.field, selectionSet: { kind: Kind.SELECTION_SET, selections: fragments } }],
        },
      },
    ],
  };
  const usages = new Set<string>();
  for (const name of variables.keys()) if (name !== "representations") usages.add(name);
  return {
    serviceName: first.serviceName,
    operation: stripIgnoredCharacters(print(document)),
    operationName: first.operationName,
    document,
    variableUsages: [...usages],
  };
}
