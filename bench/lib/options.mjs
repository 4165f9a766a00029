// The command line of bench/run.mjs: the usage text and the options, checked once (exit 2 with the
// reason on a wrong one). `--candidate NAME=DIR` registers the candidate in GATEWAYS.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { GATEWAYS, MAX_PAGES, QUERIES } from "./cases.mjs";

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
  --queries LIST     comma-separated subset of cross,one (default: both); e.g. --queries cross for a profile
                     of the cross page alone
  --same-query       send the first page every time instead of walking through up to ${MAX_PAGES} pages
  --soak S           afterwards, S seconds of sustained load on our gateway, RSS tracked (default: off)
  --json FILE        also write the results as JSON to FILE
  --candidate N=DIR  also run a variant of our gateway built into DIR (DIR/index.js) under the name N,
                     for A/B trials in the same run (repeatable); e.g. tsc -p gateway/tsconfig.build.json
                     --outDir .bench-candidates/N after a local change
  --node-args N:ARGS Node options for one gateway of the run (repeatable), e.g. with --candidate semi=gateway/dist:
                     "semi:--max-semi-space-size=64", for A/B trials of a setting on one build
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

/** The options of a run (prints the usage and exits on --help or a wrong option). */
export function options() {
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
      queries: { type: "string", default: Object.keys(QUERIES).join(",") },
      "same-query": { type: "boolean", default: false },
      json: { type: "string" },
      candidate: { type: "string", multiple: true, default: [] },
      "node-args": { type: "string", multiple: true, default: [] },
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
    GATEWAYS[match[1]] = { label: `ours, candidate ${match[1]}`, entry, execArgv: GATEWAYS.ours.execArgv };
  }
  for (const spec of values["node-args"]) {
    const match = /^([a-z][a-z0-9-]*):(.+)$/.exec(spec);
    if (!match || !GATEWAYS[match[1]]) {
      console.error(`--node-args must be NAME:ARGS for a gateway or candidate of the run (got "${spec}")`);
      process.exit(2);
    }
    GATEWAYS[match[1]].execArgv = [...(GATEWAYS[match[1]].execArgv ?? []), ...match[2].split(" ").filter(Boolean)];
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
  const queries = values.queries.split(",").map((q) => q.trim());
  if (queries.length === 0 || queries.some((q) => !QUERIES[q])) {
    console.error(`--queries: choose from ${Object.keys(QUERIES).join(", ")} (got "${values.queries}")`);
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
    queries,
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
