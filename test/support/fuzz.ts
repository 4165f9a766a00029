import fc from "fast-check";

/** A type reference as introspection gives it (wrappers down to a named type). */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface IntrospectedField {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}

interface IntrospectedType {
  kind: string;
  name: string;
  fields: IntrospectedField[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

export interface IntrospectedSchema {
  queryType: { name: string };
  mutationType: { name: string } | null;
  types: IntrospectedType[];
}

/** What the fuzz suite needs of the schema: every type with its fields, arguments and input fields. */
export const INTROSPECTION_QUERY = `{
  __schema {
    queryType { name }
    mutationType { name }
    types { kind name
      fields { name args { name type { ...Ref } } type { ...Ref } }
      inputFields { name type { ...Ref } }
      enumValues { name } } } }
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

/** One root field to fuzz: the operation that calls it with every argument as a variable. */
export interface FuzzedOperation {
  kind: "query" | "mutation";
  field: string;
  document: string;
  args: { name: string; type: TypeRef }[];
}

const typeName = (ref: TypeRef): string =>
  ref.kind === "NON_NULL"
    ? `${typeName(ref.ofType!)}!`
    : ref.kind === "LIST"
      ? `[${typeName(ref.ofType!)}]`
      : ref.name!;

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);

/**
 * Every mutation, and every query field that takes arguments, as an operation passing each
 * argument as a variable and selecting only `__typename` (the resolver runs all the same).
 */
export function operationsOf(schema: IntrospectedSchema): FuzzedOperation[] {
  const byName = new Map(schema.types.map((t) => [t.name, t]));
  const roots: ["query" | "mutation", string | undefined][] = [
    ["query", schema.queryType.name],
    ["mutation", schema.mutationType?.name],
  ];
  const operations: FuzzedOperation[] = [];
  for (const [kind, root] of roots) {
    for (const field of (root && byName.get(root)?.fields) || []) {
      if (field.name.startsWith("_") || (kind === "query" && field.args.length === 0)) continue;
      const leaf = ["SCALAR", "ENUM"].includes(named(field.type).kind);
      const variables = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(", ");
      const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
      const document = `${kind} Fuzz${variables ? `(${variables})` : ""} { ${field.name}${call}${leaf ? "" : " { __typename }"} }`;
      operations.push({ kind, field: field.name, document, args: field.args });
    }
  }
  return operations;
}

// Strings a careless parser, a database column or a log line chokes on.
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 20,
  }),
  // Unpaired surrogates: JSON.stringify sends them as \\udXXX escapes, as a hostile client would.
  fc.constantFrom("\ud800", "a\udfffb", "\udc00\ud800", "Ł\ud83d"),
  fc
    .tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom("x", "Ł", "😀", "\u0000", "'"))
    .map(([n, c]) => c.repeat(n)),
  fc.constantFrom("", " ", "'; DROP TABLE services; --", "%", "_", "\\", "null", "0", "-1", "../../etc/passwd", "${x}"),
  fc.constantFrom("2026-01-01", "2026-02-30", "9999-12-31T23:59:59Z", "0000-00-00", "2026-01-01T00:00:00+25:00"),
);

// Numbers at and past every limit an argument may have (first: 100, Int: 32 bits, doubles).
const hostileInt: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 20, 100, 101, 2_147_483_647, 2_147_483_648, -2_147_483_648, -2_147_483_649),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 1.5, 1e308, -1e308),
  fc.integer(),
);
// Ints GraphQL accepts, at the limits: page sizes (first: 100), versions, counts.
const int32: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 20, 100, 101, 2_147_483_647, -2_147_483_648),
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
);
const hostileFloat: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 100, 100.0000001, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value nested `depth` levels deep: `{ a: { a: … } }` or `[[…]]`. */
const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([depth, inObjects]) => {
    let value: unknown = "deep";
    for (let i = 0; i < depth; i++) value = inObjects ? { a: value, id: "x" } : [value];
    return value;
  });

/** A value of the wrong type for wherever it is put. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileFloat,
  hostileString,
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  deeplyNested,
);

/**
 * Hostile values for a GraphQL input type. `typed` ones pass GraphQL's coercion (hostile strings,
 * numbers at the limits of their type, valid enum values), so they reach the resolvers and the
 * rules behind them; `wild` ones also put a wrong type, an unknown field, an out-of-range number or
 * a deeply nested value anywhere, for the gateway's coercion to refuse.
 */
export function hostileValue(schema: IntrospectedSchema, ref: TypeRef, mode: "typed" | "wild"): fc.Arbitrary<unknown> {
  const byName = new Map(schema.types.map((t) => [t.name, t]));
  const wild = mode === "wild";
  const build = (type: TypeRef, level: number): fc.Arbitrary<unknown> =>
    wild
      ? fc.oneof({ arbitrary: rightShape(type, level), weight: 6 }, { arbitrary: wrongType, weight: 1 })
      : rightShape(type, level);
  const rightShape = (type: TypeRef, level: number): fc.Arbitrary<unknown> => {
    if (type.kind === "NON_NULL") return rightShape(type.ofType!, level);
    if (type.kind === "LIST") {
      return fc.oneof(
        fc.array(build(type.ofType!, level + 1), { maxLength: level > 2 ? 2 : 6 }),
        build(type.ofType!, level + 1),
      );
    }
    const definition = byName.get(type.name!);
    if (type.kind === "ENUM") {
      const values = fc.constantFrom(...(definition?.enumValues ?? []).map((v) => v.name));
      return wild ? fc.oneof(values, hostileString) : values;
    }
    if (type.kind === "INPUT_OBJECT") {
      // Past a few levels (a recursive input type) stop descending: deep values are wrongType's job.
      if (level > 4) return fc.constant({});
      const fields = definition?.inputFields ?? [];
      const record = fc.record(
        Object.fromEntries(fields.map((f) => [f.name, build(f.type, level + 1)])) as Record<
          string,
          fc.Arbitrary<unknown>
        >,
        { requiredKeys: fields.filter((f) => f.type.kind === "NON_NULL").map((f) => f.name) },
      );
      if (!wild) return record;
      return fc.oneof(
        { arbitrary: record, weight: 5 },
        // An unknown field beside the known ones, as a probe for the schema would send.
        { arbitrary: fc.tuple(record, wrongType).map(([r, extra]) => ({ ...r, unknownField: extra })), weight: 1 },
      );
    }
    switch (type.name) {
      case "Int":
        return wild ? hostileInt : int32;
      case "Float":
        return hostileFloat;
      case "Boolean":
        return fc.boolean();
      default:
        // String, ID and custom scalars (dates, times): strings, and what a date parser might trip on.
        return wild
          ? fc.oneof({ arbitrary: hostileString, weight: 4 }, { arbitrary: hostileInt, weight: 1 })
          : hostileString;
    }
  };
  return build(ref, 0);
}

/** The variables of one call: every argument (required ones nearly always, optional ones often). */
export function hostileVariables(schema: IntrospectedSchema, operation: FuzzedOperation): fc.Arbitrary<unknown> {
  const args = operation.args;
  const variables = (mode: "typed" | "wild") =>
    fc.record(
      Object.fromEntries(args.map((a) => [a.name, hostileValue(schema, a.type, mode)])) as Record<
        string,
        fc.Arbitrary<unknown>
      >,
      { requiredKeys: args.filter((a) => a.type.kind === "NON_NULL").map((a) => a.name) },
    );
  // Mostly values that get through coercion to the code behind it; the rest for coercion itself.
  return fc.oneof({ arbitrary: variables("typed"), weight: 3 }, { arbitrary: variables("wild"), weight: 1 });
}

/** A value shortened for a failure message: huge generated strings would bury the point. */
export function abbreviated(value: unknown, max = 600): string {
  const text =
    JSON.stringify(value, (_, v: unknown) =>
      typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
    ) ?? "undefined";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
