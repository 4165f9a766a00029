import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { BadUserInputError } from "@itsm/runtime";
import { readMany } from "../data/plain-rows";
import { PageInfo } from "./page-info";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first`/`after` arguments of every top-level collection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, 0 to ${MAX_PAGE_SIZE}.`,
  })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "Opaque cursor (`pageInfo.endCursor` of the previous page); items after it are returned.",
  })
  after?: string | null;
}

/** A validated page request: the size and the decoded position to continue after. */
export interface PageRequest {
  first: number;
  after: CursorPosition | null;
}

/** Position in a keyset ordering: the sort value and the id that breaks ties. */
export type CursorPosition = [sortValue: string | number, id: string];

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorPosition {
  const invalid = () =>
    new BadUserInputError(`"after" is not a valid cursor: "${cursor.slice(0, 60)}"`, { argumentName: "after" });
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !["string", "number"].includes(typeof value[0]) ||
    typeof value[1] !== "string"
  ) {
    throw invalid();
  }
  return value as CursorPosition;
}

/** Validates `first`/`after`; out-of-range sizes and foreign cursors are BAD_USER_INPUT. */
export function toPageRequest(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${first})`, {
      argumentName: "first",
      maximum: MAX_PAGE_SIZE,
    });
  }
  return { first, after: args.after ? decodeCursor(args.after) : null };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** One page of a connection; `totalCount` is counted only when a client asks for it. */
export class Page<T> {
  private count: Promise<number> | undefined;

  constructor(
    readonly nodes: T[],
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly countAll: () => Promise<number>,
  ) {}

  get totalCount(): Promise<number> {
    this.count ??= this.countAll();
    return this.count;
  }
}

export interface KeysetOrder<T> {
  /** Aliased column the page is ordered by, e.g. `service.code`. */
  sortColumn: string;
  /** Aliased id column that breaks ties, e.g. `service.id`. */
  idColumn: string;
  /** Reads the sort value and id of a row, to build its cursor. */
  position: (row: T) => CursorPosition;
}

/**
 * Keyset pagination over a filtered query: no OFFSET, so the cost of a page does not grow with
 * its position, and rows added meanwhile never shift a client's next page. `select`: only these
 * columns of the rows are read (see `readMany`; they must include what `order.position` reads).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
  order: KeysetOrder<T>,
  select?: readonly ColumnMetadata[],
): Promise<Page<T>> {
  const countQuery = query.clone();
  if (page.after) {
    const [sortValue, id] = page.after;
    // "(sort, id) after the cursor", written so that both databases seek on the sort column's index
    // (`sort >= x` first): the form `sort > x OR (sort = x AND id > y)` made SQLite scan the index
    // from its start or sort every later row, so a page cost more the further it was.
    query.andWhere(
      `(${order.sortColumn} >= :afterSort AND (${order.sortColumn} > :afterSort OR ${order.idColumn} > :afterId))`,
      { afterSort: sortValue, afterId: id },
    );
  }
  const rows =
    page.first === 0
      ? []
      : await readMany(
          query
            .orderBy(order.sortColumn, "ASC")
            .addOrderBy(order.idColumn, "ASC")
            .limit(page.first + 1),
          select,
        );
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(order.position(node)), node }));
  const pageInfo: PageInfo = {
    hasNextPage: rows.length > page.first,
    hasPreviousPage: page.after !== null,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return new Page(nodes, edges, pageInfo, () => countQuery.getCount());
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type: `nodes` for simple
 * clients, `edges` for Relay/Apollo pagination helpers, `pageInfo` and `totalCount`.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, plural: string): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: "Opaque cursor of this item; pass it as `after` to continue after it." })
    cursor: string;

    @Field(() => node, { description: `The ${name.toLowerCase()}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}.` })
  class ConnectionType {
    @Field(() => [node], { description: `The ${plural} of this page.` })
    nodes: T[];

    @Field(() => [EdgeType], { description: `The ${plural} of this page with their cursors.` })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: "Where this page sits in the whole result set." })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `Number of ${plural} matching the filter, across all pages.` })
    totalCount: number;
  }

  return ConnectionType as unknown as ClassType<Page<T>>;
}

/**
 * One page of a list computed in memory, already sorted by `position` (sort value, then id): for
 * collections derived from rules rather than stored rows. The cursor is the same keyset position.
 */
export function pageOfList<T>(all: readonly T[], page: PageRequest, position: (item: T) => CursorPosition): Page<T> {
  const after = page.after;
  const isAfter = ([sort, id]: CursorPosition) =>
    after === null ||
    (typeof sort === "number" && typeof after[0] === "number"
      ? sort - after[0]
      : String(sort).localeCompare(String(after[0]))) > 0 ||
    (sort === after[0] && id.localeCompare(after[1]) > 0);
  const rest = all.filter((item) => isAfter(position(item)));
  const nodes = rest.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(position(node)), node }));
  return new Page(
    nodes,
    edges,
    {
      hasNextPage: rest.length > page.first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    () => Promise.resolve(all.length),
  );
}
