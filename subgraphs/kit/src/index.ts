// Everything a subgraph needs in one import: the runtime every process shares, and the subgraph's own parts.
export * from "@itsm/runtime";
export * from "./config";
export * from "./errors";
export * from "./auth/authorization";
export * from "./subgraph-server";
export * from "./data/batch";
export * from "./data/data-source";
export * from "./data/database-errors";
export * from "./data/filters";
export * from "./data/instrumented-queries";
export * from "./data/load-required";
export * from "./data/migration-lock";
export * from "./data/stable-id";
export * from "./data/synthetic";
export * from "./schema/described-enum";
export * from "./schema/federated-schema";
export * from "./schema/input-fields";
export * from "./schema/keyset-order";
export * from "./schema/money";
export * from "./schema/page-info";
export * from "./schema/pagination";
export * from "./schema/partial-errors";
export * from "./schema/record";
export * from "./write/history";
export * from "./write/lease";
export * from "./write/recurring-job";
export * from "./write/named-lock";
export * from "./write/relation-change";
export * from "./write/partner-customers";
export * from "./write/subgraph-client";
export * from "./write/transactor";
export * from "./write/validation";
export * from "./write/versioned";

import { HistoryEntry } from "./write/history";
import { NamedLock } from "./write/named-lock";
/** Tables every subgraph database has for the write path: the audit trail and named locks. */
export const writePathEntities = [HistoryEntry, NamedLock];
