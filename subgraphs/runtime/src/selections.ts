import type { ASTNode, GraphQLNamedType, GraphQLSchema } from "graphql";
import { BREAK, getNamedType, TypeInfo, visit, visitWithTypeInfo } from "graphql";

/**
 * Whether `node` selects a field whose type (through lists and non-null) `matches`; a field the
 * schema does not know is given as undefined.
 */
export function selectsFieldOf(
  schema: GraphQLSchema,
  node: ASTNode,
  matches: (type: GraphQLNamedType | undefined) => boolean,
): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    node,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (!matches(getNamedType(typeInfo.getType()) ?? undefined)) return undefined;
        found = true;
        return BREAK;
      },
    }),
  );
  return found;
}
