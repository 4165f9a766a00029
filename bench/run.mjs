// The gateway benchmark behind `npm run bench` (see bench/README.md): seeds a large dataset, starts
// the three subgraphs once, then loads our gateway, a stock Apollo gateway and Hive Gateway in front
// of the same subgraphs, in alternation, and prints throughput, latency and memory side by side.
// The steps live in lib/: options, cases (what is measured), stacks (starting the processes),
// requests (bodies and verification), rounds (the load), report (the tables), lifecycle (cleanup).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { benchAuth } from "./lib/auth.mjs";
import { prepareBaseline } from "./lib/baseline.mjs";
import { casesOf, GATEWAYS, MAX_PAGES, ROOT, SEEDED, SUBGRAPHS } from "./lib/cases.mjs";
import { openStore, redacted } from "./lib/databases.mjs";
import {
  checkpoint,
  installSignalHandlers,
  ownBaselineCheckout,
  ownDataDir,
  ownStore,
  runToEnd,
} from "./lib/lifecycle.mjs";
import { options } from "./lib/options.mjs";
import { rssOf, runScript } from "./lib/processes.mjs";
import { runReportCase } from "./lib/report-case.mjs";
import { printReport, printSoak, printWholeStack } from "./lib/report.mjs";
import { requestBodies, verifyTargets } from "./lib/requests.mjs";
import { caseRunner, measuredRounds, runSoak, summarise, warmUp } from "./lib/rounds.mjs";
import { childEnvironment, startStacks } from "./lib/stacks.mjs";

installSignalHandlers();
const AUTH = await benchAuth();
const cleanEnv = childEnvironment(AUTH);
let loadAtStart;

// --- the benchmark ----------------------------------------------------------------------------

async function main() {
  const opts = options();
  loadAtStart = loadavg()[0];
  if (opts.serviceLevelReport) return reportCase(opts);
  for (const entry of [GATEWAYS.ours.entry, ...SUBGRAPHS.map((s) => join(ROOT, "subgraphs", s, "dist", "index.js"))]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm run bench does)`);
  }

  const cases = casesOf(opts);
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
      track: ownBaselineCheckout,
    });
    ownBaselineCheckout(baseline);
    console.log(`baseline ${baseline.short}: subgraphs ${baseline.subgraphs.join(", ")}\n`);
    checkpoint();
  }
  const profile = (name) => (opts.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${join(opts.cpuProf, name)}`] : undefined);

  // 1. Fresh data for each stack, seeded at the requested scale (only the subgraphs the queries read):
  //    a temporary embedded database, or MariaDB databases migrated first; each stack by its own
  //    scripts/db.mjs (the same data, if the baseline's seed has not changed: the answers are compared below).
  const store = ownStore(
    openStore({
      db: opts.db,
      mariadbUrl: opts.mariadbUrl,
      reuse: opts.reuseDatabases,
      scale: opts.scale,
      env: cleanEnv,
      runScript,
      log: (message) => console.log(message),
    }),
  );
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

  // 2–3. The stacks: the subgraphs, each on a loopback port and told where the others are, then the
  //      gateways, one process each, all over the committed supergraph and the same subgraphs.
  const { targets, processes, stacks } = await startStacks({
    opts,
    auth: AUTH,
    env: cleanEnv,
    data,
    baseline,
    baselineData,
    serverPid: store.serverPid,
    profile,
  });

  // 4. The request bodies of each stack; 5. every target verified on every one of them.
  const bodies = await requestBodies(opts, stacks);
  const bodiesOf = (c) => bodies[targets[c.target].stack][c.query];
  const valid = await verifyTargets({ opts, cases, targets, bodies, bodiesOf });

  const rss = {};
  for (const name of opts.gateways) rss[name] = { start: rssOf(targets[name].pid) };
  const runCase = caseRunner({ targets, stacks, processes, bodiesOf, valid });

  // 6. Warm-up: every case once, unmeasured (JIT, connection pools, query-plan caches).
  if (opts.warmup > 0 && opts.rounds > 0) await warmUp(opts, warmCases, runCase);

  // 7. Measured rounds: every case once per round, in a new random order each round.
  const samples = await measuredRounds(opts, cases, runCase, { rss, targets });

  // 8. Optional soak: sustained load on our gateway, RSS after warm-up against RSS at the end.
  let soak;
  if (opts.soak) soak = await runSoak(opts, targets.ours, runCase);

  // 9. Report.
  const summary = summarise(samples);
  if (opts.rounds > 0) printReport(opts, summary, rss, targets, { store, loadAtStart });
  if (opts.rounds > 0 && baseline) printWholeStack(opts, summary, targets, baseline, { store });
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
    gateway: GATEWAYS.ours,
    // With MariaDB a temporary DATA_DIR (removed at the end) only holds the development secret.
    env: cleanEnv({
      DATA_DIR: opts.dataDir ?? ownDataDir(mkdtempSync(join(tmpdir(), "itsm-bench-"))),
      ...databaseUrls,
    }),
    auth: AUTH,
    checkpoint,
  });
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
}

await runToEnd(main);
