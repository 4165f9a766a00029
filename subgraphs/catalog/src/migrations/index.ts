import { Initial1795650720022 } from "./1795650720022-initial.migration";

/** The catalog subgraph's MySQL/MariaDB migrations, oldest first (written by scripts/db.mjs generate). */
export const catalogMigrations = [Initial1795650720022];
