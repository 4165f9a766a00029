// A throwaway MariaDB server for tests and local trials, without systemd:
//   node scripts/mariadb.mjs start [--dir DIR] [--port PORT]   prints the server URL (mysql://itsm:itsm@127.0.0.1:PORT/)
//   node scripts/mariadb.mjs stop --dir DIR
// It listens on 127.0.0.1 only, keeps everything in DIR, creates the user "itsm" (password "itsm",
// may create databases) and the databases itsm_<subgraph> of every subgraph.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync } from "node:fs";
import { freePort, SUBGRAPH_NAMES } from "@itsm/runtime";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

export const DATABASES = SUBGRAPH_NAMES.map((name) => `itsm_${name}`);

function sql(socket, statement) {
  return execFileSync("mariadb", ["--protocol=socket", `--socket=${socket}`, "-uroot", "-e", statement], {
    encoding: "utf8",
  });
}

async function waitForPing(socket, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      execFileSync("mariadb-admin", [`--socket=${socket}`, "-uroot", "ping"], { stdio: "ignore" });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`MariaDB did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts (or restarts, on the same port) a MariaDB server in `dir`; resolves with its URL and pid.
 * `bufferPoolSize`: InnoDB's buffer pool (128M, enough for tests; the benchmark's data wants more).
 */
export async function startMariaDb({
  dir = join(tmpdir(), `itsm-mariadb-${process.pid}`),
  port,
  bufferPoolSize = "128M",
} = {}) {
  dir = resolve(dir);
  const socket = join(dir, "mysqld.sock");
  const data = join(dir, "data");
  if (!existsSync(join(data, "mysql"))) {
    mkdirSync(data, { recursive: true });
    execFileSync("mariadb-install-db", ["--no-defaults", `--datadir=${data}`, "--user=root", "--skip-test-db"], {
      stdio: "ignore",
    });
  }
  port ??= await freePort();
  const log = openSync(join(dir, "mariadbd.log"), "a");
  const server = spawn(
    "mariadbd",
    [
      "--no-defaults",
      "--user=root",
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      `--pid-file=${join(dir, "mariadbd.pid")}`,
      "--skip-name-resolve",
      `--innodb-buffer-pool-size=${bufferPoolSize}`,
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
    ],
    { detached: true, stdio: ["ignore", log, log] },
  );
  server.unref();
  await waitForPing(socket, 30_000);
  sql(
    socket,
    [
      "CREATE USER IF NOT EXISTS 'itsm'@'127.0.0.1' IDENTIFIED BY 'itsm'",
      "GRANT ALL PRIVILEGES ON *.* TO 'itsm'@'127.0.0.1'",
      ...DATABASES.map((db) => `CREATE DATABASE IF NOT EXISTS ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
    ].join("; "),
  );
  return { dir, port, pid: server.pid, url: `mysql://itsm:itsm@127.0.0.1:${port}/` };
}

/** Shuts the server in `dir` down and waits until it is gone. */
export function stopMariaDb(dir) {
  execFileSync("mariadb-admin", [`--socket=${join(resolve(dir), "mysqld.sock")}`, "-uroot", "shutdown"], {
    stdio: "ignore",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: "string" }, port: { type: "string" } },
  });
  const [command] = positionals;
  if (command === "start") {
    const server = await startMariaDb({ dir: values.dir, port: values.port ? Number(values.port) : undefined });
    console.log(server.url);
  } else if (command === "stop" && values.dir) {
    stopMariaDb(values.dir);
  } else {
    console.error("usage: mariadb.mjs start [--dir DIR] [--port PORT] | stop --dir DIR");
    process.exit(2);
  }
}
