import { failure, HISTORY_FIELDS, invalidPaths, snapshotTables } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { HistoryEntry } from "@itsm/kit";
import type { SubgraphServer } from "@itsm/kit";
import { EntityManager } from "typeorm";
import type { CatalogContext } from "../../services/catalog.context";

type Server = SubgraphServer<CatalogContext>;
export type Result = Awaited<ReturnType<Server["execute"]>>;

export interface HistoryRow {
  actor: string;
  action: string;
  version: number | null;
  at: string;
  changes: { field: string; from: string | null; to: string | null }[];
}

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

/** Every row of every table, to compare before and after a failing mutation. */
export const snapshot = (server: { dataSource: DataSource }) => snapshotTables(server.dataSource);

export { failure, HISTORY_FIELDS, invalidPaths };
