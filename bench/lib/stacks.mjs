// Starting the stacks of a run: today's subgraphs and the gateways under test in front of them, and
// the baseline's subgraphs behind a stock gateway. Every process listens on a port it cannot lose
// (see startSubgraphs); the harness learns each URL from the process's "ready" message.
import { freePort } from "@itsm/runtime";
import { join } from "node:path";
import process from "node:process";
import { baselineIdentityHeaders } from "./baseline.mjs";
import { BASELINE, DATABASE, DIRECT, GATEWAYS, HOST, ROOT, SUBGRAPHS, SUPERGRAPH } from "./cases.mjs";
import { checkpoint } from "./lifecycle.mjs";
import { retryOnLostPort, startProcess, stopProcess } from "./processes.mjs";

/** The environment of every child: the parent's, minus anything that would point it elsewhere. */
export function childEnvironment(auth) {
  return (extra) => {
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
      ...auth.env,
      NODE_ENV: "production",
      HOST,
      LOG_LEVEL: "warn",
      RATE_LIMIT_POINTS: "1000000000",
      ...extra,
    };
  };
}

/** A promise's outcome as Promise.allSettled gives it. */
const outcome = [(value) => ({ status: "fulfilled", value }), (reason) => ({ status: "rejected", reason })];

/** `count` loopback ports free right now, all different. */
async function freePorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort(HOST));
  return [...ports];
}

/**
 * Starts the named subgraphs of the checkout at `root` on loopback ports, each told where the others
 * are (`<NAME>_URL`), with `env` (the caller's whole environment); `label` prefixes their names.
 * The subgraphs call each other and read the peers' URLs once at start (today's and the baseline's
 * alike), so the ports are picked before any of them listens, and another process can bind one in
 * between ("port … already in use"). A started subgraph holds its port, so only that window can
 * lose one: then every subgraph of the set is stopped and the set started again on new ports
 * (retryOnLostPort). `oneAtATime`: each starts once the previous is ready (else all at once).
 */
export function startSubgraphs({ names, root, env, label = "", execArgv, oneAtATime = false }) {
  return retryOnLostPort(`the ${label}subgraphs`, async () => {
    const ports = await freePorts(names.length);
    const urls = Object.fromEntries(
      names.map((n, i) => [`${n.toUpperCase()}_URL`, `http://${HOST}:${ports[i]}/graphql`]),
    );
    const start = (name, i) =>
      startProcess(`${label}${name}`, join(root, "subgraphs", name, "dist", "index.js"), {
        cwd: root,
        env: { ...env, ...urls, [`${name.toUpperCase()}_PORT`]: String(ports[i]) },
        execArgv: execArgv?.(name),
      });
    const settled = [];
    if (oneAtATime) {
      for (const [i, name] of names.entries()) {
        settled.push(await start(name, i).then(...outcome));
        if (settled.at(-1).status === "rejected") break;
      }
    } else {
      settled.push(...(await Promise.allSettled(names.map(start))));
    }
    const failures = settled.filter((s) => s.status === "rejected").map((s) => s.reason);
    if (failures.length === 0) return { urls, started: settled.map((s) => s.value) };
    // All of the set or none: the others were told the lost port.
    await Promise.all(settled.filter((s) => s.status === "fulfilled").map((s) => stopProcess(s.value.child)));
    throw failures.find((error) => error.code !== "EADDRINUSE") ?? failures[0];
  });
}

/**
 * The subgraphs' background jobs off (agreements' lifecycle scheduler and webhook delivery,
 * operations' figures job): they are not request work, and the release has none.
 */
export const NO_BACKGROUND_JOBS = {
  LIFECYCLE_INTERVAL_SECONDS: "0",
  WEBHOOK_DELIVERY_INTERVAL_SECONDS: "0",
  PERFORMANCE_REFRESH_SECONDS: "0",
};

/**
 * Starts today's stack (its subgraphs, then each gateway of `--gateways` on port 0 over the committed
 * supergraph) and, with `--baseline`, the baseline's (its subgraphs, then the stock gateway over its
 * supergraph). Returns the targets (label, url, pid, headers, stack), every process's pid by name (for
 * CPU per request), and each stack's subgraphs (pids, URLs, the headers they accept).
 *
 * The subgraphs' background jobs are off (agreements' lifecycle scheduler and webhook delivery,
 * operations' figures job): they are not request work, the baseline has none, and at scale they
 * take a core for minutes (the figures job for an hour, see "Service level report at scale").
 */
export async function startStacks({ opts, auth, env, data, baseline, baselineData, serverPid, profile }) {
  const subgraphEnv = (stackData) => env({ ...NO_BACKGROUND_JOBS, ...stackData, SEED_ON_START: "false" });
  const { urls, started: subgraphs } = await startSubgraphs({
    names: SUBGRAPHS,
    root: ROOT,
    env: subgraphEnv(data),
    execArgv: (name) => profile(name),
  });
  for (const s of subgraphs) console.log(`${s.name} subgraph at ${s.url}`);
  checkpoint();

  // The gateways, one process each, all over the committed supergraph and the same subgraphs.
  const gatewayEnv = env({
    PORT: "0",
    SUPERGRAPH_PATH: SUPERGRAPH,
    BENCH_SUBGRAPH_HEADERS: JSON.stringify(auth.subgraphHeaders),
    ...urls,
  });
  const targets = {
    [DIRECT]: {
      label: "catalog subgraph, direct",
      url: subgraphs[0].url,
      pid: subgraphs[0].child.pid,
      headers: auth.subgraphHeaders,
      stack: "ours",
    },
  };
  // Every process's pid, for CPU per request; each target's stack is the subgraphs behind it.
  const processes = Object.fromEntries(subgraphs.map((sg) => [sg.name, sg.child.pid]));
  // The bench's own MariaDB server: its CPU during a case is that case's (one case runs at a time).
  if (serverPid) processes[DATABASE] = serverPid;
  const stacks = { ours: stackOf(SUBGRAPHS, subgraphs, auth.subgraphHeaders) };
  for (const name of opts.gateways) {
    const started = await startProcess(name, GATEWAYS[name].entry, {
      cwd: ROOT,
      env: gatewayEnv,
      execArgv: [...(GATEWAYS[name].execArgv ?? []), ...(profile(name) ?? [])],
    });
    processes[`${name} gateway`] = started.child.pid;
    targets[name] = {
      label: GATEWAYS[name].label,
      url: started.url,
      pid: started.child.pid,
      headers: auth.clientHeaders,
      stack: "ours",
    };
    console.log(`${GATEWAYS[name].label} at ${started.url} (pid ${started.child.pid})`);
    checkpoint();
  }
  if (baseline)
    await startBaseline({ auth, env, baseline, data: subgraphEnv(baselineData), profile, targets, processes, stacks });
  return { targets, processes, stacks };
}

/** A stack's subgraphs as the cases use them: pids, URL by name, the headers they accept. */
function stackOf(names, started, subgraphHeaders) {
  return {
    subgraphPids: started.map((sg) => sg.child.pid),
    subgraphUrl: Object.fromEntries(names.map((name, i) => [name, started[i].url])),
    subgraphHeaders,
  };
}

/** The baseline: its subgraphs on its own data, the stock gateway over its supergraph (added to the maps given). */
async function startBaseline({ auth, env, baseline, data, profile, targets, processes, stacks }) {
  const { urls, started } = await startSubgraphs({
    names: baseline.subgraphs,
    root: baseline.dir,
    env: data,
    label: "baseline ",
    execArgv: (name) => profile(`baseline-${name}`),
  });
  const { identity, secret, seconds } = auth.signing;
  const headers = await baselineIdentityHeaders(baseline.dir, identity, secret, seconds);
  stacks.baseline = stackOf(baseline.subgraphs, started, headers);
  for (const [i, sg] of started.entries()) {
    const name = baseline.subgraphs[i];
    console.log(`baseline ${name} subgraph at ${sg.url}`);
    processes[`baseline ${name}`] = sg.child.pid;
  }
  const gateway = await startProcess("baseline gateway", GATEWAYS["apollo-stock"].entry, {
    cwd: ROOT,
    env: env({
      PORT: "0",
      SUPERGRAPH_PATH: baseline.supergraph,
      BENCH_SUBGRAPHS: baseline.subgraphs.join(","),
      BENCH_SUBGRAPH_HEADERS: JSON.stringify(headers),
      ...urls,
    }),
    execArgv: profile("baseline-gateway"),
  });
  processes["baseline gateway"] = gateway.child.pid;
  targets[BASELINE] = {
    label: `baseline ${baseline.short}: stock gateway + its subgraphs`,
    url: gateway.url,
    pid: gateway.child.pid,
    headers: auth.clientHeaders,
    stack: "baseline",
  };
  console.log(`${targets[BASELINE].label} at ${gateway.url} (pid ${gateway.child.pid})`);
  checkpoint();
}
