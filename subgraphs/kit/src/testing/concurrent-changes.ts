import type { ExecutionResult, HistoryRow } from "./index";
import { failure } from "./index";

/**
 * The answers of concurrent changes made from the same version: checks that exactly one won and
 * that every other one failed as a whole with a CONFLICT naming `versions`; returns the winner.
 */
export function onlyWinnerOf(
  results: ExecutionResult[],
  versions: { expectedVersion: number; currentVersion: number },
): ExecutionResult {
  const winners = results.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  const losers = results.filter((r) => r.errors);
  expect(losers).toHaveLength(results.length - 1);
  for (const loser of losers) {
    expect(failure(loser, "CONFLICT").extensions).toMatchObject(versions);
  }
  return winners[0];
}

/**
 * Sends one addition per key to a record at version 1 at once, none with an expectedVersion
 * (`add(key)`): each must succeed in turn, none lost, so the record read back holds every key
 * (`kept` lists them) at one version per addition, with one history entry for each version.
 */
export async function concurrentAdditionsAllKept<R extends { version: number; history: HistoryRow[] }>(
  keys: string[],
  add: (key: string) => Promise<ExecutionResult>,
  readBack: () => Promise<R>,
  kept: (record: R) => string[],
): Promise<void> {
  const results = await Promise.all(keys.map(add));
  for (const result of results) expect(result.errors).toBeUndefined();
  const final = await readBack();
  expect(final.version).toBe(keys.length + 1);
  expect(kept(final).sort()).toEqual([...keys].sort());
  const versions = final.history.map((h) => h.version).sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(versions).toEqual(Array.from({ length: keys.length + 1 }, (_, i) => i + 1));
}
