/** A GraphQL result's `data`, as JSON.parse gives it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One cell: a scalar of the result, or the joined items of a list inside the row. */
export type Cell = string | number | boolean | null;

/** Rows of one list of the result, its nested objects flattened into dotted columns. */
export interface ResultTable {
  /** The row source: the keys leading to the list whose items are rows (lists along the way are walked into). */
  path: string[];
  columns: string[];
  /** One array per row, aligned with `columns`; null where the row has no value. */
  rows: Cell[][];
}

/** What separates the items of a list that stays inside one cell. */
export const LIST_SEPARATOR = "; ";

type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every list of objects in the result, as the keys leading to it (lists along the way are walked
 * into, not named), in the order the result holds them: the row sources an analyst can pick from.
 * `{ services: { nodes: [{ agreements: [...] }] } }` gives `services.nodes` and
 * `services.nodes.agreements`.
 */
export function rowSources(data: Json): string[][] {
  const found = new Map<string, string[]>();
  const visit = (value: Json, path: string[]): void => {
    if (Array.isArray(value)) {
      if (value.some(isObject) && !found.has(path.join("."))) found.set(path.join("."), path);
      for (const item of value) visit(item, path);
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(data, []);
  return [...found.values()];
}

/**
 * The row source a table starts with: the shallowest list (the first of them in the result), a
 * connection's `nodes` rather than its `edges`; [] (the whole result as one row) without lists.
 */
export function defaultRowSource(sources: string[][]): string[] {
  const labels = new Set(sources.map((s) => s.join(".")));
  const candidates = sources.filter(
    (s) => !(s[s.length - 1] === "edges" && labels.has([...s.slice(0, -1), "nodes"].join("."))),
  );
  let best: string[] | undefined;
  for (const source of candidates) if (!best || source.length < best.length) best = source;
  return best ?? [];
}

/**
 * The columns of some rows, first seen first. A null object or an empty list gives a column of its
 * own name; where other rows have its fields (`monthlyCost.amount`), that empty column says nothing
 * and is left out.
 */
function columnsOf(rows: Map<string, Cell>[]): string[] {
  const seen = [...new Set(rows.flatMap((row) => [...row.keys()]))];
  const isEmpty = (column: string) => rows.every((row) => (row.get(column) ?? "") === "");
  return seen.filter((column) => !(isEmpty(column) && seen.some((other) => other.startsWith(`${column}.`))));
}

/** Adds `value` under `name` unless the row already has it. */
function put(row: Map<string, Cell>, name: string, value: Cell): void {
  if (!row.has(name)) row.set(name, value);
}

/** A list that stays in one cell: scalars joined; objects flattened, each column joining its items. */
function flattenList(items: Json[], name: string, row: Map<string, Cell>): void {
  if (!items.some((item) => isObject(item) || Array.isArray(item))) {
    put(row, name, items.map((item) => (item === null ? "" : String(item))).join(LIST_SEPARATOR));
    return;
  }
  const flattened = items.map((item) => {
    const cells = new Map<string, Cell>();
    if (isObject(item)) flattenObject(item, "", cells);
    else if (Array.isArray(item)) flattenList(item, "", cells);
    else put(cells, "", item);
    return cells;
  });
  const columns = columnsOf(flattened);
  for (const column of columns) {
    const joined = flattened.map((cells) => {
      const value = cells.get(column);
      return value === null || value === undefined ? "" : String(value);
    });
    put(row, column === "" ? name : `${name}.${column}`, joined.join(LIST_SEPARATOR));
  }
}

/** An object's scalars under dotted names (`provider.name`); its lists joined into cells. */
function flattenObject(object: JsonObject, prefix: string, row: Map<string, Cell>, skip?: string): void {
  for (const [key, value] of Object.entries(object)) {
    if (key === skip) continue;
    const name = prefix + key;
    if (isObject(value)) flattenObject(value, `${name}.`, row);
    else if (Array.isArray(value)) flattenList(value, name, row);
    else put(row, name, value);
  }
}

/**
 * The rows below `value` along `rest`: each item of a list on the way is a row of its own, carrying
 * the columns of the objects above it. An object whose list is empty or null still gives one row
 * (a left join: no parent disappears from the table because it has no children).
 */
function expand(
  value: Json,
  rest: string[],
  prefix: string,
  carried: Map<string, Cell>,
  nested: boolean,
): Map<string, Cell>[] {
  if (Array.isArray(value)) {
    const rows = value.flatMap((item) => expand(item, rest, prefix, carried, nested));
    return rows.length > 0 || !nested ? rows : [carried];
  }
  if (rest.length === 0) {
    const row = new Map(carried);
    if (isObject(value)) flattenObject(value, prefix, row);
    else if (value !== null) put(row, prefix.replace(/\.$/, "") || "value", value);
    return [row];
  }
  if (!isObject(value)) return nested ? [carried] : [];
  const [key, ...below] = rest;
  const own = new Map(carried);
  flattenObject(value, prefix, own, key);
  return expand(value[key] ?? null, below, `${prefix}${key}.`, own, true);
}

/**
 * The result as a table with rows from the list at `path` (see rowSources). Columns are named from
 * the first list on the path down (`code`, `agreements.number`), in the order the result first
 * holds them; what sits above that list (a connection's totalCount, pageInfo) is left out. With
 * `path` [] the whole result is one row.
 */
export function tabulate(data: Json, path: string[]): ResultTable {
  let value: Json = data;
  let index = 0;
  // Down to the first list of the path: the objects above it give no columns.
  while (index < path.length && isObject(value)) value = value[path[index++]] ?? null;
  let rows: Map<string, Cell>[];
  if (path.length === 0) rows = isObject(data) ? expand(data, [], "", new Map(), false) : [];
  else if (Array.isArray(value)) rows = expand(value, path.slice(index), "", new Map(), false);
  else rows = [];
  const columns = columnsOf(rows);
  return { path, columns, rows: rows.map((row) => columns.map((column) => row.get(column) ?? null)) };
}
