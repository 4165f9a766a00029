import { HistoryEntry } from "@itsm/kit";
import type { SubgraphServer } from "@itsm/kit";
import { EntityManager } from "typeorm";
import type { CatalogContext } from "../../services/catalog.context";

type Server = SubgraphServer<CatalogContext>;
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

/** Every table a catalog mutation may write, with the columns that order its rows completely. */
const TABLES: Record<string, string> = {
  services: "id",
  components: "id",
  service_components: "serviceId, componentId",
  service_dependencies: "serviceId, dependsOnId",
  history: "id",
  locks: "name",
};

/** Every row of every table a mutation may write, to compare before and after. */
export async function snapshot(server: Server) {
  const entries = Object.entries(TABLES);
  const rows = await Promise.all(
    entries.map(([table, order]) => server.dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`)),
  );
  return Object.fromEntries(entries.map(([table], i) => [table, rows[i]]));
}

export interface HistoryRow {
  actor: string;
  action: string;
  version: number | null;
  at: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

export const HISTORY_FIELDS = "history { actor action version at changes { field from to } }";

export const json = (value: unknown) => JSON.stringify(value);

/**
 * Makes every write to the audit trail fail (the last write of every mutation) until restored,
 * so that a mutation fails after it has written everything else.
 */
export function failHistoryWrites(when: (entry: Partial<HistoryEntry>) => boolean = () => true) {
  const insert = EntityManager.prototype.insert;
  return jest.spyOn(EntityManager.prototype, "insert").mockImplementation(function (this: EntityManager, ...args) {
    if (args[0] === HistoryEntry && when(args[1] as Partial<HistoryEntry>)) {
      return Promise.reject(new Error("disk full"));
    }
    return insert.apply(this, args);
  });
}
