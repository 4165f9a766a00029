import type { ExecutionResult } from "./index";

/** The field `field` of the answer to an operation that must have succeeded. */
export function dataOf<T>(result: ExecutionResult, field: string): T {
  expect(result.errors).toBeUndefined();
  return result.data?.[field] as T;
}
