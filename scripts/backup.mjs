// Online backup of every subgraph's embedded database (SQLite's backup API through better-sqlite3),
// taken while the graph runs and serves writes:
//   backup <dir>    writes <dir>/<subgraph>.sqlite for each subgraph and <dir>/manifest.json
// Each file is one consistent snapshot of its database (one read transaction); see the README
// ("Backups") for what that means across the subgraphs and for the MySQL/MariaDB mode.
import { loadSubgraphConfig, sqlitePath } from "@itsm/kit";
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MANIFEST, MANIFEST_FORMAT, migrationHead, sha256 } from "./backup-manifest.mjs";
import { SUBGRAPHS } from "./subgraphs.mjs";

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

async function backup(dir) {
  // Those that refer to others' rows first (operations and agreements refer to catalog and customers):
  // a reference in a snapshot was checked against its owner before it was committed, so the owner's
  // snapshot, taken later, has the row too.
  const order = ["operations", "agreements", "customers", "catalog"];
  const configs = [...SUBGRAPHS]
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
    .map(({ name }) => loadSubgraphConfig(name));
  const mysql = configs.filter((c) => c.databaseUrl);
  if (mysql.length) {
    fail(
      `backup is for the embedded databases; ${mysql.map((c) => c.databaseUrlVariable).join(", ")} ` +
        `point(s) at MySQL/MariaDB: back those up with mariadb-dump --single-transaction or mariabackup ` +
        `(README: "Backups")`,
    );
  }
  const missing = configs.filter((c) => !existsSync(sqlitePath(c)));
  if (missing.length) fail(`no database to back up: ${missing.map((c) => sqlitePath(c)).join(", ")} (check DATA_DIR)`);
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length) fail(`${dir} is not empty: back up into a new or empty directory`);

  const files = [];
  for (const config of configs) {
    const started = Date.now();
    const target = join(dir, `${config.name}.sqlite`);
    const partial = `${target}.partial`;
    // The graph's own connections keep writing; busy_timeout covers a checkpoint holding a lock.
    const db = new Database(sqlitePath(config), { fileMustExist: true, timeout: 5_000 });
    try {
      // All remaining pages in one step: one read transaction, so one consistent snapshot (in WAL
      // mode readers never block the writers); smaller steps would restart on every write.
      await db.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const check = new Database(partial, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma("quick_check", { simple: true });
      if (result !== "ok") fail(`${config.name}: the backup does not check (${result})`);
    } finally {
      check.close();
    }
    renameSync(partial, target);
    files.push({
      subgraph: config.name,
      file: `${config.name}.sqlite`,
      bytes: statSync(target).size,
      sha256: sha256(target),
      migrationHead: migrationHead(config.name),
      takenAt: new Date(started).toISOString(),
      milliseconds: Date.now() - started,
    });
    console.log(`${config.name}: ${target} (${statSync(target).size} bytes, ${Date.now() - started} ms)`);
  }
  const manifest = { format: MANIFEST_FORMAT, version: 1, createdAt: new Date().toISOString(), files };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`manifest: ${join(dir, MANIFEST)}`);
}

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) fail("usage: npm run backup -- <dir>", 2);
try {
  await backup(resolve(positionals[0]));
} catch (error) {
  fail(error.name === "ConfigError" ? error.message : error.stack);
}
