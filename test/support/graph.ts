import type { Identity } from "@itsm/kit";
import { INTERNAL_IDENTITY_HEADER, loadTestDatabaseSettings, signIdentity } from "@itsm/kit";
import { createTestDatabase, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { freePort, SUBGRAPH_NAMES } from "@itsm/runtime";
import type { ChildProcess } from "node:child_process";
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export { SUBGRAPH_NAMES };
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
type ProcessName = SubgraphName | "gateway";

const entryOf = (name: ProcessName) =>
  name === "gateway" ? "gateway/dist/index.js" : `subgraphs/${name}/dist/index.js`;

interface Started {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
}

/** Forks one of the graph's real processes and resolves with its URL once it reports ready. */
export function startProcess(name: ProcessName, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Started> {
  const child = fork(join(ROOT, entryOf(name)), [], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not become ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message.type === "ready" && message.url) {
        clearTimeout(timer);
        resolve({ child, url: message.url, output: () => output });
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? code}):\n${output}`));
    });
  });
}

/** Waits for a child process to exit, killing it if it takes too long. */
export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGTERM",
  timeoutMs = 15_000,
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Posts a GraphQL operation and returns the HTTP status with the parsed body. */
export async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphResponse<T>, "status">;
  return { status: response.status, ...body };
}

/** The header that lets a test call a subgraph directly, as the gateway would for this caller. */
export function signedAs(identity: Identity): Record<string, string> {
  return { [INTERNAL_IDENTITY_HEADER]: signIdentity(identity, TEST_INTERNAL_SECRET) };
}

/**
 * How the test gateways verify tokens (set in every test process's environment by setup-env.ts,
 * so every gateway a test starts, through `Graph` or not, accepts `token()`'s tokens).
 */
export const TEST_AUTH = {
  secret: "itsm-e2e-token-secret-0123456789abcdefghij",
  issuer: "itsm-test",
  audience: "itsm-graph-test",
} as const;

export type TokenRole = "admin" | "editor" | "analyst" | "partner";

export interface TokenOptions {
  subject?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuer?: string;
  audience?: string;
  secret?: string;
  /** Extra or replacing claims (e.g. an unknown role). */
  claims?: Record<string, unknown>;
  /** Header fields (e.g. another `alg`). */
  header?: Record<string, unknown>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A signed HS256 JWT, as the test identity provider would issue it (sync, so `as()` can build headers inline). */
export function token(role: TokenRole | string, customerCodes: string[] = [], options: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: options.subject ?? (role === "partner" ? `e2e-partner-${customerCodes.join("+")}` : `e2e-${role}`),
    role,
    ...(customerCodes.length ? { customers: customerCodes } : {}),
    iss: options.issuer ?? TEST_AUTH.issuer,
    aud: options.audience ?? TEST_AUTH.audience,
    iat: now,
    exp: now + (options.expiresIn ?? 3600),
    ...options.claims,
  };
  const signed = `${base64url({ alg: "HS256", typ: "JWT", ...options.header })}.${base64url(payload)}`;
  const signature = createHmac("sha256", options.secret ?? TEST_AUTH.secret)
    .update(signed)
    .digest("base64url");
  return `${signed}.${signature}`;
}

/** The Authorization header of a caller with this role (and, for a partner, customer codes). */
export function as(role: TokenRole, customerCodes: string[] = [], options: TokenOptions = {}): Record<string, string> {
  return { authorization: `Bearer ${token(role, customerCodes, options)}` };
}

/** Which database the suite runs on: the embedded one, or MariaDB with ITSM_TEST_DB=mariadb. */
export const TEST_DRIVER = loadTestDatabaseSettings().driver;

export interface GraphOptions {
  /** Where the embedded databases live; a fresh temporary folder by default. */
  dataDir?: string;
  /** Keep the data when the graph stops (to start another graph on it). */
  keepData?: boolean;
  /** In the MariaDB run: the databases to use, by subgraph (fresh ones by default). */
  databaseUrls?: Map<SubgraphName, string>;
  /** Extra environment for every process. */
  env?: NodeJS.ProcessEnv;
}

/**
 * `graph`, started before the tests of the file (or describe block) that calls this and stopped
 * after them: the setup of every suite that runs against one graph.
 */
export function startedForSuite<G extends { start(): Promise<unknown>; stop(): Promise<void> }>(
  graph: G,
  startTimeoutMs = 120_000,
): G {
  beforeAll(() => graph.start(), startTimeoutMs);
  afterAll(() => graph.stop());
  return graph;
}

/**
 * The environment every process of a test graph starts with (the one-node graph and the cluster
 * alike): quiet, on loopback, without background jobs, each subgraph's peers at their ports.
 */
export function graphProcessEnv(dataDir: string, subgraphPorts: Map<SubgraphName, string>): NodeJS.ProcessEnv {
  const peers = Object.fromEntries(
    [...subgraphPorts].map(([name, port]) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}/graphql`]),
  );
  return {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    // Suites send many requests from one address; the limiter has its own test.
    RATE_LIMIT_POINTS: "1000000",
    // Suites compare table contents: the lifecycle scheduler (tested with a moved clock in the
    // agreements subgraph) would renew its lease row meanwhile.
    LIFECYCLE_INTERVAL_SECONDS: "0",
    // Likewise the operations job that stores service level figures (tested in the operations
    // subgraph): its statements would count in the suites that count statements per request.
    PERFORMANCE_REFRESH_SECONDS: "0",
    DATA_DIR: dataDir,
    ...peers,
  };
}

/** What every test graph offers its tests: operations through its gateway, as a caller of some role. */
export abstract class GatewayCaller {
  gatewayUrl = "";

  /** Runs an operation through the gateway; anonymous unless `headers` carry a token (see `as`). */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphResponse<T>> {
    return post<T>(this.gatewayUrl, query, variables, headers);
  }

  /** A token of the graph's test identity provider (see `token`). */
  token(role: TokenRole, customerCodes: string[] = [], options: TokenOptions = {}): string {
    return token(role, customerCodes, options);
  }

  /** The headers of a caller with this role, for `query` and `post`. */
  as(role: TokenRole, customerCodes: string[] = [], options: TokenOptions = {}): Record<string, string> {
    return as(role, customerCodes, options);
  }
}

/**
 * The whole graph as it runs in production: every subgraph process on a free port, each with
 * its own database (embedded, in a temporary data directory, or a fresh MariaDB database in the
 * MariaDB run), and the gateway in front of them.
 */
export class Graph extends GatewayCaller {
  private readonly processes = new Map<ProcessName, Started>();
  /** Every process this graph started, including those since killed or stopped, for `logs()`. */
  private readonly everStarted: { name: ProcessName; output: () => string }[] = [];
  readonly subgraphPorts = new Map<SubgraphName, string>();
  readonly dataDir: string;
  readonly databaseUrls: Map<SubgraphName, string>;

  constructor(private readonly options: GraphOptions = {}) {
    super();
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "itsm-e2e-"));
    this.databaseUrls = new Map(options.databaseUrls ?? []);
  }

  private env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const databases = Object.fromEntries(
      [...this.databaseUrls].map(([name, url]) => [`${name.toUpperCase()}_DATABASE_URL`, url]),
    );
    const mariadb = TEST_DRIVER === "mariadb" ? { MIGRATE_ON_START: "true", SEED_ON_START: "true" } : {};
    return {
      ...graphProcessEnv(this.dataDir, this.subgraphPorts),
      ...databases,
      ...mariadb,
      ...this.options.env,
      ...extra,
    };
  }

  async start(): Promise<this> {
    if (TEST_DRIVER === "mariadb") {
      for (const name of SUBGRAPH_NAMES) {
        if (!this.databaseUrls.has(name)) this.databaseUrls.set(name, await createTestDatabase(`e2e_${name}`));
      }
    }
    // Ports are chosen first: the subgraphs call each other, so each must know the others' URLs.
    for (const name of SUBGRAPH_NAMES) {
      if (!this.subgraphPorts.has(name)) this.subgraphPorts.set(name, String(await freePort()));
    }
    await Promise.all(SUBGRAPH_NAMES.map((name) => this.startSubgraph(name)));
    const gateway = await startProcess("gateway", this.env({ PORT: "0" }));
    this.processes.set("gateway", gateway);
    this.everStarted.push({ name: "gateway", output: gateway.output });
    this.gatewayUrl = gateway.url;
    return this;
  }

  /**
   * Starts a subgraph (with `extra` environment, e.g. a setting a restart changes); after a restart
   * it gets the same port, so the gateway finds it again.
   */
  async startSubgraph(name: SubgraphName, extra: NodeJS.ProcessEnv = {}): Promise<void> {
    const port = this.subgraphPorts.get(name) ?? String(await freePort());
    const started = await startProcess(name, this.env({ ...extra, [`${name.toUpperCase()}_PORT`]: port }));
    this.subgraphPorts.set(name, port);
    this.processes.set(name, started);
    this.everStarted.push({ name, output: started.output });
  }

  /** Every line each of the graph's processes has written to stdout or stderr, by process. */
  logs(): { name: ProcessName; line: string }[] {
    return this.everStarted.flatMap(({ name, output }) =>
      output()
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => ({ name, line })),
    );
  }

  subgraphUrl(name: SubgraphName): string {
    return this.processes.get(name)!.url;
  }

  /** Kills a process abruptly, as a crash would. */
  kill(name: ProcessName): Promise<void> {
    return this.end(name, "SIGKILL");
  }

  /** Stops a process as a deployment does (SIGTERM: it finishes its requests and gives its leases up). */
  shutDown(name: ProcessName): Promise<void> {
    return this.end(name);
  }

  private async end(name: ProcessName, signal?: NodeJS.Signals): Promise<void> {
    const started = this.processes.get(name);
    if (!started) return;
    this.processes.delete(name);
    await stopProcess(started.child, signal);
  }

  async stop(): Promise<void> {
    const gateway = this.processes.get("gateway");
    if (gateway) await stopProcess(gateway.child);
    await Promise.all(
      [...this.processes.entries()].filter(([name]) => name !== "gateway").map(([, p]) => stopProcess(p.child)),
    );
    this.processes.clear();
    if (!this.options.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
