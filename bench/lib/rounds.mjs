// The load of a run: one case at a time (with the CPU time every process used during it), the
// warm-up, the measured rounds in alternation (a new random order each round), their summary, and
// the soak.
import { setInterval, clearInterval } from "node:timers";
import { setTimeout as delay } from "node:timers/promises";
import { keyOf } from "./cases.mjs";
import { checkpoint } from "./lifecycle.mjs";
import { load, percentile } from "./load.mjs";
import { cpuSecondsOf, rssOf } from "./processes.mjs";
import { fixed } from "./report.mjs";

/** The list in a new random order (Fisher–Yates). */
function shuffle(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Runs one case for `seconds` against its target: `runCase(c, seconds)` resolves with the load's
 * result plus the CPU time (seconds) the target, its stack's subgraphs and every process used.
 * Throws when no request succeeded; warns with the first wrong answer when some failed.
 */
export function caseRunner({ targets, stacks, processes, bodiesOf, valid }) {
  // CPU time every process used during a run: the target (a gateway, or the catalog subgraph when
  // queried directly), the subgraphs of its stack, and each process on its own. Per request, it
  // depends far less on what else runs than rps and latency do.
  const cpu = (pids) => pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const cpuOfAll = () => Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSecondsOf(pid)]));
  return async (c, seconds) => {
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
}

/** Warm-up: every case at full concurrency once, unmeasured (JIT, connection pools, query-plan caches). */
export async function warmUp(opts, warmCases, runCase) {
  console.log(`\nwarming up (${opts.warmup} s per case) …`);
  for (const c of shuffle(warmCases)) {
    const r = await runCase(c, opts.warmup);
    console.log(`  ${keyOf(c).padEnd(28)} ${fixed(r.rps, 0).padStart(6)} req/s`);
    await delay(500);
  }
}

/**
 * The measured rounds: every case once per round, in a new random order each round; each run's
 * result by case key. Tracks the RSS of each gateway in `rss` after its runs.
 */
export async function measuredRounds(opts, cases, runCase, { rss, targets }) {
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
  return samples;
}

/** The soak (`--soak S`): sustained load on our gateway, RSS after the warm-up against RSS at the end. */
export async function runSoak(opts, target, runCase) {
  const c = { target: "ours", query: "cross", connections: opts.connections };
  const warm = Math.max(opts.warmup, 10);
  console.log(`\nsoak: ${warm} s warm-up, then ${opts.soak} s of the cross-subgraph query on our gateway …`);
  await runCase(c, warm);
  const afterWarmup = rssOf(target.pid);
  const trace = [];
  const started = Date.now();
  // Every 5 s: the RSS, and the JS heap live after the gateway's last full collection (its /metrics).
  const sample = async () => {
    const point = { s: Math.round((Date.now() - started) / 1000), rss: rssOf(target.pid) };
    trace.push(point);
    point.live = await liveHeapOf(target.url);
  };
  const pending = [];
  const sampler = setInterval(() => pending.push(sample()), 5_000);
  let result;
  try {
    result = await runCase(c, opts.soak);
  } finally {
    clearInterval(sampler);
  }
  const end = rssOf(target.pid);
  await Promise.all(pending);
  const live = trace.map((t) => t.live).filter((v) => v > 0);
  const sorted = Float64Array.from(result.latencies).sort();
  return {
    seconds: result.seconds,
    rps: result.rps,
    p95: percentile(sorted, 95),
    failures: result.errors + result.non2xx + result.mismatches,
    afterWarmup,
    end,
    max: Math.max(afterWarmup, end, ...trace.map((t) => t.rss ?? 0)),
    live: live.length > 0 ? { first: live[0], last: live.at(-1), max: Math.max(...live) } : undefined,
    trace,
  };
}

/**
 * The gateway's `nodejs_heap_live_after_full_gc_bytes` (what its live objects take after its last
 * full collection), or undefined when it has none (a gateway without that metric, or none yet).
 */
async function liveHeapOf(url) {
  try {
    const text = await (await fetch(new URL("/metrics", url), { signal: AbortSignal.timeout(2_000) })).text();
    const line = text.split("\n").find((l) => l.startsWith("nodejs_heap_live_after_full_gc_bytes"));
    const value = Number(line?.split(" ").pop());
    return value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Each case over all its rounds: rps, exact percentiles, failures, CPU per request (by process too). */
export function summarise(samples) {
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
