import { NamedLockAcquisitions1797000000000 } from "@itsm/kit";
import { Initial1795650720022 } from "./1795650720022-initial.migration";
import { WritePath1795651298056 } from "./1795651298056-write-path.migration";
import { CodeIdIndex1795658046191 } from "./1795658046191-code-id-index.migration";

/** The catalog subgraph's MySQL/MariaDB migrations, oldest first (scripts/db.mjs generate adds new ones last). */
export const catalogMigrations = [
  Initial1795650720022,
  WritePath1795651298056,
  CodeIdIndex1795658046191,
  NamedLockAcquisitions1797000000000,
];
