import { Initial1795650720967 } from "./1795650720967-initial.migration";

/** The agreements subgraph's MySQL/MariaDB migrations, oldest first (written by scripts/db.mjs generate). */
export const agreementsMigrations = [Initial1795650720967];
