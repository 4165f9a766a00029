import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loader } from "../data/batch";
import type { HistoryEntry } from "./history";
import { historyOf } from "./history";

/** A per-request loader of the audit trail (newest first) of records of `entityType`, by record id. */
export function historyLoader(dataSource: DataSource, entityType: string): DataLoader<string, HistoryEntry[]> {
  return loader((ids: readonly string[]) => historyOf(dataSource.manager, entityType, ids));
}
