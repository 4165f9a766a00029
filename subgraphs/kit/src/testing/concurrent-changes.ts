import type { ExecutionResult } from "./index";
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
