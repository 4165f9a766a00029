import type { KeysetOrder } from "./pagination";

/**
 * The keyset order of a list by one of its rows' text or number fields (`code`, `name`…), the id
 * breaking ties: `keysetOrder<Service>("service", "code")` orders by `service.code`, then `service.id`.
 */
export function keysetOrder<T extends { id: string }>(
  alias: string,
  field: { [K in keyof T & string]: T[K] extends string | number ? K : never }[keyof T & string],
): KeysetOrder<T> {
  return {
    sortColumn: `${alias}.${field}`,
    idColumn: `${alias}.id`,
    position: (row) => [row[field] as string | number, row.id],
  };
}
