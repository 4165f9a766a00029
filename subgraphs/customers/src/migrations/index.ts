import { Initial1795650720497 } from "./1795650720497-initial.migration";

/** The customers subgraph's MySQL/MariaDB migrations, oldest first (written by scripts/db.mjs generate). */
export const customersMigrations = [Initial1795650720497];
