import type { Edge, PageRequest } from "@itsm/kit";
import { BadUserInputError, encodeCursor, Page } from "@itsm/kit";
import { consumedShare } from "./budget.rules";
import type { TargetResult } from "./performance.service";
import { compareResults } from "./performance.service";

const RANK = { BREACHED: 0, AT_RISK: 1, MET: 2, NO_DATA: 3 } as const;

/** Where a result sits in the worst-first order: status rank, budget share consumed, agreement number. */
export type SortKey = [rank: number, share: number, agreementNumber: string];

function sortKey(result: TargetResult): SortKey {
  const share = consumedShare(result.performance.errorBudget);
  return [
    RANK[result.performance.status],
    Number.isFinite(share) ? share : Number.MAX_VALUE,
    result.target.agreementNumber,
  ];
}

function isAfter(key: SortKey, id: string, cursor: SortKey, cursorId: string): boolean {
  if (key[0] !== cursor[0]) return key[0] > cursor[0];
  if (key[1] !== cursor[1]) return key[1] < cursor[1];
  if (key[2] !== cursor[2]) return key[2] > cursor[2];
  return id > cursorId;
}

export function decodeKey(text: string | number): SortKey {
  try {
    const key = JSON.parse(String(text)) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 3 &&
      typeof key[0] === "number" &&
      typeof key[1] === "number" &&
      typeof key[2] === "string"
    ) {
      return key as SortKey;
    }
  } catch {
    // fall through
  }
  throw new BadUserInputError('"after" is not a cursor of this report', { argumentName: "after" });
}

/**
 * A page of a report, worst first (breached, at risk, met, no data; then most budget consumed; then
 * agreement number and target id). The cursor holds the position in that order, so a page goes on
 * after the last one seen even when figures moved meanwhile.
 */
export function reportPage<T>(
  results: TargetResult[],
  page: PageRequest,
  toNode: (result: TargetResult) => T,
): Page<T> {
  const sorted = [...results].sort(compareResults);
  let rest = sorted;
  if (page.after) {
    const cursor = decodeKey(page.after[0]);
    const cursorId = page.after[1];
    rest = sorted.filter((r) => isAfter(sortKey(r), r.target.targetId, cursor, cursorId));
  }
  return pageOf(
    rest.slice(0, page.first),
    rest.length > page.first,
    page,
    () => Promise.resolve(results.length),
    toNode,
  );
}

/** A page of results already in report order (`hasNextPage` known by the caller), with the report's cursors. */
export function pageOf<T>(
  nodes: readonly TargetResult[],
  hasNextPage: boolean,
  page: PageRequest,
  totalCount: () => Promise<number>,
  toNode: (result: TargetResult) => T,
): Page<T> {
  const edges: Edge<T>[] = nodes.map((node) => ({
    cursor: encodeCursor([JSON.stringify(sortKey(node)), node.target.targetId]),
    node: toNode(node),
  }));
  return new Page(
    edges.map((edge) => edge.node),
    edges,
    {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  );
}
