/** The operations subgraph's MySQL/MariaDB migrations, oldest first (written by scripts/db.mjs generate). */
export const operationsMigrations = [];
