// Restores a backup of scripts/backup.mjs into the embedded databases of a stopped graph:
//   restore <dir> [--force]   checks <dir>/manifest.json and the files it names, then puts each
//                             <subgraph>.sqlite into DATA_DIR (--force to replace existing databases)
import { loadSubgraphConfig, sqlitePath } from "@itsm/kit";
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MANIFEST, MANIFEST_FORMAT, migrationHead, sha256 } from "./backup-manifest.mjs";
import { SUBGRAPHS } from "./subgraphs.mjs";

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

/** The manifest, checked against the files beside it; every subgraph must be there. */
function readManifest(dir) {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) fail(`${path} not found: not a backup made by "npm run backup"`);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    fail(`${path} is not valid JSON (${error.message})`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.files))
    fail(`${path} is not a backup manifest of this graph (format ${MANIFEST_FORMAT}, version 1)`);
  const bySubgraph = new Map(manifest.files.map((f) => [f.subgraph, f]));
  for (const { name } of SUBGRAPHS) {
    const entry = bySubgraph.get(name);
    if (!entry) fail(`${path} has no database for ${name}: a restore needs all of them, from one backup`);
    const file = join(dir, entry.file);
    if (entry.file !== `${name}.sqlite` || !existsSync(file)) fail(`${name}: ${file} is missing`);
    if (statSync(file).size !== entry.bytes || sha256(file) !== entry.sha256)
      fail(`${name}: ${file} does not match the manifest (size or SHA-256): the backup is damaged`);
    const head = migrationHead(name);
    if (entry.migrationHead !== head)
      console.warn(
        `${name}: backed up at migration ${entry.migrationHead ?? "none"}, this code is at ${head ?? "none"}; ` +
          `the embedded database's tables follow the entities when the subgraph starts`,
      );
  }
  return manifest;
}

/** True while another process (a running subgraph) has the database open: it holds a lock we cannot take. */
function inUse(file) {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED") return true;
    throw error;
  } finally {
    db.close();
  }
}

function restore(dir, force) {
  const manifest = readManifest(dir);
  const configs = SUBGRAPHS.map(({ name }) => loadSubgraphConfig(name));
  const mysql = configs.filter((c) => c.databaseUrl);
  if (mysql.length)
    fail(
      `restore is for the embedded databases; ${mysql.map((c) => c.databaseUrlVariable).join(", ")} ` +
        `point(s) at MySQL/MariaDB: restore those from their dumps (README: "Backups")`,
    );
  // Every check before the first file is replaced: a restore is all four databases or none.
  const existing = configs.filter((c) => existsSync(sqlitePath(c)));
  const open = existing.filter((c) => inUse(sqlitePath(c)));
  if (open.length) fail(`stop the graph first: ${open.map((c) => `${c.name} (${sqlitePath(c)})`).join(", ")} in use`);
  if (existing.length && !force)
    fail(
      `${existing.map((c) => sqlitePath(c)).join(", ")} exist: restoring would replace them; ` +
        `run again with --force to do so, or set DATA_DIR to an empty directory`,
    );
  for (const config of configs) {
    const target = sqlitePath(config);
    mkdirSync(config.dataDir, { recursive: true });
    copyFileSync(join(dir, `${config.name}.sqlite`), `${target}.restoring`);
    // A WAL or shared-memory file left beside the old database belongs to it, not to the backup.
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
    renameSync(`${target}.restoring`, target);
    console.log(`${config.name}: restored ${target}`);
  }
  console.log(`restored the backup of ${manifest.createdAt} into ${resolve(configs[0].dataDir)}`);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" } } });
if (positionals.length !== 1) fail("usage: npm run restore -- <dir> [--force]", 2);
try {
  restore(resolve(positionals[0]), values.force ?? false);
} catch (error) {
  fail(error.name === "ConfigError" ? error.message : error.stack);
}
