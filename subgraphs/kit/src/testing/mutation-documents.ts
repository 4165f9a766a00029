import type { SubgraphName } from "@itsm/runtime";
import { Kind, parse, print } from "graphql";
import { committedSdl } from "./index";

const inputTypesOf = new Map<SubgraphName, Map<string, string>>();

/** The type of the `input` argument of each mutation of `subgraph`, as its committed SDL declares it. */
function inputTypes(subgraph: SubgraphName): Map<string, string> {
  let types = inputTypesOf.get(subgraph);
  if (!types) {
    types = new Map();
    for (const definition of parse(committedSdl(subgraph)).definitions) {
      const isMutation =
        (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        definition.name.value === "Mutation";
      if (!isMutation) continue;
      for (const field of definition.fields ?? []) {
        const input = field.arguments?.find((argument) => argument.name.value === "input");
        if (input) types.set(field.name.value, print(input.type));
      }
    }
    inputTypesOf.set(subgraph, types);
  }
  return types;
}

/**
 * The document of mutation `name` of `subgraph` with its `input` argument as `$input`, selecting
 * `selection`: the input type is read from the committed SDL rather than written out by each test.
 */
export function mutationDocument(subgraph: SubgraphName, name: string, selection: string): string {
  const type = inputTypes(subgraph).get(name);
  if (!type) throw new Error(`The ${subgraph} subgraph has no mutation ${name} taking an input argument`);
  return `mutation ($input: ${type}) { ${name}(input: $input) { ${selection} } }`;
}
