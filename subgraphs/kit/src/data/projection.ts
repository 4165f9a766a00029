import type { EntityMetadata } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { OperationSelection } from "../schema/selected-fields";

/** How the rows of one entity answer one GraphQL object type, for reads of only the columns an operation needs. */
export interface Projection {
  /** The object type the rows answer; only its fields may read them. */
  typeName: string;
  /** Properties read whatever is selected: keys, sort and grouping columns, what scopes check (primary columns always). */
  always: readonly string[];
  /** Fields answered by a getter or a field resolver, with every property of the row each one reads. */
  derived?: Readonly<Record<string, readonly string[]>>;
  /**
   * The read's rows go to this type's fields and otherwise only to code that reads `always` (e.g. the
   * ids of a list): when the operation does not select the type at all, only those columns are read.
   */
  alwaysWhenUnselected?: boolean;
}

/**
 * A row read with a projection (`projectedColumns`): the properties `K` it always reads (primary key,
 * `always`) are there, any other may be undefined. Whole rows are assignable to it, not the reverse:
 * code that needs a whole row gets a type error for one of these.
 */
export type Projected<T, K extends keyof T> = Pick<T, K> & Partial<T>;

const NONE: ReadonlySet<string> = new Set();

const projected = new WeakMap<ReadonlySet<string>, Map<Projection, readonly ColumnMetadata[] | null>>();

/**
 * The columns to read for the fields the request's operation selects on the projection's type, or
 * undefined to read every column: no selection known (not a query operation), the type not
 * selected (unless `alwaysWhenUnselected`), or a selected field that neither reads one property (see `plainFieldsOf`) that is
 * a column nor is listed in `derived`. Computed once per operation and projection.
 *
 * The rows then hold only those columns (the others undefined): a read with a projection must hand
 * its rows to the fields of that type only, never to other code (rules, other types, writes).
 */
export function projectedColumns(
  metadata: EntityMetadata,
  selection: OperationSelection | undefined,
  projection: Projection,
): readonly ColumnMetadata[] | undefined {
  if (!selection?.known) return undefined;
  const fields = selection.of(projection.typeName) ?? (projection.alwaysWhenUnselected ? NONE : undefined);
  if (!fields) return undefined;
  let byProjection = projected.get(fields);
  if (!byProjection) projected.set(fields, (byProjection = new Map()));
  let columns = byProjection.get(projection);
  if (columns === undefined) {
    columns = columnsFor(metadata, fields, projection, selection);
    byProjection.set(projection, columns);
  }
  return columns ?? undefined;
}

function columnsFor(
  metadata: EntityMetadata,
  fields: ReadonlySet<string>,
  { typeName, always, derived = {} }: Projection,
  selection: OperationSelection,
): readonly ColumnMetadata[] | null {
  const properties = new Set([...metadata.primaryColumns.map((c) => c.propertyName), ...always]);
  for (const field of fields) {
    const reads = Object.hasOwn(derived, field) ? derived[field] : [selection.plainProperty(typeName, field)];
    for (const property of reads) {
      if (property === undefined || !metadata.findColumnWithPropertyName(property)) return null;
      properties.add(property);
    }
  }
  const columns = metadata.columns.filter((c) => properties.has(c.propertyName));
  if (columns.length !== properties.size) {
    throw new Error(`${metadata.name}: a projection of ${typeName} names a property that is not a column`);
  }
  return columns.length === metadata.columns.length ? null : columns;
}
