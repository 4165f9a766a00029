import type { SubgraphServer } from "@itsm/kit";
import type { CustomersContext } from "../../services/customers.context";

type Server = SubgraphServer<CustomersContext>;
export type Result = Awaited<ReturnType<Server["execute"]>>;

/** The one error of a failed mutation, after checking it failed as a whole (no data). */
export function failure(result: Result, code: string) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  expect(error.extensions?.code).toBe(code);
  expect(result.data ?? null).toBeNull();
  return error;
}

/** The paths of the invalid fields of a BAD_USER_INPUT answer, in order. */
export function invalidPaths(result: Result): string[] {
  const error = failure(result, "BAD_USER_INPUT");
  return (error.extensions?.fields as { path: string }[]).map((f) => f.path);
}

/** Every row of every table a mutation may write, to compare before and after. */
export async function snapshot(server: Server) {
  const tables = ["customers", "contacts", "providers", "history"];
  const rows = await Promise.all(tables.map((table) => server.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)));
  return Object.fromEntries(tables.map((table, i) => [table, rows[i]]));
}

export interface HistoryRow {
  actor: string;
  action: string;
  version: number | null;
  at: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

export const HISTORY_FIELDS = "history { actor action version at changes { field from to } }";
