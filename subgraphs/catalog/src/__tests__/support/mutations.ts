import { failHistoryWrites, failure, HISTORY_FIELDS, invalidPaths, snapshotTables } from "@itsm/kit/testing";
import type { DataSource } from "typeorm";
import type { SubgraphServer } from "@itsm/kit";
import type { CatalogContext } from "../../catalog.context";

type Server = SubgraphServer<CatalogContext>;
export type Result = Awaited<ReturnType<Server["execute"]>>;

export const json = (value: unknown) => JSON.stringify(value);

/** Every row of every table, to compare before and after a failing mutation. */
export const snapshot = (server: { dataSource: DataSource }) => snapshotTables(server.dataSource);

export { failHistoryWrites, failure, HISTORY_FIELDS, invalidPaths };
