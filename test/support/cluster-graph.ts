// The graph as it runs scaled out, for `npm run test:cluster`: the MariaDB Galera cluster started by
// test/cluster/global-setup.mjs (scripts/cluster.mjs), two replicas of every subgraph connected to
// different nodes, two gateways, and one HAProxy in front of all of it (generated config, loopback
// ports, a child process). The cluster jest config maps `./support/graph` to this file, so the
// existing end-to-end suites (queries, write path) run unchanged through HAProxy against the cluster.
import { createTestDatabase } from "@itsm/kit/testing";
import { freePort } from "@itsm/runtime";
import type { ChildProcess } from "node:child_process";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphOptions, SubgraphName } from "./graph";
import { GatewayCaller, graphProcessEnv, ROOT, startProcess, stopProcess, SUBGRAPH_NAMES } from "./graph";

export * from "./graph";

/** A node of the test cluster (scripts/cluster.mjs writes them to DIR/cluster.json). */
export interface ClusterNode {
  index: number;
  dir: string;
  socket: string;
  port: number;
}

/** The nodes of the cluster the cluster suite runs on. */
export function clusterNodes(): ClusterNode[] {
  const dir = process.env.ITSM_TEST_CLUSTER_DIR;
  if (!dir) throw new Error("ITSM_TEST_CLUSTER_DIR is not set: run the cluster suite with npm run test:cluster");
  return (JSON.parse(readFileSync(join(dir, "cluster.json"), "utf8")) as { nodes: ClusterNode[] }).nodes;
}

/** `url` (a database URL) pointed at another host port. */
export function atPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}

/** Kills a node's mariadbd with SIGKILL, as a crash would. */
export function killNode(node: ClusterNode): void {
  process.kill(Number(readFileSync(join(node.dir, "mariadbd.pid"), "utf8").trim()), "SIGKILL");
}

/** Starts a node that was killed again; it rejoins the cluster (IST) and this returns when it is synced. */
export function rejoinNode(node: ClusterNode): void {
  execFileSync(
    "node",
    [
      join(ROOT, "scripts", "cluster.mjs"),
      "rejoin",
      "--dir",
      process.env.ITSM_TEST_CLUSTER_DIR!,
      "--node",
      String(node.index),
    ],
    { stdio: "inherit" },
  );
}

interface Replica {
  name: SubgraphName | "gateway";
  port: number;
  /** The node its database connections go to (through HAProxy, which fails over to the others). */
  node?: number;
  child?: ChildProcess;
  output?: () => string;
}

export class Graph extends GatewayCaller {
  readonly dataDir: string;
  readonly databaseUrls = new Map<SubgraphName, string>();
  /** HAProxy's frontend of each subgraph's replicas. */
  readonly subgraphPorts = new Map<SubgraphName, string>();
  readonly replicas: Replica[] = [];
  /** HAProxy's frontend of each node's SQL port (the others as backups). */
  readonly databasePorts = new Map<number, number>();
  readonly nodes = clusterNodes();
  private haproxy: ChildProcess | undefined;
  private haproxyOutput = "";

  constructor(private readonly options: GraphOptions = {}) {
    super();
    this.dataDir = mkdtempSync(join(tmpdir(), "itsm-cluster-e2e-"));
  }

  /** The URL of one replica (for reads and writes through a chosen replica, and so a chosen node). */
  replicaUrl(name: SubgraphName | "gateway", index: number): string {
    return `http://127.0.0.1:${this.replicas.filter((r) => r.name === name)[index].port}/graphql`;
  }

  /** The node replica `index` of `name` writes to. */
  replicaNode(name: SubgraphName, index: number): ClusterNode {
    const replica = this.replicas.filter((r) => r.name === name)[index];
    return this.nodes.find((n) => n.index === replica.node)!;
  }

  private env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...graphProcessEnv(this.dataDir, this.subgraphPorts),
      ...this.options.env,
      ...extra,
    };
  }

  async start(): Promise<this> {
    for (const node of this.nodes) this.databasePorts.set(node.index, await freePort());
    for (const name of SUBGRAPH_NAMES) {
      this.databaseUrls.set(name, await createTestDatabase(`cluster_${name}`));
      this.subgraphPorts.set(name, String(await freePort()));
    }
    // Two replicas of each subgraph, on two different nodes (shifted per subgraph so that every
    // node carries writes).
    SUBGRAPH_NAMES.forEach((name, i) => {
      for (const r of [0, 1]) this.replicas.push({ name, port: 0, node: ((i + r) % this.nodes.length) + 1 });
    });
    this.replicas.push({ name: "gateway", port: 0 }, { name: "gateway", port: 0 });
    for (const replica of this.replicas) replica.port = await freePort();
    const gatewayPort = await freePort();
    this.startHaproxy(gatewayPort);

    const startReplica = async (replica: Replica, extra: NodeJS.ProcessEnv) => {
      const database =
        replica.name === "gateway"
          ? {}
          : {
              [`${replica.name.toUpperCase()}_DATABASE_URL`]: atPort(
                this.databaseUrls.get(replica.name)!,
                this.databasePorts.get(replica.node!)!,
              ),
              [`${replica.name.toUpperCase()}_PORT`]: String(replica.port),
            };
      const started = await startProcess(
        replica.name,
        this.env({ ...database, ...(replica.name === "gateway" ? { PORT: String(replica.port) } : {}), ...extra }),
        120_000,
      );
      replica.child = started.child;
      replica.output = started.output;
    };
    // Both replicas of a subgraph start at once, each migrating on start (the migration lock lets
    // one migrate); only the first loads the sample (seeding is one process's job).
    const subgraphReplicas = this.replicas.filter((r) => r.name !== "gateway");
    await Promise.all(
      subgraphReplicas.map((replica, i) =>
        startReplica(replica, { MIGRATE_ON_START: "true", SEED_ON_START: i % 2 === 0 ? "true" : "false" }),
      ),
    );
    await Promise.all(this.replicas.filter((r) => r.name === "gateway").map((replica) => startReplica(replica, {})));
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    await this.waitForHaproxy();
    return this;
  }

  private haproxyConfig(gatewayPort: number): string {
    const lines = [
      "global",
      "  maxconn 4096",
      "defaults",
      "  timeout connect 2s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  timeout check 1s",
      "  retries 2",
      "  option redispatch",
      "",
      "# The gateways, round robin; a gateway that stops answering /health leaves the rotation.",
      "frontend gateway",
      "  mode http",
      `  bind 127.0.0.1:${gatewayPort}`,
      "  default_backend gateways",
      "backend gateways",
      "  mode http",
      "  balance roundrobin",
      "  option httpchk GET /health",
      ...this.replicas
        .filter((r) => r.name === "gateway")
        .map((r, i) => `  server gateway${i + 1} 127.0.0.1:${r.port} check inter 1s fall 2 rise 1`),
    ];
    for (const name of SUBGRAPH_NAMES) {
      lines.push(
        "",
        `# The ${name} replicas, round robin (each on another Galera node).`,
        `frontend ${name}`,
        "  mode http",
        `  bind 127.0.0.1:${this.subgraphPorts.get(name)}`,
        `  default_backend ${name}_replicas`,
        `backend ${name}_replicas`,
        "  mode http",
        "  balance roundrobin",
        "  option httpchk GET /health",
        ...this.replicas
          .filter((r) => r.name === name)
          .map((r, i) => `  server ${name}${i + 1} 127.0.0.1:${r.port} check inter 1s fall 2 rise 1`),
      );
    }
    for (const node of this.nodes) {
      lines.push(
        "",
        `# SQL to node ${node.index}; when it is down, to the first other node that is up.`,
        `listen node${node.index}`,
        "  mode tcp",
        `  bind 127.0.0.1:${this.databasePorts.get(node.index)}`,
        "  option tcpka",
        ...[node, ...this.nodes.filter((n) => n !== node)].map(
          (n, i) =>
            `  server node${n.index} 127.0.0.1:${n.port} check inter 500ms fall 1 rise 2 on-marked-down shutdown-sessions${i > 0 ? " backup" : ""}`,
        ),
      );
    }
    return `${lines.join("\n")}\n`;
  }

  private startHaproxy(gatewayPort: number): void {
    const config = join(this.dataDir, "haproxy.cfg");
    writeFileSync(config, this.haproxyConfig(gatewayPort));
    this.haproxy = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
    this.haproxy.stdout?.on("data", (chunk: Buffer) => (this.haproxyOutput += chunk.toString()));
    this.haproxy.stderr?.on("data", (chunk: Buffer) => (this.haproxyOutput += chunk.toString()));
  }

  /** Waits until HAProxy sees the gateways up (its health checks run every second). */
  private async waitForHaproxy(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const response = await this.query("{ __typename }");
        if (response.status === 200) return;
      } catch {
        // Not yet.
      }
      if (Date.now() > deadline) throw new Error(`HAProxy does not answer:\n${this.haproxyOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  logs(): { name: string; line: string }[] {
    return this.replicas.flatMap(({ name, output }) =>
      (output?.() ?? "")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => ({ name, line })),
    );
  }

  subgraphUrl(name: SubgraphName): string {
    return `http://127.0.0.1:${this.subgraphPorts.get(name)}/graphql`;
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.filter((r) => r.child).map((r) => stopProcess(r.child!)));
    if (this.haproxy) await stopProcess(this.haproxy);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
