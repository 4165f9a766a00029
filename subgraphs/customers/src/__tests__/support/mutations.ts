import { failure, HISTORY_FIELDS, invalidPaths, snapshotTables } from "@itsm/kit/testing";
import type { DataSource } from "typeorm";
import type { SubgraphServer } from "@itsm/kit";
import type { CustomersContext } from "../../customers.context";

type Server = SubgraphServer<CustomersContext>;
export type Result = Awaited<ReturnType<Server["execute"]>>;

/** Every row of every table, to compare before and after a failing mutation. */
export const snapshot = (server: { dataSource: DataSource }) => snapshotTables(server.dataSource);

export { failure, HISTORY_FIELDS, invalidPaths };
