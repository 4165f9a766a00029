import { NamedLockAcquisitions1797000000000 } from "@itsm/kit";
import { Initial1795650720497 } from "./1795650720497-initial.migration";
import { WritePath1795651619664 } from "./1795651619664-write-path.migration";
import { CodeIdIndex1795658047021 } from "./1795658047021-code-id-index.migration";

/** The customers subgraph's MySQL/MariaDB migrations, oldest first (scripts/db.mjs generate adds new ones last). */
export const customersMigrations = [
  Initial1795650720497,
  WritePath1795651619664,
  CodeIdIndex1795658047021,
  NamedLockAcquisitions1797000000000,
];
