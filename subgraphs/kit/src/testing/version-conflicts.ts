import type { DataSource } from "typeorm";
import type { ExecutionResult, HistoryRow } from "./index";
import { onlyWinnerOf } from "./concurrent-changes";
import { conflictWritingNothing, staleVersionMessage } from "./index";

/**
 * Makes a change from version 1 after another one from version 1 was made (`change(name)` sends one
 * that sets the record's name): the second must be the CONFLICT of a stale version — naming the
 * record, expected 1, current 2 — and write nothing. Returns that error for the test's own checks.
 */
export async function expectStaleChangeRefused(
  dataSource: DataSource,
  typeName: string,
  id: string,
  change: (name: string) => Promise<ExecutionResult>,
) {
  expect((await change("First Writer")).errors).toBeUndefined();
  const error = await conflictWritingNothing(dataSource, () => change("Second Writer"));
  expect(error.message).toBe(staleVersionMessage(typeName, id, 1, 2));
  expect(error.extensions).toMatchObject({ typeName, id, expectedVersion: 1, currentVersion: 2 });
  return error;
}

/**
 * Sends `count` changes of one record from version 1 at once (`change(i)` sends the i-th): exactly
 * one may succeed, every other must be the CONFLICT of a stale version (expected 1, current 2).
 * Returns the answer of the one that succeeded.
 */
export async function onlyOneConcurrentChangeWins(
  count: number,
  change: (i: number) => Promise<ExecutionResult>,
): Promise<ExecutionResult> {
  const results = await Promise.all(Array.from({ length: count }, (_, i) => change(i)));
  return onlyWinnerOf(results, { expectedVersion: 1, currentVersion: 2 });
}

/**
 * Sends `count` renames of one record from version 1 at once (`rename(name)` sends one): exactly one
 * may win, and the record read back afterwards is at version 2 with the winner's name, its history
 * one "updated" entry on top of the "created" one.
 */
export async function onlyOneConcurrentRenameWins(
  count: number,
  rename: (name: string) => Promise<ExecutionResult>,
  readBack: () => Promise<{ name: string; version: number; history: HistoryRow[] }>,
): Promise<void> {
  const winner = await onlyOneConcurrentChangeWins(count, (i) => rename(`Writer ${i}`));
  // A mutation answers with one field: the record it changed.
  const [record] = Object.values(winner.data ?? {}) as { name: string }[];
  const final = await readBack();
  expect(final.version).toBe(2);
  expect(final.name).toBe(record.name);
  expect(final.history.map((h) => [h.action, h.version])).toEqual([
    ["updated", 2],
    ["created", 1],
  ]);
}
