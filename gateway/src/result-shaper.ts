import type { NamedType, ObjectType, Operation, Schema, SelectionSet, Type } from "@apollo/federation-internals";
import {
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  typenameFieldName,
} from "@apollo/federation-internals";

/**
 * The result shaper of a compiled plan: the client operation's selections against the API schema,
 * compiled once, written straight to the JSON text of `data` as @apollo/gateway's `computeResponse`
 * (resultShaping.js) would build it and Apollo Server would stringify it — or "cannot" (undefined)
 * for anything that is not plainly equal to what it would produce (a null in a non-null position, a
 * value of the wrong shape, a leaf value the API schema does not accept, another `__typename`): the
 * request then goes the usual way, and @apollo/gateway makes its own nulls and errors.
 */
export interface ResultShaper {
  /** `data` as JSON text, or undefined: not plainly what @apollo/gateway would answer. */
  write(data: unknown): string | undefined;
}

/** A leaf value's check, as federation-internals' `isValidLeafValue` makes it for one type. */
type LeafCheck = (value: unknown) => boolean;

type ValueShape =
  | { kind: "nonNull"; of: ValueShape }
  | { kind: "list"; of: ValueShape }
  | { kind: "object"; shape: ObjectShape }
  | { kind: "leaf"; valid: LeafCheck };

interface FieldShape {
  /** The response name. */
  name: string;
  /** What precedes the value in the output: the quoted name and a colon, with a comma but for the first. */
  prefix: string;
  /** Absent: a `__typename` field (the object's type name). */
  value?: ValueShape;
}

interface ObjectShape {
  typeName: string;
  /** The type name as a JSON string: what every `__typename` of it writes. */
  typeNameJson: string;
  fields: FieldShape[];
}

/** Thrown (and caught in `write`) when the answer is not plainly what the gateway would make. */
const CANNOT = Symbol("cannot shape");

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** The check `isValidLeafValue` makes for a leaf type of the API schema; undefined for a type it is not. */
function leafCheck(schema: Schema, type: NamedType): LeafCheck | undefined {
  if (isCustomScalarType(type)) return () => true;
  if (isEnumType(type)) {
    const values = new Set(type.values.map((value) => value.name));
    return (value) => typeof value === "string" && values.has(value);
  }
  const integer = (value: unknown) => typeof value === "number" && isFinite(value) && INTEGER.test(String(value));
  if (type === schema.booleanType()) return (value) => typeof value === "boolean";
  if (type === schema.intType()) return integer;
  if (type === schema.idType()) return (value) => typeof value === "string" || integer(value);
  if (type === schema.floatType()) return (value) => typeof value === "number" && isFinite(value);
  if (type === schema.stringType()) return (value) => typeof value === "string";
  return undefined;
}

/** Not compiled: the operation selects something the shaper does not take (see `compileShaper`). */
class NotCompiled extends Error {}

/**
 * The selections of `sets` on an object type, by response name in first-appearance order (as the
 * gateway's output object gets its keys), fragments inlined; each name with every selection set
 * its fields carry, to be merged in order, as `updateOutputValue` merges them into one object.
 */
function collect(type: ObjectType, sets: readonly SelectionSet[]) {
  const fields = new Map<string, { type: Type | undefined; sets: SelectionSet[] }>();
  const visit = (set: SelectionSet) => {
    for (const selection of set.selections()) {
      const element = selection.element;
      // @include/@skip (or any directive): not compiled, the gateway evaluates them per request.
      if (element.appliedDirectives.length > 0) throw new NotCompiled();
      if (element.kind === "FragmentElement") {
        // On an object type without abstract types, a fragment can only be on that same type.
        if (element.typeCondition && element.typeCondition.name !== type.name) throw new NotCompiled();
        visit(selection.selectionSet as SelectionSet);
        continue;
      }
      if (element.definition.isSchemaIntrospectionField()) throw new NotCompiled();
      const name = element.responseName();
      let entry = fields.get(name);
      if (!entry) {
        entry = { type: element.name === typenameFieldName ? undefined : element.definition.type, sets: [] };
        fields.set(name, entry);
      }
      if (selection.selectionSet) entry.sets.push(selection.selectionSet as SelectionSet);
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

function objectShape(schema: Schema, type: ObjectType, sets: readonly SelectionSet[]): ObjectShape {
  const fields: FieldShape[] = [];
  for (const [name, entry] of collect(type, sets)) {
    const prefix = `${fields.length === 0 ? "" : ","}${JSON.stringify(name)}:`;
    fields.push({ name, prefix, value: entry.type && valueShape(schema, entry.type, entry.sets) });
  }
  return { typeName: type.name, typeNameJson: JSON.stringify(type.name), fields };
}

function valueShape(schema: Schema, type: Type, sets: readonly SelectionSet[]): ValueShape {
  if (isNonNullType(type)) return { kind: "nonNull", of: valueShape(schema, type.ofType, sets) };
  if (isListType(type)) return { kind: "list", of: valueShape(schema, type.ofType, sets) };
  if (isObjectType(type)) return { kind: "object", shape: objectShape(schema, type, sets) };
  // Interfaces and unions: the answer's __typename decides, as the gateway does; not compiled.
  const valid = leafCheck(schema, type);
  if (!valid) throw new NotCompiled();
  return { kind: "leaf", valid };
}

/**
 * The shaper of `operation` (parsed by federation-internals against the API schema, as
 * `executeQueryPlan` parses it), or undefined when it selects what the shaper does not take: an
 * abstract type, an introspection field other than `__typename`, a directive (@include/@skip are
 * left to the gateway), a fragment on another type.
 */
export function compileShaper(operation: Operation): ResultShaper | undefined {
  const schema = operation.schema();
  const root = schema.schemaDefinition.rootType(operation.rootKind);
  if (!root) return undefined;
  let shape: ObjectShape;
  try {
    shape = objectShape(schema, root, [operation.selectionSet]);
  } catch (error) {
    if (error instanceof NotCompiled) return undefined;
    throw error;
  }
  return {
    write(data) {
      try {
        return writeObject(data, shape);
      } catch (error) {
        if (error === CANNOT) return undefined;
        throw error;
      }
    },
  };
}

/** An own property of a JSON object (never an inherited one: `getOwn` in the gateway). */
function own(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

function writeObject(input: unknown, shape: ObjectShape): string {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw CANNOT;
  const record = input as Record<string, unknown>;
  // Another __typename would make the gateway shape it as that type (or refuse it).
  const typename = record[typenameFieldName];
  if (typename !== undefined && typename !== shape.typeName) throw CANNOT;
  let out = "{";
  for (const field of shape.fields) {
    out += field.prefix;
    if (!field.value) {
      // An aliased __typename reads the alias, then the object's own __typename; either names this type.
      const given = own(record, field.name) ?? (field.name !== typenameFieldName ? typename : undefined) ?? null;
      if (given !== null && given !== shape.typeName) throw CANNOT;
      out += shape.typeNameJson;
    } else {
      out += writeValue(own(record, field.name) ?? null, field.value);
    }
  }
  return `${out}}`;
}

function writeValue(value: unknown, shape: ValueShape): string {
  if (shape.kind === "nonNull") {
    if (value === null) throw CANNOT;
    return writeValue(value, shape.of);
  }
  if (value === null) return "null";
  switch (shape.kind) {
    case "list": {
      if (!Array.isArray(value)) throw CANNOT;
      let out = "[";
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out += ",";
        // A hole or undefined element: the gateway asserts on it; not plain.
        const element: unknown = value[i];
        if (element === undefined) throw CANNOT;
        out += writeValue(element, shape.of);
      }
      return `${out}]`;
    }
    case "object":
      return writeObject(value, shape.shape);
    case "leaf":
      if (!shape.valid(value)) throw CANNOT;
      return JSON.stringify(value);
  }
}
