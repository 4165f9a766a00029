// What scripts/backup.mjs writes beside the database files and scripts/restore.mjs checks.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const MANIFEST = "manifest.json";
export const MANIFEST_FORMAT = "itsm-sqlite-backup";

/** The newest migration the code knows for a subgraph: the schema generation a backup was taken with. */
export const migrationHead = (name) => require(`@itsm/${name}`).subgraph.migrations?.at(-1)?.name ?? null;

export const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
