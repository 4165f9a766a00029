// The gateway benchmark behind `npm run bench` (see bench/README.md): seeds a large dataset, starts
// the three subgraphs once, then loads our gateway, a stock Apollo gateway and Hive Gateway in front
// of the same subgraphs, in alternation, and prints throughput, latency and memory side by side.
import { freePort, SUBGRAPH_NAMES } from "@itsm/runtime";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { setInterval, clearInterval } from "node:timers";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchAuth } from "./lib/auth.mjs";
import { baselineIdentityHeaders, prepareBaseline } from "./lib/baseline.mjs";
import { openStore, redacted } from "./lib/databases.mjs";
import { assertSameData, comparable, graphqlBody, load, percentile, stopLoad, verify } from "./lib/load.mjs";
import { cpuSecondsOf, killAllNow, recentOutput, rssOf, runScript, startProcess, stopAll } from "./lib/processes.mjs";
import { runReportCase } from "./lib/report-case.mjs";
import { fixed, mb, percent, ratio, table } from "./lib/report.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, "..");
const SUPERGRAPH = join(ROOT, "schema", "supergraph.graphql");
const SUBGRAPHS = SUBGRAPH_NAMES;
const HOST = "127.0.0.1";

/** The gateways under test: the entry point each runs, forked with the same environment. */
const GATEWAYS = {
  ours: { label: "ours (gateway/dist)", entry: join(ROOT, "gateway", "dist", "index.js") },
  "apollo-stock": { label: "stock @apollo/gateway", entry: join(here, "gateways", "apollo-stock.mjs") },
  hive: { label: "Hive Gateway", entry: join(here, "gateways", "hive.mjs") },
};
const DIRECT = "catalog-direct";
const BASELINE = "baseline";
const DATABASE = "database";
// The subgraphs whose data the queries read, seeded at --scale; the others (operations) start on
// empty databases: at --scale 10000 operations' million incidents take a quarter of an hour to
// seed on this machine and no case reads them.
const SEEDED = ["catalog", "customers", "agreements"];
const BACKGROUND_JOBS_OFF = {
  LIFECYCLE_INTERVAL_SECONDS: "0",
  WEBHOOK_DELIVERY_INTERVAL_SECONDS: "0",
  PERFORMANCE_REFRESH_SECONDS: "0",
};

// Each query takes the page to start after as a variable: by default the requests of a run walk
// through up to MAX_PAGES pages, so concurrent requests differ (as real traffic does) and no
// gateway can answer 20 of them with one subgraph fetch; --same-query sends page 1 every time.
const MAX_PAGES = 100;
const QUERIES = {
  cross: {
    label: "cross-subgraph: a page of 50 agreements with provider, customers, services, targets, responsibilities",
    text: "query CrossSubgraph($after: String) { agreements(first: 50, after: $after) { nodes { number status provider { name } customers { name } services { code name } targets { metric value unit } responsibilities { party description } } } }",
    // Where the pages are counted (directly on the subgraph that owns the root field).
    owner: "agreements",
    pages:
      "query Pages($after: String) { agreements(first: 50, after: $after) { pageInfo { endCursor hasNextPage } } }",
    connection: (data) => data.agreements,
    check(data) {
      const nodes = data?.agreements?.nodes;
      if (!Array.isArray(nodes) || nodes.length !== 50) return `expected 50 agreements, got ${nodes?.length}`;
      if (nodes.some((n) => !n.provider?.name)) return "an agreement has no provider name";
      for (const field of ["customers", "services", "targets", "responsibilities"]) {
        if (nodes.every((n) => n[field].length === 0)) return `no agreement has any ${field}`;
      }
      return undefined;
    },
  },
  one: {
    label: "one-subgraph: a page of services(first: 20) { code name lifecycle } (catalog only)",
    text: "query OneSubgraph($after: String) { services(first: 20, after: $after) { nodes { code name lifecycle } } }",
    owner: "catalog",
    pages: "query Pages($after: String) { services(first: 20, after: $after) { pageInfo { endCursor hasNextPage } } }",
    connection: (data) => data.services,
    check(data) {
      const nodes = data?.services?.nodes;
      return Array.isArray(nodes) && nodes.length === 20 ? undefined : `expected 20 services, got ${nodes?.length}`;
    },
  },
};

const USAGE = `usage: npm run bench -- [options]   (or: node bench/run.mjs [options] after npm run build)

  --scale N          dataset size for scripts/db.mjs seed --scale (default 2000; 10000 for the full run)
  --db sqlite|mariadb
                     the subgraphs' database (default sqlite: a temporary DATA_DIR per stack); mariadb: a
                     MariaDB server of the bench's own (scripts/mariadb.mjs, temporary, stopped at the end)
                     with a database per stack and subgraph, migrated and seeded by each stack's scripts/db.mjs
  --mariadb-url URL  with --db mariadb (implied): use the server at URL instead; the bench creates its own
                     databases bench_<run>_<subgraph> there and drops them at the end, touching no others
  --reuse-databases  with --mariadb-url: keep the databases (bench_r<scale>_…); a later run that finds them seeded
                     at the same --scale from the same committed subgraphs/ tree only migrates them
  --duration S       seconds of load per measured run (default 10)
  --connections N    concurrent connections per run (default 20)
  --rounds N         rounds; each runs every case once, in a new random order (default 3)
  --warmup S         seconds of unmeasured load per case before round 1 (default 3)
  --gateways LIST    comma-separated subset of ${Object.keys(GATEWAYS).join(",")} (default: all)
  --same-query       send the first page every time instead of walking through up to ${MAX_PAGES} pages
  --soak S           afterwards, S seconds of sustained load on our gateway, RSS tracked (default: off)
  --json FILE        also write the results as JSON to FILE
  --candidate N=DIR  also run a variant of our gateway built into DIR (DIR/index.js) under the name N,
                     for A/B trials in the same run (repeatable); e.g. tsc -p gateway/tsconfig.build.json
                     --outDir .bench-candidates/N after a local change
  --service-level-report
                     instead: the service level report case (a page of 50 through our gateway, one
                     request at a time, for --duration seconds) on a dataset seeded beforehand:
                     --data-dir DIR (SQLite) or the <NAME>_DATABASE_URL variables (MariaDB); waits until
                     the operations job has stored the figures of --period (default: last month)
  --data-dir DIR     with --service-level-report: the seeded embedded databases (kept, not removed)
  --period P         with --service-level-report: the period asked for (default: the previous month)
  --baseline REF     also run the graph as it was at git REF (e.g. the last release): its subgraphs, built
                     in a temporary git worktree on their own data seeded by its own scripts/db.mjs, behind a
                     stock @apollo/gateway with its supergraph, as the case "baseline", in the same rounds;
                     prints the whole-stack comparison (rps, p95, CPU per request of every process)
  --baseline-dir DIR with --baseline: prepare the checkout in DIR once and keep it (reused by later runs)
  --cpu-prof DIR     write a V8 CPU profile of every process started (gateways and subgraphs) into DIR/<name>
                     when it stops (profiling slows them: keep such runs apart from measured ones)
  --help             this text`;

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "2000" },
      db: { type: "string" },
      "mariadb-url": { type: "string" },
      "reuse-databases": { type: "boolean", default: false },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "20" },
      rounds: { type: "string", default: "3" },
      warmup: { type: "string", default: "3" },
      gateways: { type: "string", default: Object.keys(GATEWAYS).join(",") },
      soak: { type: "string", default: "0" },
      "same-query": { type: "boolean", default: false },
      json: { type: "string" },
      candidate: { type: "string", multiple: true, default: [] },
      "service-level-report": { type: "boolean", default: false },
      "data-dir": { type: "string" },
      period: { type: "string" },
      baseline: { type: "string" },
      "baseline-dir": { type: "string" },
      "cpu-prof": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  for (const spec of values.candidate) {
    const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(spec);
    if (!match || GATEWAYS[match[1]]) {
      console.error(`--candidate must be NAME=DIR with a new lower-case NAME (got "${spec}")\n\n${USAGE}`);
      process.exit(2);
    }
    const entry = resolve(match[2], "index.js");
    if (!existsSync(entry)) {
      console.error(`--candidate ${match[1]}: ${entry} is missing`);
      process.exit(2);
    }
    GATEWAYS[match[1]] = { label: `ours, candidate ${match[1]}`, entry };
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name, min, max) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) {
      console.error(`--${name} must be a whole number from ${min} to ${max} (got "${values[name]}")\n\n${USAGE}`);
      process.exit(2);
    }
    return value;
  };
  const gateways = values.gateways.split(",").map((g) => g.trim());
  for (const spec of values.candidate) {
    const name = spec.split("=")[0];
    if (!gateways.includes(name)) gateways.push(name);
  }
  const unknown = gateways.filter((g) => !GATEWAYS[g]);
  if (unknown.length || gateways.length === 0) {
    console.error(`--gateways: unknown ${unknown.join(", ")}; choose from ${Object.keys(GATEWAYS).join(", ")}`);
    process.exit(2);
  }
  const soak = whole("soak", 0, 3600);
  if (values["baseline-dir"] && !values.baseline) {
    console.error("--baseline-dir goes with --baseline REF");
    process.exit(2);
  }
  const db = values.db ?? (values["mariadb-url"] ? "mariadb" : "sqlite");
  if (!["sqlite", "mariadb"].includes(db)) {
    console.error(`--db must be sqlite or mariadb (got "${db}")\n\n${USAGE}`);
    process.exit(2);
  }
  if (values["mariadb-url"] && (db !== "mariadb" || !/^(mysql|mariadb):\/\/[^/]/.test(values["mariadb-url"]))) {
    console.error(`--mariadb-url must be a mysql:// or mariadb:// server URL, with --db mariadb or no --db`);
    process.exit(2);
  }
  if (values["reuse-databases"] && !values["mariadb-url"]) {
    console.error("--reuse-databases goes with --mariadb-url (the bench's own server is removed at the end)");
    process.exit(2);
  }
  if (values["service-level-report"] && (values.db || values["mariadb-url"])) {
    console.error(
      "--service-level-report runs on data seeded beforehand: --data-dir DIR or the <NAME>_DATABASE_URL variables",
    );
    process.exit(2);
  }
  if (soak && !gateways.includes("ours")) {
    console.error("--soak measures our gateway: keep ours in --gateways");
    process.exit(2);
  }
  return {
    scale: whole("scale", 1, 1_000_000),
    db,
    mariadbUrl: values["mariadb-url"],
    reuseDatabases: values["reuse-databases"],
    duration: whole("duration", 1, 600),
    connections: whole("connections", 1, 1000),
    rounds: whole("rounds", 0, 100),
    warmup: whole("warmup", 0, 600),
    gateways,
    soak,
    sameQuery: values["same-query"],
    json: values.json,
    serviceLevelReport: values["service-level-report"],
    dataDir: values["data-dir"],
    period: values.period,
    baseline: values.baseline,
    baselineDir: values["baseline-dir"] && resolve(values["baseline-dir"]),
    cpuProf: values["cpu-prof"] && resolve(values["cpu-prof"]),
  };
}

// --- lifecycle: every process started here is stopped however the run ends ---------------------

class Interrupted extends Error {}
let interrupted = false;
let dataDir; // --service-level-report's temporary DATA_DIR
let store; // the run's databases (lib/databases.mjs)
let baselineCheckout;
let loadAtStart;

function removeData() {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  store?.removeNow();
}

function onSignal(signal) {
  if (interrupted) {
    killAllNow();
    removeData();
    baselineCheckout?.removeNow();
    process.exit(130);
  }
  interrupted = true;
  console.error(`\nbench: ${signal} received, stopping the load and every process started (again to force)`);
  stopLoad();
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.on("uncaughtException", (error) => {
  console.error(`bench: ${error.stack ?? error}`);
  killAllNow();
  removeData();
  baselineCheckout?.removeNow();
  process.exit(1);
});

function checkpoint() {
  if (interrupted) throw new Interrupted("interrupted");
}

const AUTH = await benchAuth();

/** The environment of every child: the parent's, minus anything that would point it elsewhere. */
function cleanEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/(_URL|_PORT|_DATABASE_URL)$/.test(key)) continue;
    if (/^(APOLLO_|HIVE_|OTEL_|AUTH_)/.test(key)) continue;
    if (["INTERNAL_AUTH_SECRET", "ANONYMOUS_ACCESS", "TRUSTED_DOCUMENTS_PATH"].includes(key)) continue;
    if (["PORT", "HOST", "SUPERGRAPH_PATH", "DATA_DIR", "SEED_ON_START", "MIGRATE_ON_START"].includes(key)) continue;
    env[key] = value;
  }
  // Our gateway limits requests per client (600 a minute by default): all the load comes from one
  // client, so the limit is raised out of reach; the limiter itself still runs on every request.
  return {
    ...env,
    ...AUTH.env,
    NODE_ENV: "production",
    HOST,
    LOG_LEVEL: "warn",
    RATE_LIMIT_POINTS: "1000000000",
    ...extra,
  };
}

function shuffle(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// --- the benchmark ----------------------------------------------------------------------------

async function main() {
  const opts = options();
  loadAtStart = loadavg()[0];
  if (opts.serviceLevelReport) return reportCase(opts);
  for (const entry of [GATEWAYS.ours.entry, ...SUBGRAPHS.map((s) => join(ROOT, "subgraphs", s, "dist", "index.js"))]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm run bench does)`);
  }

  // The cases of one round: each gateway × each query at full concurrency, the catalog subgraph
  // queried directly, and the one-subgraph query at a single connection (latency without queueing).
  const cases = [];
  for (const target of [...opts.gateways, ...(opts.baseline ? [BASELINE] : [])]) {
    for (const query of Object.keys(QUERIES)) cases.push({ target, query, connections: opts.connections });
  }
  cases.push({ target: DIRECT, query: "one", connections: opts.connections });
  if (opts.gateways.includes("ours") && opts.connections !== 1) {
    cases.push({ target: "ours", query: "one", connections: 1 });
    cases.push({ target: DIRECT, query: "one", connections: 1 });
  }
  const keyOf = (c) => `${c.target} ${c.query} c${c.connections}`;
  const warmCases = cases.filter((c) => c.connections === opts.connections);
  const estimate =
    warmCases.length * (opts.warmup + 0.5) + cases.length * opts.rounds * (opts.duration + 0.5) + (opts.soak ? 65 : 0);

  console.log(`ITSM gateway benchmark — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`);
  console.log(
    `dataset --scale ${opts.scale}; ${opts.rounds} rounds × ${cases.length} cases × ${opts.duration} s at ` +
      `${opts.connections} connections; warm-up ${opts.warmup} s per case; soak ${opts.soak ? `${opts.soak} s` : "off"}`,
  );
  console.log(
    opts.sameQuery
      ? "requests: --same-query, the first page of each query every time"
      : `requests: each query walks through up to ${MAX_PAGES} pages in turn (concurrent requests differ)`,
  );
  if (loadAtStart > 0.5) {
    console.warn(
      `note: the 1-minute load average is ${loadAtStart.toFixed(2)}: other work on this machine skews the numbers`,
    );
  }
  console.log(`load phase ≈ ${Math.round((estimate + opts.soak) / 60)} min, after seeding and start-up\n`);

  // 0. The baseline: checked out, installed and built first, so that a failure shows before seeding.
  let baseline;
  if (opts.baseline) {
    baseline = await prepareBaseline({
      root: ROOT,
      ref: opts.baseline,
      keepDir: opts.baselineDir,
      log: (message) => console.log(message),
      track: (handle) => (baselineCheckout = handle),
    });
    baselineCheckout = baseline;
    console.log(`baseline ${baseline.short}: subgraphs ${baseline.subgraphs.join(", ")}\n`);
    checkpoint();
  }
  const profile = (name) => (opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${join(opts.cpuProf, name)}`] : undefined);

  /**
   * Starts the named subgraphs of the checkout at `root` on free loopback ports, each told where the
   * others are, over `data` (the environment the store gave the stack), with the background jobs off;
   * `label` prefixes their names.
   */
  async function startSubgraphs({ names, root, data, label }) {
    const ports = {};
    for (const name of names) ports[name] = await freePort(HOST);
    const urls = Object.fromEntries(names.map((n) => [`${n.toUpperCase()}_URL`, `http://${HOST}:${ports[n]}/graphql`]));
    const env = cleanEnv({ ...BACKGROUND_JOBS_OFF, ...data, SEED_ON_START: "false", ...urls });
    const started = await Promise.all(
      names.map((name) =>
        startProcess(`${label}${name}`, join(root, "subgraphs", name, "dist", "index.js"), {
          cwd: root,
          env: { ...env, [`${name.toUpperCase()}_PORT`]: String(ports[name]) },
          execArgv: profile(`${label.trim() ? `${label.trim()}-` : ""}${name}`),
        }),
      ),
    );
    return { urls, started };
  }

  // 1. Fresh data for each stack, seeded at the requested scale (only the subgraphs the queries read):
  //    a temporary embedded database, or MariaDB databases migrated first; each stack by its own
  //    scripts/db.mjs (the same data, if the baseline's seed has not changed: the answers are compared below).
  store = openStore({
    db: opts.db,
    mariadbUrl: opts.mariadbUrl,
    reuse: opts.reuseDatabases,
    scale: opts.scale,
    env: cleanEnv,
    runScript,
    log: (message) => console.log(message),
  });
  const data = await store.prepare({
    title: "today's graph",
    prefix: "",
    root: ROOT,
    subgraphs: SUBGRAPHS,
    seeded: SEEDED,
  });
  checkpoint();
  let baselineData;
  if (baseline) {
    baselineData = await store.prepare({
      title: `the baseline ${baseline.short}`,
      prefix: "baseline-",
      root: baseline.dir,
      subgraphs: baseline.subgraphs,
      seeded: SEEDED,
    });
    checkpoint();
  }

  // 2. The subgraphs, each on a free loopback port and told where the others are.
  // The subgraphs' background jobs are off (agreements' lifecycle scheduler and webhook delivery,
  // operations' figures job): they are not request work, the baseline has none, and at scale they
  // take a core for minutes (the figures job for an hour, see "Service level report at scale").
  const { urls, started: subgraphs } = await startSubgraphs({ names: SUBGRAPHS, root: ROOT, data, label: "" });
  for (const s of subgraphs) console.log(`${s.name} subgraph at ${s.url}`);
  checkpoint();

  // 3. The gateways, one process each, all over the committed supergraph and the same subgraphs.
  const gatewayEnv = cleanEnv({
    PORT: "0",
    SUPERGRAPH_PATH: SUPERGRAPH,
    BENCH_SUBGRAPH_HEADERS: JSON.stringify(AUTH.subgraphHeaders),
    ...urls,
  });
  const targets = {
    [DIRECT]: {
      label: "catalog subgraph, direct",
      url: subgraphs[0].url,
      pid: subgraphs[0].child.pid,
      headers: AUTH.subgraphHeaders,
    },
  };
  targets[DIRECT].stack = "ours";
  // Every process's pid, for CPU per request; each target's stack is the subgraphs behind it.
  const processes = Object.fromEntries(subgraphs.map((sg) => [sg.name, sg.child.pid]));
  // The bench's own MariaDB server: its CPU during a case is that case's (one case runs at a time).
  if (store.serverPid) processes[DATABASE] = store.serverPid;
  const stacks = { ours: { subgraphPids: subgraphs.map((sg) => sg.child.pid), subgraphUrl: {} } };
  for (const sg of subgraphs) stacks.ours.subgraphUrl[sg.name] = sg.url;
  stacks.ours.subgraphHeaders = AUTH.subgraphHeaders;
  for (const name of opts.gateways) {
    const started = await startProcess(name, GATEWAYS[name].entry, {
      cwd: ROOT,
      env: gatewayEnv,
      execArgv: profile(name),
    });
    processes[`${name} gateway`] = started.child.pid;
    targets[name] = {
      label: GATEWAYS[name].label,
      url: started.url,
      pid: started.child.pid,
      headers: AUTH.clientHeaders,
      stack: "ours",
    };
    console.log(`${GATEWAYS[name].label} at ${started.url} (pid ${started.child.pid})`);
    checkpoint();
  }

  // 3b. The baseline: its subgraphs on its own data, the stock gateway over its supergraph.
  if (baseline) {
    const { urls: baselineUrls, started } = await startSubgraphs({
      names: baseline.subgraphs,
      root: baseline.dir,
      data: baselineData,
      label: "baseline ",
    });
    const { identity, secret, seconds } = AUTH.signing;
    const headers = await baselineIdentityHeaders(baseline.dir, identity, secret, seconds);
    stacks.baseline = { subgraphPids: [], subgraphUrl: {}, subgraphHeaders: headers };
    for (const [i, sg] of started.entries()) {
      const name = baseline.subgraphs[i];
      console.log(`baseline ${name} subgraph at ${sg.url}`);
      processes[`baseline ${name}`] = sg.child.pid;
      stacks.baseline.subgraphPids.push(sg.child.pid);
      stacks.baseline.subgraphUrl[name] = sg.url;
    }
    const gateway = await startProcess("baseline gateway", GATEWAYS["apollo-stock"].entry, {
      cwd: ROOT,
      env: cleanEnv({
        PORT: "0",
        SUPERGRAPH_PATH: baseline.supergraph,
        BENCH_SUBGRAPHS: baseline.subgraphs.join(","),
        BENCH_SUBGRAPH_HEADERS: JSON.stringify(headers),
        ...baselineUrls,
      }),
      execArgv: profile("baseline-gateway"),
    });
    processes["baseline gateway"] = gateway.child.pid;
    targets[BASELINE] = {
      label: `baseline ${baseline.short}: stock gateway + its subgraphs`,
      url: gateway.url,
      pid: gateway.child.pid,
      headers: AUTH.clientHeaders,
      stack: "baseline",
    };
    console.log(`${targets[BASELINE].label} at ${gateway.url} (pid ${gateway.child.pid})`);
    checkpoint();
  }

  // 4. The request bodies: page after page of each query (counted on the subgraph that owns it),
  //    all full pages, at most MAX_PAGES; or page 1 alone with --same-query. Each stack has its own
  //    cursors (their format may differ between builds).
  const bodies = {};
  for (const [stackName, stack] of Object.entries(stacks)) {
    bodies[stackName] = await pageBodies(opts, stack);
  }
  const bodiesOf = (c) => bodies[targets[c.target].stack][c.query];

  // 5. Every target must answer every one of those requests, with the same data as the reference
  //    (the catalog subgraph for the one-subgraph query, the first gateway for the other; the
  //    baseline the same data as today's stack, ids aside), before any load; under load, every
  //    answer must be one of the answers given here, byte for byte.
  console.log(
    `\nverifying every request on every target (${bodies.ours.cross.length} + ${bodies.ours.one.length} pages) …`,
  );
  const reference = {};
  const valid = {};
  for (const c of cases) {
    const key = `${c.target} ${c.query}`;
    if (key in valid) continue;
    const q = QUERIES[c.query];
    const referenceTarget = c.query === "one" ? DIRECT : opts.gateways[0];
    if (!reference[c.query]) {
      // One request at a time, like every other verification (a burst would inflate the RSS).
      reference[c.query] = [];
      for (const [i, body] of bodies.ours[c.query].entries()) {
        const label = `${referenceTarget} ${c.query} page ${i + 1}`;
        reference[c.query].push(
          await verify(label, targets[referenceTarget].url, body, q.check, targets[referenceTarget].headers),
        );
      }
    }
    valid[key] = new Set();
    let bytes = 0;
    const own = bodiesOf(c);
    if (own.length !== reference[c.query].length) {
      throw new Error(`${key}: ${own.length} pages against ${reference[c.query].length} in today's stack`);
    }
    for (const [i, body] of own.entries()) {
      const answer =
        c.target === referenceTarget
          ? reference[c.query][i]
          : await verify(`${key} page ${i + 1}`, targets[c.target].url, body, q.check, targets[c.target].headers);
      if (c.target === BASELINE)
        assertSameData(`${key} page ${i + 1}`, withoutIds(reference[c.query][i]), withoutIds(answer));
      else assertSameData(`${key} page ${i + 1}`, reference[c.query][i], answer);
      valid[key].add(comparable(answer.text));
      bytes += answer.text.length;
    }
    console.log(
      `  ${key.padEnd(24)} ok: ${own.length} pages, ${Math.round(bytes / own.length)} bytes per answer` +
        (c.target === BASELINE ? " (the same data as today's stack)" : ""),
    );
    checkpoint();
  }

  const rss = {};
  for (const name of opts.gateways) rss[name] = { start: rssOf(targets[name].pid) };

  // CPU time every process used during a run: the target (a gateway, or the catalog subgraph when
  // queried directly), the subgraphs of its stack, and each process on its own. Per request, it
  // depends far less on what else runs than rps and latency do.
  const cpu = (pids) => pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const cpuOfAll = () => Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSecondsOf(pid)]));
  const runCase = async (c, seconds) => {
    const subgraphPids = stacks[targets[c.target].stack].subgraphPids;
    const targetCpu = cpu([targets[c.target].pid]);
    const subgraphCpu = cpu(subgraphPids);
    const before = cpuOfAll();
    const result = await load({
      url: targets[c.target].url,
      headers: targets[c.target].headers,
      bodies: bodiesOf(c),
      valid: valid[`${c.target} ${c.query}`],
      seconds,
      connections: c.connections,
    });
    result.targetCpu = cpu([targets[c.target].pid]) - targetCpu;
    result.subgraphCpu = cpu(subgraphPids) - subgraphCpu;
    const after = cpuOfAll();
    result.processCpu = Object.fromEntries(Object.keys(processes).map((name) => [name, after[name] - before[name]]));
    checkpoint();
    const failures = result.errors + result.non2xx + result.mismatches;
    if (result.ok === 0) throw new Error(`${keyOf(c)}: no successful response in ${seconds} s`);
    if (failures > 0) {
      console.warn(
        `  ! ${keyOf(c)}: ${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx, ` +
          `${result.mismatches} wrong bodies` +
          (result.firstMismatch ? `; the first wrong body: ${result.firstMismatch.slice(0, 400)}` : ""),
      );
    }
    return result;
  };

  // 6. Warm-up: every case once, unmeasured (JIT, connection pools, query-plan caches).
  if (opts.warmup > 0 && opts.rounds > 0) {
    console.log(`\nwarming up (${opts.warmup} s per case) …`);
    for (const c of shuffle(warmCases)) {
      const r = await runCase(c, opts.warmup);
      console.log(`  ${keyOf(c).padEnd(28)} ${fixed(r.rps, 0).padStart(6)} req/s`);
      await delay(500);
    }
  }

  // 7. Measured rounds: every case once per round, in a new random order each round.
  const samples = new Map(cases.map((c) => [keyOf(c), { ...c, runs: [] }]));
  for (let round = 1; round <= opts.rounds; round++) {
    console.log(`\nround ${round}/${opts.rounds}`);
    for (const c of shuffle(cases)) {
      const r = await runCase(c, opts.duration);
      samples.get(keyOf(c)).runs.push(r);
      const sorted = Float64Array.from(r.latencies).sort();
      console.log(
        `  ${keyOf(c).padEnd(28)} ${fixed(r.rps, 0).padStart(6)} req/s  p50 ${fixed(percentile(sorted, 50), 1)} ms` +
          `  p95 ${fixed(percentile(sorted, 95), 1)} ms  p99 ${fixed(percentile(sorted, 99), 1)} ms`,
      );
      if (rss[c.target]) rss[c.target].end = rssOf(targets[c.target].pid);
      await delay(500);
    }
  }

  // 8. Optional soak: sustained load on our gateway, RSS after warm-up against RSS at the end.
  let soak;
  if (opts.soak) soak = await runSoak(opts, targets.ours, runCase);

  // 9. Report.
  const summary = summarise(samples);
  if (opts.rounds > 0) printReport(opts, summary, rss, targets);
  if (opts.rounds > 0 && baseline) printWholeStack(opts, summary, targets, baseline);
  if (soak) printSoak(opts, soak);
  if (opts.json) {
    writeFileSync(
      resolve(opts.json),
      JSON.stringify(
        {
          node: process.version,
          cores: cpus().length,
          database: store.summary(),
          options: { ...opts, mariadbUrl: opts.mariadbUrl && redacted(opts.mariadbUrl) },
          summary,
          rss,
          soak,
        },
        null,
        2,
      ),
    );
    console.log(`\nresults written to ${resolve(opts.json)}`);
  }
}

/**
 * The request bodies of each query for one stack: the cursors of up to MAX_PAGES full pages, read
 * from the subgraph that owns the root field (page 1 alone with --same-query).
 */
async function pageBodies(opts, stack) {
  const bodies = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const afters = [null];
    while (!opts.sameQuery && afters.length < MAX_PAGES) {
      const page = await verify(
        `${q.owner} pages`,
        stack.subgraphUrl[q.owner],
        graphqlBody(q.pages, { after: afters.at(-1) }),
        undefined,
        stack.subgraphHeaders,
      );
      const { endCursor, hasNextPage } = q.connection(page.json.data).pageInfo;
      if (!hasNextPage) {
        afters.pop(); // the last page may be short
        break;
      }
      afters.push(endCursor);
    }
    if (afters.length === 0) throw new Error(`${name}: the dataset has no full page: seed a larger --scale`);
    bodies[name] = afters.map((after) => graphqlBody(q.text, { after }));
  }
  return bodies;
}

/** An answer with every `id` field left out, to compare two builds whose ids may be generated differently. */
function withoutIds(answer) {
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== "id")
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return value;
  };
  return { json: { data: strip(answer.json.data) } };
}

/** `--service-level-report`: the report case on a dataset seeded beforehand (see lib/report-case.mjs). */
async function reportCase(opts) {
  const databaseUrls = Object.fromEntries(
    SUBGRAPHS.map((n) => `${n.toUpperCase()}_DATABASE_URL`)
      .filter((key) => process.env[key])
      .map((key) => [key, process.env[key]]),
  );
  if (!opts.dataDir && !databaseUrls.OPERATIONS_DATABASE_URL) {
    console.error("--service-level-report needs --data-dir DIR (seeded) or the <NAME>_DATABASE_URL variables");
    process.exit(2);
  }
  console.log(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (${cpus().length} cores)`,
  );
  await runReportCase({
    opts,
    root: ROOT,
    subgraphs: SUBGRAPHS,
    gatewayEntry: GATEWAYS.ours.entry,
    // With MariaDB a temporary DATA_DIR (removed at the end) only holds the development secret.
    env: cleanEnv({
      DATA_DIR: opts.dataDir ?? (dataDir = mkdtempSync(join(tmpdir(), "itsm-bench-"))),
      ...databaseUrls,
    }),
    freePort,
    host: HOST,
    auth: AUTH,
    checkpoint,
  });
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
}

async function runSoak(opts, target, runCase) {
  const c = { target: "ours", query: "cross", connections: opts.connections };
  const warm = Math.max(opts.warmup, 10);
  console.log(`\nsoak: ${warm} s warm-up, then ${opts.soak} s of the cross-subgraph query on our gateway …`);
  await runCase(c, warm);
  const afterWarmup = rssOf(target.pid);
  const trace = [];
  const started = Date.now();
  const sampler = setInterval(
    () => trace.push({ s: Math.round((Date.now() - started) / 1000), rss: rssOf(target.pid) }),
    5_000,
  );
  let result;
  try {
    result = await runCase(c, opts.soak);
  } finally {
    clearInterval(sampler);
  }
  const end = rssOf(target.pid);
  const sorted = Float64Array.from(result.latencies).sort();
  return {
    seconds: result.seconds,
    rps: result.rps,
    p95: percentile(sorted, 95),
    failures: result.errors + result.non2xx + result.mismatches,
    afterWarmup,
    end,
    max: Math.max(afterWarmup, end, ...trace.map((t) => t.rss ?? 0)),
    trace,
  };
}

function summarise(samples) {
  const out = {};
  for (const [key, s] of samples) {
    if (s.runs.length === 0) continue;
    const all = new Float64Array(s.runs.reduce((n, r) => n + r.latencies.length, 0));
    let at = 0;
    for (const r of s.runs) {
      all.set(r.latencies, at);
      at += r.latencies.length;
    }
    all.sort();
    const ok = s.runs.reduce((n, r) => n + r.ok, 0);
    const seconds = s.runs.reduce((n, r) => n + r.seconds, 0);
    const perRound = s.runs.map((r) => r.rps);
    out[key] = {
      target: s.target,
      query: s.query,
      connections: s.connections,
      rps: ok / seconds,
      rpsMin: Math.min(...perRound),
      rpsMax: Math.max(...perRound),
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      p99: percentile(all, 99),
      requests: ok,
      failures: s.runs.reduce((n, r) => n + r.errors + r.non2xx + r.mismatches, 0),
      targetCpuMsPerRequest: (s.runs.reduce((n, r) => n + r.targetCpu, 0) * 1000) / ok,
      subgraphCpuMsPerRequest: (s.runs.reduce((n, r) => n + r.subgraphCpu, 0) * 1000) / ok,
      processCpuMsPerRequest: Object.fromEntries(
        Object.keys(s.runs[0].processCpu ?? {}).map((name) => [
          name,
          (s.runs.reduce((n, r) => n + r.processCpu[name], 0) * 1000) / ok,
        ]),
      ),
    };
  }
  return out;
}

/** The first cells of a row of either table: query, target or stack, rps (min–max of the rounds), p50, p95. */
function leadingCells(query, label, s) {
  return [query, label, `${fixed(s.rps, 0)} (${fixed(s.rpsMin, 0)}–${fixed(s.rpsMax, 0)})`, fixed(s.p50), fixed(s.p95)];
}

function printReport(opts, summary, rss, targets) {
  const get = (target, query, connections = opts.connections) => summary[`${target} ${query} c${connections}`];
  console.log(
    `\n## Results — Node ${process.version}, ${cpus().length} cores, ${store.describe()}, --scale ${opts.scale}, ` +
      `${opts.rounds} rounds × ${opts.duration} s, ${opts.connections} connections, ` +
      (opts.sameQuery ? "same query every time" : `${MAX_PAGES}-page walk`),
  );
  console.log("\nrps: requests per second over all rounds (min–max of the rounds); latencies over every request.");
  console.log(
    "× stock: rps ratio (higher is better) and p95 ratio (lower is better) against the stock Apollo gateway.\n",
  );
  const rows = [];
  for (const query of Object.keys(QUERIES)) {
    const stock = get("apollo-stock", query);
    const names = [...opts.gateways, ...(opts.baseline ? [BASELINE] : []), ...(query === "one" ? [DIRECT] : [])];
    for (const name of names) {
      const s = get(name, query);
      if (!s) continue;
      rows.push([
        ...leadingCells(query, targets[name].label, s),
        fixed(s.p99),
        stock && name !== DIRECT ? ratio(s.rps / stock.rps) : "",
        stock && name !== DIRECT ? ratio(s.p95 / stock.p95) : "",
        fixed(s.targetCpuMsPerRequest, 2),
        fixed(s.subgraphCpuMsPerRequest, 2),
        String(s.failures),
        rss[name] ? mb(rss[name].start) : "",
        rss[name] ? mb(rss[name].end) : "",
      ]);
    }
  }
  console.log(
    table(
      [
        "query",
        "target",
        "rps (min–max)",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "rps × stock",
        "p95 × stock",
        "CPU ms/req",
        "subgraphs CPU ms/req",
        "failed",
        "RSS start MB",
        "RSS end MB",
      ],
      rows,
      ["left", "left"],
    ),
  );
  console.log("\nQueries: cross = " + QUERIES.cross.label + "; one = " + QUERIES.one.label + ".");
  console.log(
    "CPU ms/req: CPU time of the target process (the gateway; for the direct row the catalog subgraph) per answered " +
      "request; subgraphs CPU ms/req: the three subgraphs' together (the direct row's includes its own target).",
  );
  console.log("RSS: the gateway process before its warm-up, and after its last measured run.");
  console.log(`load average (1 min) at the start ${fixed(loadAtStart, 2)}, at the end ${fixed(loadavg()[0], 2)}.`);

  // Targets from the issue.
  console.log("\n### Against the targets\n");
  const lines = [];
  const stockCross = get("apollo-stock", "cross");
  const oursCross = get("ours", "cross");
  if (stockCross && oursCross) {
    const r = oursCross.rps / stockCross.rps;
    const p = oursCross.p95 / stockCross.p95;
    lines.push(["ours ≥ 2× stock rps (cross)", ratio(r), r >= 2 ? "met" : "not met"]);
    lines.push(["ours p95 no worse than stock (cross)", ratio(p), p <= 1 ? "met" : "not met"]);
  }
  const stockOne = get("apollo-stock", "one");
  const oursOne = get("ours", "one");
  if (stockOne && oursOne) {
    const r = oursOne.rps / stockOne.rps;
    const p = oursOne.p95 / stockOne.p95;
    lines.push(["ours ≥ 2× stock rps (one)", ratio(r), r >= 2 ? "met" : "not met"]);
    lines.push(["ours p95 no worse than stock (one)", ratio(p), p <= 1 ? "met" : "not met"]);
  }
  for (const connections of [...new Set([opts.connections, 1])]) {
    const direct = get(DIRECT, "one", connections);
    const ours = get("ours", "one", connections);
    if (!direct || !ours) continue;
    const overhead = ours.p95 / direct.p95 - 1;
    lines.push([
      `one-subgraph p95 overhead ≤ 25% (${connections} conn.): ${fixed(ours.p95)} vs ${fixed(direct.p95)} ms direct`,
      percent(overhead),
      overhead <= 0.25 ? "met" : "not met",
    ]);
  }
  console.log(table(["target", "measured", "verdict"], lines, ["left", "right", "left"]));
}

/**
 * `--baseline`: the whole stack of today (our gateway + today's subgraphs) against the baseline's
 * (stock gateway + its subgraphs), CPU per request of every process, and the targets of issue 17.
 */
function printWholeStack(opts, summary, targets, baseline) {
  const get = (target, query, connections = opts.connections) => summary[`${target} ${query} c${connections}`];
  console.log(
    `\n### Whole stack: ours (our gateway + today's subgraphs) against the baseline ${baseline.short} ` +
      `(${baseline.ref}: stock @apollo/gateway + its subgraphs), ${store.describe()}\n`,
  );
  // The bench's own MariaDB server serves both stacks, one case at a time: its CPU in a case is that stack's.
  const database = (s) => s.processCpuMsPerRequest[DATABASE];
  const withDatabase = Object.values(summary).some((s) => database(s) !== undefined);
  const rows = [];
  for (const query of Object.keys(QUERIES)) {
    const base = get(BASELINE, query);
    for (const name of ["ours", BASELINE]) {
      const s = get(name, query);
      if (!s || !base) continue;
      const prefix = name === BASELINE ? "baseline " : "";
      const own = Object.entries(s.processCpuMsPerRequest)
        .filter(([process]) => (name === BASELINE ? process.startsWith(prefix) : !process.startsWith("baseline ")))
        .filter(([process]) => !process.endsWith(" gateway") && process !== DATABASE)
        .map(([process, ms]) => `${process.slice(prefix.length)} ${fixed(ms, 2)}`)
        .join(", ");
      rows.push([
        ...leadingCells(query, targets[name].label, s),
        name === BASELINE ? "" : ratio(s.rps / base.rps),
        name === BASELINE ? "" : ratio(s.p95 / base.p95),
        fixed(s.targetCpuMsPerRequest, 2),
        fixed(s.subgraphCpuMsPerRequest, 2),
        own,
        ...(withDatabase ? [fixed(database(s), 2)] : []),
        fixed(s.targetCpuMsPerRequest + s.subgraphCpuMsPerRequest + (withDatabase ? database(s) : 0), 2),
      ]);
    }
  }
  console.log(
    table(
      [
        "query",
        "stack",
        "rps (min–max)",
        "p50 ms",
        "p95 ms",
        "rps × baseline",
        "p95 × baseline",
        "gateway CPU ms/req",
        "subgraphs CPU ms/req",
        "per subgraph CPU ms/req",
        ...(withDatabase ? ["MariaDB CPU ms/req"] : []),
        "stack CPU ms/req",
      ],
      rows,
      ["left", "left"],
    ),
  );

  const lines = [];
  const verdict = (ok) => (ok ? "met" : "not met");
  const ours = get("ours", "cross");
  const base = get(BASELINE, "cross");
  if (ours && base) {
    const r = ours.rps / base.rps;
    const p = ours.p95 / base.p95;
    const c = ours.subgraphCpuMsPerRequest / base.subgraphCpuMsPerRequest;
    lines.push([
      `whole stack ≥ 2× baseline rps (cross): ${fixed(ours.rps, 0)} vs ${fixed(base.rps, 0)}`,
      ratio(r),
      verdict(r >= 2),
    ]);
    lines.push([
      `p95 no worse than the baseline (cross): ${fixed(ours.p95)} vs ${fixed(base.p95)} ms`,
      ratio(p),
      verdict(p <= 1),
    ]);
    lines.push([
      `subgraphs CPU/req ≤ ½ baseline (cross): ${fixed(ours.subgraphCpuMsPerRequest, 2)} vs ${fixed(base.subgraphCpuMsPerRequest, 2)} ms`,
      ratio(c),
      verdict(c <= 0.5),
    ]);
  }
  for (const query of Object.keys(QUERIES)) {
    // The stock gateway in front of today's subgraphs when it ran (the same subgraph answers), else the baseline's.
    const stock = get("apollo-stock", query) ?? get(BASELINE, query);
    const mine = get("ours", query);
    if (!stock || !mine) continue;
    const c = mine.targetCpuMsPerRequest / stock.targetCpuMsPerRequest;
    lines.push([
      `gateway CPU/req ≤ ½ stock gateway's (${query}): ${fixed(mine.targetCpuMsPerRequest, 2)} vs ${fixed(stock.targetCpuMsPerRequest, 2)} ms`,
      ratio(c),
      verdict(c <= 0.5),
    ]);
  }
  console.log("");
  console.log(table(["target (issue 17)", "measured", "verdict"], lines, ["left", "right", "left"]));
  console.log(
    "(one-subgraph p95 overhead: the targets above; memory: --soak; gateway CPU against the stock gateway in front of " +
      "today's subgraphs when it runs, else the baseline's.)",
  );
  if (store.kind === "mariadb") {
    console.log(
      withDatabase
        ? "(MariaDB CPU: the bench's own server, shared by both stacks, one case at a time; counted in the stack's CPU.)"
        : "(MariaDB CPU: not measured — the server at --mariadb-url is not a process of this run.)",
    );
  }
}

function printSoak(opts, soak) {
  const growth = soak.end - soak.afterWarmup;
  console.log(`\n### Soak: our gateway, cross-subgraph query, ${opts.connections} connections, ${opts.soak} s\n`);
  console.log(
    table(
      ["rps", "p95 ms", "failed", "RSS after warm-up MB", "RSS end MB", "RSS max MB", "growth", "growth < 10%"],
      [
        [
          fixed(soak.rps, 0),
          fixed(soak.p95),
          String(soak.failures),
          mb(soak.afterWarmup),
          mb(soak.end),
          mb(soak.max),
          `${mb(growth)} MB (${percent(growth / soak.afterWarmup)})`,
          growth / soak.afterWarmup < 0.1 ? "met" : "not met",
        ],
      ],
    ),
  );
  console.log(`RSS every 5 s (MB): ${soak.trace.map((t) => mb(t.rss)).join(" ")}`);
}

try {
  await main();
} catch (error) {
  if (error instanceof Interrupted) {
    process.exitCode = 130;
  } else {
    console.error(`\nbench failed: ${error.stack ?? error}`);
    for (const [name, text] of recentOutput()) console.error(`\n--- the last output of ${name} ---\n${text}`);
    process.exitCode = 1;
  }
} finally {
  await stopAll();
  // Drops the databases it created on a --mariadb-url server (the forced paths only name them).
  await store?.remove().catch((error) => console.error(`bench: removing the databases failed: ${error.message}`));
  removeData();
  await baselineCheckout?.remove();
  // An interrupted autocannon run can leave its 10 s request timers behind: do not wait for them.
  process.exit(process.exitCode ?? 0);
}
