// The data of a bench run, per stack (today's subgraphs, the baseline's): `--db sqlite` (default)
// an embedded database in a temporary DATA_DIR; `--db mariadb` one database per subgraph on a
// MariaDB server — the bench's own (scripts/mariadb.mjs, in a temporary folder, stopped and removed
// at the end) or the one at `--mariadb-url` — named `bench_<run>_<subgraph>`, created, migrated and
// seeded by each stack's own scripts/db.mjs, and dropped at the end (kept with --reuse-databases).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMariaDb, stopMariaDb } from "../../scripts/mariadb.mjs";
import { retryOnLostPort } from "./processes.mjs";

const require = createRequire(import.meta.url);

// Both stacks' data at --scale 10000 fits in it: with the default 128M the alternating cases would
// evict each other's pages and measure reads from the page cache.
const BUFFER_POOL = "1G";

/** `mysql://user:***@host:port/`: a server URL fit to print. */
export function redacted(url) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** The server URL without a database, e.g. `mysql://itsm:itsm@127.0.0.1:3307/`. */
function serverOf(url) {
  const u = new URL(url);
  u.pathname = "/";
  u.search = "";
  return u.toString();
}

/**
 * Where a run's data lives. `prepare(stack)` creates, migrates and seeds one stack's data and
 * returns the environment its processes need; `remove()` undoes all of it (`removeNow()` as far as
 * it can synchronously, for a forced exit). `describe()` names the database for the printed tables.
 *
 * @param {{ db: "sqlite" | "mariadb", mariadbUrl?: string, reuse?: boolean, scale: number,
 *   env: (extra: object) => object, runScript: Function, log: (message: string) => void }} options
 */
export function openStore(options) {
  return options.db === "mariadb" ? mariadbStore(options) : sqliteStore(options);
}

/** A temporary folder per stack, removed at the end. */
function temporaryFolders() {
  const folders = [];
  return {
    make(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      folders.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What a stack's seed is made from: the git tree of its subgraphs/ folder (seeds, entities and
 * migrations live there), or undefined when it has uncommitted changes (or is no git checkout).
 */
function seedSource(root) {
  try {
    const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    if (git("status", "--porcelain", "--", "subgraphs") !== "") return undefined;
    return git("rev-parse", "HEAD:subgraphs");
  } catch {
    return undefined;
  }
}

/** Runs a stack's `scripts/db.mjs <args>` with `env`, echoing its output under `label`. */
function dbScript({ runScript }, stack, label, args, env) {
  return runScript(label, join(stack.root, "scripts", "db.mjs"), args, { cwd: stack.root, env });
}

/** Seeds `what` (the stack's data) at --scale with the stack's own `db.mjs seed`, saying how long it took. */
async function seedStack(options, stack, what, env) {
  options.log(`seeding ${what} with ${stack.title}'s scripts/db.mjs (--scale ${options.scale}) …`);
  const started = Date.now();
  // (A release whose db.mjs seeds every subgraph ignores the names.)
  const args = ["seed", "--scale", String(options.scale), ...stack.seeded];
  await dbScript(options, stack, `${stack.prefix}seed`, args, env);
  options.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function sqliteStore(options) {
  const folders = temporaryFolders();
  return {
    kind: "sqlite",
    describe: () => "SQLite (embedded, a temporary DATA_DIR per stack)",
    summary: () => ({ kind: "sqlite" }),
    serverPid: undefined,
    async prepare(stack) {
      const dataDir = folders.make(`itsm-bench-${stack.prefix}`);
      await seedStack(options, stack, dataDir, options.env({ DATA_DIR: dataDir }));
      return { DATA_DIR: dataDir };
    },
    async remove() {
      folders.removeAll();
    },
    removeNow() {
      folders.removeAll();
    },
  };
}

/**
 * Starts a MariaDB server in `dir` (scripts/mariadb.mjs) on a free port. The port is picked before
 * the server binds it; when another process took it in between, the server aborts ("Bind on TCP/IP
 * port. Got error: 98") and this fails with `code` "EADDRINUSE" (for retryOnLostPort).
 */
async function startOwnServer(dir) {
  const log = join(dir, "mariadbd.log");
  const logged = existsSync(log) ? statSync(log).size : 0;
  try {
    return await startMariaDb({ dir, bufferPoolSize: BUFFER_POOL });
  } catch (error) {
    const output = existsSync(log) ? readFileSync(log, "utf8").slice(logged) : "";
    const bind = /^.*Bind on TCP\/IP port.*Address already in use.*$/m.exec(output);
    if (!bind) throw error;
    throw Object.assign(new Error(`${error.message}; its log:\n${bind[0]}`), { code: "EADDRINUSE" });
  }
}

function mariadbStore(options) {
  const folders = temporaryFolders();
  const mysql = require("mysql2/promise");
  // --reuse-databases: names that the next run at the same scale finds again; else new ones.
  const run = options.reuse ? `r${options.scale}` : randomBytes(4).toString("hex");
  const created = [];
  let serverUrl = options.mariadbUrl && serverOf(options.mariadbUrl);
  let ownServer; // { dir, pid } of the server started here
  let version; // of the server, once it answers

  const query = async (sql, values) => {
    const connection = await mysql.createConnection(serverUrl);
    try {
      const [rows] = await connection.query(sql, values);
      return rows;
    } finally {
      await connection.end();
    }
  };

  async function start() {
    if (!serverUrl) {
      const dir = folders.make("itsm-bench-mariadb-");
      ownServer = { dir };
      options.log(`starting a MariaDB server in ${dir} …`);
      const server = await retryOnLostPort("the MariaDB server", () => startOwnServer(dir));
      ownServer.pid = server.pid;
      serverUrl = server.url;
    }
    [{ version }] = await query("SELECT VERSION() AS version");
    version = version.split("-")[0]; // "10.11.19-MariaDB-0+deb12u1"
    options.log(`MariaDB ${version} at ${redacted(serverUrl)}${ownServer ? ` (pid ${ownServer.pid})` : ""}`);
  }

  /** Creates the stack's databases (or finds them seeded, with --reuse-databases); their URLs by subgraph. */
  async function databasesOf(stack, seededMark) {
    const names = Object.fromEntries(
      stack.subgraphs.map((s) => [s, `bench_${run}_${stack.prefix.replace(/-/g, "_")}${s}`]),
    );
    const existing = new Map(
      (
        await query(
          "SELECT SCHEMA_NAME AS name, SCHEMA_COMMENT AS mark FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?)",
          [Object.values(names)],
        )
      ).map((row) => [row.name, row.mark]),
    );
    const reused =
      options.reuse && seededMark && Object.values(names).every((name) => existing.get(name) === seededMark);
    if (!reused) {
      for (const name of Object.values(names)) {
        if (existing.has(name)) {
          if (!options.reuse) throw new Error(`database ${name} already exists on ${redacted(serverUrl)}`);
          await query(`DROP DATABASE \`${name}\``); // ours, from an earlier run that did not finish seeding
        }
        await query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
        if (!options.reuse) created.push(name);
      }
    }
    const urls = Object.fromEntries(
      Object.entries(names).map(([s, name]) => [
        `${s.toUpperCase()}_DATABASE_URL`,
        new URL(name, serverUrl).toString(),
      ]),
    );
    return { names: Object.values(names), urls, reused };
  }

  return {
    kind: "mariadb",
    describe: () =>
      `MariaDB ${version} (${ownServer ? "its own server, started by the bench" : redacted(serverUrl)}; databases bench_${run}_*)`,
    summary: () => ({ kind: "mariadb", version, server: ownServer ? "own" : redacted(serverUrl), run }),
    get serverPid() {
      return ownServer?.pid;
    },
    async prepare(stack) {
      if (!version) await start();
      // --reuse-databases: a complete seed marks its databases (a comment) with the scale and its source.
      const source = options.reuse && seedSource(stack.root);
      if (options.reuse && !source) options.log(`${stack.title}: uncommitted changes under subgraphs/: seeding afresh`);
      const seededMark = source && `itsm bench: seeded at --scale ${options.scale} from subgraphs tree ${source}`;
      const { names, urls, reused } = await databasesOf(stack, seededMark);
      // The subgraphs keep nothing in DATA_DIR on MariaDB but may write the development secret there.
      const extra = { DATA_DIR: folders.make(`itsm-bench-${stack.prefix}`), ...urls };
      const env = options.env(extra);
      options.log(
        `${stack.title}: databases ${names.join(", ")}${reused ? ` (reused: seeded at --scale ${options.scale})` : ""}`,
      );
      await dbScript(options, stack, `${stack.prefix}migrate`, ["migrate"], env);
      if (!reused) {
        await seedStack(options, stack, "them", env);
        if (seededMark) {
          for (const name of names) await query(`ALTER DATABASE \`${name}\` COMMENT ?`, [seededMark]);
        }
      }
      return extra;
    },
    async remove() {
      try {
        if (serverUrl && !ownServer && created.length) {
          for (const name of created.splice(0)) await query(`DROP DATABASE IF EXISTS \`${name}\``);
        }
      } finally {
        this.removeNow();
      }
    },
    removeNow() {
      if (ownServer) {
        try {
          stopMariaDb(ownServer.dir);
        } catch {
          // not started, or already gone
        }
        ownServer = undefined;
        created.length = 0; // gone with the server
      } else if (created.length) {
        console.error(`bench: left the databases ${created.join(", ")} on ${redacted(serverUrl)}: drop them by hand`);
        created.length = 0;
      }
      folders.removeAll();
    },
  };
}
