// A throwaway 3-node MariaDB Galera cluster on loopback ports, without systemd (like mariadb.mjs):
//   node scripts/cluster.mjs start [--dir DIR] [--nodes 3]   prints one URL per node (mysql://itsm:itsm@127.0.0.1:PORT/)
//   node scripts/cluster.mjs status --dir DIR                 prints each node's URL, cluster size and readiness
//   node scripts/cluster.mjs rejoin --dir DIR --node I       starts node I again after a crash; returns once it is synced
//   node scripts/cluster.mjs stop --dir DIR [--purge]         (--purge also deletes DIR)
// Every node keeps its data in DIR/node<i> and listens on 127.0.0.1 only, with its own ports for SQL,
// Galera replication, IST and SST (rsync: needs nothing beyond Debian's rsync). The first node
// bootstraps the cluster (--wsrep-new-cluster), the others join it; start returns once every node
// reports wsrep_cluster_size = N and wsrep_ready = ON. The user "itsm" (password "itsm") and the
// databases itsm_<subgraph> are created on the first node and replicated to the others.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { freePort } from "@itsm/runtime";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DATABASES } from "./mariadb.mjs";

const PROVIDER = "/usr/lib/galera/libgalera_smm.so";
// As root, the nodes run as Debian's "mysql" user: the rsync daemon that receives a state transfer
// drops root for "nobody", which could not write into a root-owned data directory.
const USER = process.getuid?.() === 0 ? "mysql" : undefined;
const STATE = "cluster.json";

function sql(socket, statement) {
  return execFileSync("mariadb", ["--protocol=socket", `--socket=${socket}`, "-uroot", "-N", "-B", "-e", statement], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The wsrep status variables of the node listening on `socket` (empty when it does not answer). */
export function wsrepStatus(socket) {
  try {
    const rows = sql(
      socket,
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_ready','wsrep_local_state_comment','wsrep_cluster_status')",
    );
    return Object.fromEntries(
      rows
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("\t")),
    );
  } catch {
    return {};
  }
}

async function waitUntil(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The node's server options: Galera needs ROW binlogs, interleaved auto-increment locks and InnoDB. */
function nodeArgs(cluster, node) {
  const peers = cluster.nodes.map((n) => `127.0.0.1:${n.galeraPort}`).join(",");
  return [
    "--no-defaults",
    ...(USER ? [`--user=${USER}`] : []),
    `--datadir=${node.data}`,
    `--socket=${node.socket}`,
    `--port=${node.port}`,
    "--bind-address=127.0.0.1",
    `--pid-file=${join(node.dir, "mariadbd.pid")}`,
    "--skip-name-resolve",
    "--innodb-buffer-pool-size=64M",
    "--innodb-log-file-size=48M",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
    "--default-storage-engine=InnoDB",
    "--binlog-format=ROW",
    "--innodb-autoinc-lock-mode=2",
    "--innodb-flush-log-at-trx-commit=2",
    "--wsrep-on=ON",
    `--wsrep-provider=${PROVIDER}`,
    `--wsrep-cluster-name=${cluster.name}`,
    `--wsrep-cluster-address=gcomm://${peers}`,
    `--wsrep-node-name=node${node.index}`,
    `--wsrep-node-address=127.0.0.1:${node.galeraPort}`,
    `--wsrep-node-incoming-address=127.0.0.1:${node.port}`,
    `--wsrep-sst-receive-address=127.0.0.1:${node.sstPort}`,
    "--wsrep-sst-method=rsync",
    `--wsrep-provider-options=base_host=127.0.0.1;base_port=${node.galeraPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S`,
    "--wsrep-slave-threads=2",
  ];
}

/** Starts node `node` of `cluster` (bootstrapping the cluster when `bootstrap`); does not wait. */
export function startNode(cluster, node, { bootstrap = false } = {}) {
  mkdirSync(node.data, { recursive: true });
  if (USER) execFileSync("chown", ["-R", `${USER}:`, node.dir]);
  // A joiner needs no system tables of its own: its state transfer brings the donor's.
  if (bootstrap && !existsSync(join(node.data, "mysql"))) {
    execFileSync(
      "mariadb-install-db",
      ["--no-defaults", `--datadir=${node.data}`, ...(USER ? [`--user=${USER}`] : []), "--skip-test-db"],
      { stdio: "ignore" },
    );
  }
  const log = openSync(join(node.dir, "mariadbd.log"), "a");
  const args = nodeArgs(cluster, node);
  if (bootstrap) args.push("--wsrep-new-cluster");
  const server = spawn("mariadbd", args, { detached: true, stdio: ["ignore", log, log] });
  server.unref();
  node.pid = server.pid;
  return server.pid;
}

/** Waits until the node on `socket` is synced and sees a cluster of `size` nodes. */
export async function waitForNode(node, size, timeoutMs = 90_000) {
  await waitUntil(
    `node ${node.index} did not join a cluster of ${size} (see ${join(node.dir, "mariadbd.log")})`,
    () => {
      const status = wsrepStatus(node.socket);
      return status.wsrep_ready === "ON" && Number(status.wsrep_cluster_size) >= size;
    },
    timeoutMs,
  );
}

function readCluster(dir) {
  return JSON.parse(readFileSync(join(resolve(dir), STATE), "utf8"));
}

/** Starts a cluster of `nodes` nodes in `dir` (reusing its data and ports when it ran there before). */
export async function startCluster({ dir = join(tmpdir(), `itsm-cluster-${process.pid}`), nodes = 3 } = {}) {
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  // The nodes' user must reach its folders (a mkdtemp folder is private to its creator).
  if (USER) chmodSync(dir, 0o755);
  let cluster;
  if (existsSync(join(dir, STATE))) {
    cluster = readCluster(dir);
  } else {
    cluster = { dir, name: `itsm-${process.pid}`, nodes: [] };
    const taken = new Set();
    const port = async () => {
      for (;;) {
        const p = await freePort();
        if (!taken.has(p)) return (taken.add(p), p);
      }
    };
    for (let index = 1; index <= nodes; index++) {
      const nodeDir = join(dir, `node${index}`);
      cluster.nodes.push({
        index,
        dir: nodeDir,
        data: join(nodeDir, "data"),
        socket: join(nodeDir, "mysqld.sock"),
        port: await port(),
        galeraPort: await port(),
        istPort: await port(),
        sstPort: await port(),
      });
    }
  }
  for (const node of cluster.nodes) mkdirSync(node.dir, { recursive: true });
  writeFileSync(join(dir, STATE), JSON.stringify(cluster, null, 2));
  const [first, ...others] = cluster.nodes;
  // A restart of a cluster stopped cleanly: the first node may bootstrap again (it was the last to stop
  // or saw the same state); mark it safe so Galera does not refuse.
  const grastate = join(first.data, "grastate.dat");
  if (existsSync(grastate)) {
    writeFileSync(grastate, readFileSync(grastate, "utf8").replace(/safe_to_bootstrap:\s*0/, "safe_to_bootstrap: 1"));
  }
  startNode(cluster, first, { bootstrap: true });
  await waitForNode(first, 1);
  sql(
    first.socket,
    [
      "CREATE USER IF NOT EXISTS 'itsm'@'127.0.0.1' IDENTIFIED BY 'itsm'",
      "GRANT ALL PRIVILEGES ON *.* TO 'itsm'@'127.0.0.1'",
      ...DATABASES.map((db) => `CREATE DATABASE IF NOT EXISTS ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
    ].join("; "),
  );
  // Joiners one after the other: each takes a state transfer from a synced donor.
  for (const node of others) {
    startNode(cluster, node);
    await waitForNode(node, node.index);
  }
  for (const node of cluster.nodes) await waitForNode(node, cluster.nodes.length);
  writeFileSync(join(dir, STATE), JSON.stringify(cluster, null, 2));
  return { ...cluster, urls: cluster.nodes.map((n) => nodeUrl(n)) };
}

export function nodeUrl(node) {
  return `mysql://itsm:itsm@127.0.0.1:${node.port}/`;
}

/** Kills a node hard (SIGKILL of its mariadbd), as a crash would. */
export function killNode(node) {
  const pid = Number(readFileSync(join(node.dir, "mariadbd.pid"), "utf8").trim());
  process.kill(pid, "SIGKILL");
}

/** Shuts every node of the cluster in `dir` down, the joiners first, and waits until they are gone. */
export function stopCluster(dir) {
  const cluster = readCluster(dir);
  for (const node of [...cluster.nodes].reverse()) {
    try {
      execFileSync("mariadb-admin", [`--socket=${node.socket}`, "-uroot", "shutdown"], { stdio: "ignore" });
    } catch {
      // Not running.
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: "string" },
      nodes: { type: "string" },
      node: { type: "string" },
      purge: { type: "boolean" },
    },
  });
  const [command] = positionals;
  if (command === "start") {
    const cluster = await startCluster({ dir: values.dir, nodes: values.nodes ? Number(values.nodes) : 3 });
    for (const url of cluster.urls) console.log(url);
  } else if (command === "status" && values.dir) {
    const cluster = readCluster(values.dir);
    for (const node of cluster.nodes) {
      const status = wsrepStatus(node.socket);
      const state = status.wsrep_ready
        ? `size=${status.wsrep_cluster_size} ready=${status.wsrep_ready} state=${status.wsrep_local_state_comment}`
        : "down";
      console.log(`${nodeUrl(node)}  node${node.index}  ${state}`);
    }
  } else if (command === "rejoin" && values.dir && values.node) {
    // A node that stopped or crashed joins the running cluster again (IST when the others' gcache
    // still holds what it missed, else a full state transfer).
    const cluster = readCluster(values.dir);
    const node = cluster.nodes.find((n) => n.index === Number(values.node));
    startNode(cluster, node);
    await waitForNode(node, cluster.nodes.length);
    console.log(`${nodeUrl(node)}  node${node.index} rejoined`);
  } else if (command === "stop" && values.dir) {
    stopCluster(values.dir);
    if (values.purge) rmSync(resolve(values.dir), { recursive: true, force: true });
  } else {
    console.error(
      "usage: cluster.mjs start [--dir DIR] [--nodes N] | status --dir DIR | rejoin --dir DIR --node I | stop --dir DIR [--purge]",
    );
    process.exit(2);
  }
}
