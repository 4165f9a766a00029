import { registerEnumType } from "type-graphql";

/** type-graphql's per-value options (its `EnumValuesConfig`, not exported by the package). */
type EnumValuesConfig<T extends object> = Partial<Record<keyof T, { description?: string }>>;

/**
 * Registers a TypeScript enum as a GraphQL enum with its description and one description per
 * value (what analysts read in the explorer) — the one way every subgraph declares its enums.
 */
export function describeEnum<T extends object>(
  enumObject: T,
  name: string,
  description: string,
  values: { [K in keyof T]?: string } = {},
): void {
  const valuesConfig: EnumValuesConfig<T> = {};
  // Object.keys is typed string[]: the keys are those of `values`, i.e. of the enum.
  for (const key of Object.keys(values) as (keyof T)[]) valuesConfig[key] = { description: values[key] };
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.keys(valuesConfig).length > 0 ? valuesConfig : undefined,
  });
}
