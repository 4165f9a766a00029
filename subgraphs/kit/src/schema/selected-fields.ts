import type { DocumentNode, GraphQLSchema } from "graphql";
import { getNamedType, isAbstractType, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import type { PlainFields } from "./federated-schema";

/** For each object type, the fields a document selects on it anywhere. */
export type FieldsByType = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Every field a document selects, by the object type it is selected on: through fragments and
 * inline fragments, whatever `@skip`/`@include` say (a superset); a field selected on an interface
 * or union counts for each of its object types. `__typename` is left out.
 */
export function fieldsByType(schema: GraphQLSchema, document: DocumentNode): FieldsByType {
  const fields = new Map<string, Set<string>>();
  const add = (typeName: string, field: string) => {
    let set = fields.get(typeName);
    if (!set) fields.set(typeName, (set = new Set()));
    set.add(field);
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD](node) {
        const parent = typeInfo.getParentType();
        const name = node.name.value;
        if (!parent || name === "__typename") return;
        const parentType = getNamedType(parent);
        if (isObjectType(parentType)) add(parentType.name, name);
        else if (isAbstractType(parentType))
          for (const type of schema.getPossibleTypes(parentType)) add(type.name, name);
      },
    }),
  );
  return fields;
}

/**
 * What the operation of one request selects, for reads that load only the columns it needs. A
 * context that carries one as `selection` has it filled by the subgraph's executor for query
 * operations (not for mutations, whose reads then load whole rows).
 */
export class OperationSelection {
  private fields: FieldsByType | undefined;
  private plainFields: PlainFields | undefined;

  /** Set by the executor before the operation runs: what it selects, and the plain fields of its schema. */
  record(fields: FieldsByType, plainFields: PlainFields): void {
    this.fields = fields;
    this.plainFields = plainFields;
  }

  /** Whether the executor recorded the operation's fields. */
  get known(): boolean {
    return this.fields !== undefined;
  }

  /**
   * The fields the operation selects on this object type; undefined when that is not known or the
   * type is not selected at all (a read for some other purpose: it must load whole rows).
   */
  of(typeName: string): ReadonlySet<string> | undefined {
    return this.fields?.get(typeName);
  }

  /** The property a field of the operation's schema reads when it is plain (see `plainFieldsOf`), else undefined. */
  plainProperty(typeName: string, fieldName: string): string | undefined {
    return this.plainFields?.get(typeName)?.get(fieldName);
  }
}

/** The selection a context carries as `selection`, if it carries one. */
export function selectionOf(context: unknown): OperationSelection | undefined {
  const selection = (context as { selection?: unknown } | null)?.selection;
  return selection instanceof OperationSelection ? selection : undefined;
}
