import { assertEnumValueName } from "graphql";
import { registerEnumType } from "type-graphql";

/** Each member of an enum with its description (what analysts read in the explorer); null: the schema gives none. */
export type EnumMembers = Readonly<Record<string, string | null>>;

/** The value object of an enum: every member's value is its name, as in the schema. */
export type DefinedEnum<M extends EnumMembers> = { readonly [K in keyof M & string]: K };

/** The type of an enum's values: `export type AlertKind = EnumValue<typeof AlertKind>`. */
export type EnumValue<E extends Readonly<Record<string, string>>> = E[keyof E];

/**
 * Declares a GraphQL enum once — its name, its description and its members with theirs, in schema
 * order — and returns its frozen value object (`AlertKind.EXPIRING === "EXPIRING"`), registered with
 * type-graphql (`@Field(() => AlertKind)`) and usable as a TypeORM `enum` and with `Object.values`.
 * The one way every subgraph declares its enums; pair it with `EnumValue` for the type.
 */
export function defineEnum<M extends EnumMembers>(name: string, description: string, members: M): DefinedEnum<M> {
  const values: Record<string, string> = {};
  const valuesConfig: Record<string, { description: string }> = {};
  for (const [member, memberDescription] of Object.entries(members)) {
    // type-graphql would drop a member that starts with a digit without a word: refuse it here.
    values[assertEnumValueName(member)] = member;
    if (memberDescription !== null) valuesConfig[member] = { description: memberDescription };
  }
  const enumObject = Object.freeze(values);
  registerEnumType(enumObject, { name, description, valuesConfig });
  // The keys of `values` are those of `members`, each mapped to itself: what DefinedEnum<M> says.
  return enumObject as DefinedEnum<M>;
}
