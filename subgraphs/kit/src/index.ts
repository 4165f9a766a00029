export * from "./config";
export * from "./errors";
export * from "./log";
export * from "./process";
export * from "./subgraph-server";
export * from "./data/data-source";
export * from "./data/stable-id";
export * from "./schema/federated-schema";
export * from "./schema/money";
export * from "./schema/page-info";
export * from "./schema/pagination";
export * from "./data/batch";
export * from "./data/filters";
export * from "./testing";
export * from "./schema/record";
export * from "./data/database-errors";
export * from "./data/synthetic";
export * from "./write/history";
export * from "./write/subgraph-client";
export * from "./write/transactor";
export * from "./write/validation";
export * from "./write/versioned";
export * from "./auth/identity";
export * from "./write/named-lock";

import { HistoryEntry } from "./write/history";
import { NamedLock } from "./write/named-lock";
/** Tables every subgraph database has for the write path: the audit trail and named locks. */
export const writePathEntities = [HistoryEntry, NamedLock];
