import type { ExecutionResult } from "./index";
import { invalidPaths } from "./index";

/** The leaves of `value` as paths below `prefix`, in the order written: `input.monthlyCost.amount`. */
export function leafPaths(value: unknown, prefix = "input"): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, `${prefix}.${key}`));
}

/**
 * Checks that a mutation sent with the fields of `invalid` among valid ones failed as a whole with
 * BAD_USER_INPUT naming exactly each leaf of `invalid` (`input.<path>`), in the order written: the
 * test writes each wrong field once, not again in a list of expected paths.
 */
export function expectInvalidFields(result: ExecutionResult, invalid: object): void {
  expect(invalidPaths(result)).toEqual(leafPaths(invalid));
}
