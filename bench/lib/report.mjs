// Turning measurements into the tables the benchmark prints: the results of the gateways against the
// targets, the whole-stack comparison with the baseline, and the soak.
import { cpus, loadavg } from "node:os";
import process from "node:process";
import { BASELINE, DATABASE, DIRECT, MAX_PAGES, QUERIES } from "./cases.mjs";

/** A Markdown table (so it can be pasted into a README as it is), columns padded to line up. */
export function table(header, rows, align = []) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)));
  const pad = (text, i) => (align[i] === "left" ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  const line = (row) => `| ${row.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (align[i] === "left" ? ` ${"-".repeat(w)} ` : ` ${"-".repeat(w - 1)}: `)).join("|")}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
export const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(0) : "–");
export const percent = (value) =>
  Number.isFinite(value) ? `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%` : "–";

/** The first cells of a row of either table: query, target or stack, rps (min–max of the rounds), p50, p95. */
function leadingCells(query, label, s) {
  return [query, label, `${fixed(s.rps, 0)} (${fixed(s.rpsMin, 0)}–${fixed(s.rpsMax, 0)})`, fixed(s.p50), fixed(s.p95)];
}

/**
 * The results of the gateways (and the baseline, the catalog subgraph directly) by query, with the
 * ratios to the stock gateway, and the gateway targets; `run` tells the database and the load average
 * at the start.
 */
export function printReport(opts, summary, rss, targets, run) {
  const get = (target, query, connections = opts.connections) => summary[`${target} ${query} c${connections}`];
  console.log(
    `\n## Results — Node ${process.version}, ${cpus().length} cores, ${run.store.describe()}, --scale ${opts.scale}, ` +
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
  console.log(`load average (1 min) at the start ${fixed(run.loadAtStart, 2)}, at the end ${fixed(loadavg()[0], 2)}.`);

  // Targets from the issue.
  console.log("\n### Against the targets\n");
  const lines = [];
  for (const query of Object.keys(QUERIES)) {
    const stock = get("apollo-stock", query);
    const ours = get("ours", query);
    if (!stock || !ours) continue;
    const r = ours.rps / stock.rps;
    const p = ours.p95 / stock.p95;
    lines.push([`ours ≥ 2× stock rps (${query})`, ratio(r), r >= 2 ? "met" : "not met"]);
    lines.push([`ours p95 no worse than stock (${query})`, ratio(p), p <= 1 ? "met" : "not met"]);
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
export function printWholeStack(opts, summary, targets, baseline, { store }) {
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

/**
 * The soak table: rps, p95, failures and the RSS after the warm-up, at the end, at most, and its
 * growth (the target's rule); then the JS heap live after full collections, first and last sample.
 */
export function printSoak(opts, soak) {
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
  if (soak.live) {
    const { first, last, max } = soak.live;
    console.log(
      `JS heap live after the last full collection (gateway /metrics), every 5 s (MB): ${soak.trace.map((t) => (t.live ? mb(t.live) : "-")).join(" ")}\n` +
        `  first ${mb(first)}, last ${mb(last)}, max ${mb(max)}: ${mb(last - first)} MB (${percent((last - first) / first)})`,
    );
  } else {
    console.log("JS heap live after full collections: not reported by this gateway");
  }
}
