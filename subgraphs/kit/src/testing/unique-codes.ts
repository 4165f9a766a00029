import type { DataSource } from "typeorm";
import type { ExecutionResult } from "./index";
import { failure } from "./index";

/**
 * Sends `count` creates of a record with one `code` at once (`create(i)` sends the i-th): exactly one
 * may succeed, every other must be the CONFLICT `takenMessage`, and `table` must hold one row with
 * that code. Returns that row's id, for the test's own checks.
 */
export async function onlyOneConcurrentCreateWins(
  dataSource: DataSource,
  { table, code, takenMessage }: { table: string; code: string; takenMessage: string },
  count: number,
  create: (i: number) => Promise<ExecutionResult>,
): Promise<string> {
  const results = await Promise.all(Array.from({ length: count }, (_, i) => create(i)));
  expect(results.filter((r) => !r.errors)).toHaveLength(1);
  for (const loser of results.filter((r) => r.errors)) expect(failure(loser, "CONFLICT").message).toBe(takenMessage);
  const rows = (await dataSource.query(`SELECT id FROM ${table} WHERE code = ?`, [code])) as { id: string }[];
  expect(rows).toHaveLength(1);
  return rows[0].id;
}
