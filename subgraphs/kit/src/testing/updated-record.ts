import type { HistoryRow } from "./index";
import { historyEntry } from "./index";

/** What an update is expected to have done to a record (see `expectUpdated`). */
export interface ExpectedUpdate<T> {
  /** The fields whose values the update set (and the version or revision it moved to). */
  set: Partial<T>;
  /** The version the "updated" history entry records. */
  version: number;
  /** Each changed field with its value before and after, in audit order (as `historyEntry` takes them). */
  changes: Record<string, [from: unknown, to: unknown]>;
}

/**
 * Checks the answer of an update of `before` (a record read with HISTORY_FIELDS): the same record
 * with `set` laid over it, every other field as it was, and one "updated" entry by the editor with
 * exactly `changes` on top of the history it had.
 */
export function expectUpdated<T extends { history: HistoryRow[] }>(after: T, before: T, expected: ExpectedUpdate<T>) {
  const history = [historyEntry("updated", expected.version, expected.changes), ...before.history];
  expect(after).toEqual({ ...before, ...expected.set, history });
}
