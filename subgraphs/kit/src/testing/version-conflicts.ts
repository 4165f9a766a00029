import type { DataSource } from "typeorm";
import type { ExecutionResult } from "./index";
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
