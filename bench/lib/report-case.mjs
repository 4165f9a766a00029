// The service level report case (`node bench/run.mjs --service-level-report`, issue 13 item 8): a
// page of 50 of `serviceLevelReport` through our gateway, one request at a time, p50/p95/p99. It
// needs a dataset seeded beforehand (`--data-dir DIR` seeded by `DATA_DIR=DIR node scripts/db.mjs
// seed --scale 10000`, or the <NAME>_DATABASE_URL variables of seeded MariaDB databases), and waits
// until the operations subgraph's job has stored the period's figures before it measures.
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { percentile, post } from "./load.mjs";
import { startProcess } from "./processes.mjs";
import { startSubgraphs } from "./stacks.mjs";

const require = createRequire(import.meta.url);

export const REPORT_QUERY = `query ServiceLevelReport($period: String!, $after: String) {
  serviceLevelReport(period: $period, first: 50, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { status achieved sampleSize breaches errorBudget { allowed consumed remaining unit } target { id } agreement { id } }
  } }`;

/** The month before `now` (UTC), e.g. "2026-11": a closed period, what "breached last month" asks. */
export function previousMonth(now = new Date()) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * Reads the operations database's `performance_snapshots` / `target_figures` progress for a period,
 * and whether its rows follow agreements' current catalogue revision (`catalogue_revisions`): after
 * a catalogue change the job reconciles them first — else the first request would, inside itself.
 */
async function progressReader(dataDir, databaseUrl, agreementsUrl) {
  const sql = {
    snapshot: "SELECT ready, revision FROM performance_snapshots WHERE period = ?",
    rows: "SELECT COUNT(*) AS n, SUM(stale) AS stale FROM target_figures WHERE period = ?",
    revision: "SELECT COALESCE(SUM(changeCount), 0) AS revision FROM catalogue_revisions",
  };
  const progressOf = (snapshot, rows, catalogue) => ({
    ready: snapshot?.ready === 1 && snapshot.revision === String(Number(catalogue.revision)),
    rows: Number(rows.n),
    stale: Number(rows.stale ?? 0),
  });
  if (databaseUrl) {
    const mysql = require("mysql2/promise");
    const connection = await mysql.createConnection(databaseUrl);
    const agreements = await mysql.createConnection(agreementsUrl);
    return {
      async read(period) {
        const [[snapshot]] = await connection.query(sql.snapshot, [period]);
        const [[rows]] = await connection.query(sql.rows, [period]);
        const [[catalogue]] = await agreements.query(sql.revision);
        return progressOf(snapshot, rows, catalogue);
      },
      close: async () => {
        await connection.end();
        await agreements.end();
      },
    };
  }
  const Database = require("better-sqlite3");
  const db = new Database(join(dataDir, "operations.sqlite"), { readonly: true, fileMustExist: true });
  const agreements = new Database(join(dataDir, "agreements.sqlite"), { readonly: true, fileMustExist: true });
  return {
    async read(period) {
      const snapshot = db.prepare(sql.snapshot).get(period);
      const rows = db.prepare(sql.rows).get(period);
      return progressOf(snapshot, rows, agreements.prepare(sql.revision).get());
    },
    close: async () => {
      db.close();
      agreements.close();
    },
  };
}

/**
 * Starts the four subgraphs and our gateway over the seeded dataset, waits for the stored figures,
 * then sends the report page after page (walking the cursors, back to the first page after the
 * last) on one connection for `seconds`, and prints the latencies. Throws on any wrong answer.
 */
export async function runReportCase({ opts, root, subgraphs, gateway: ours, env, auth, checkpoint }) {
  const period = opts.period ?? previousMonth();
  const databaseUrl = env.OPERATIONS_DATABASE_URL;
  // The job fetches agreements' whole catalogue (120,110 targets at --scale 10000, 7–8 s on an idle
  // machine): the peer timeout is raised so that a loaded machine does not fail it. One at a time:
  // operations' job finds agreements ready.
  const { urls } = await startSubgraphs({
    names: subgraphs,
    root,
    env: { ...env, SEED_ON_START: "false", SUBGRAPH_TIMEOUT_MS: "300000" },
    oneAtATime: true,
  });
  const gateway = await startProcess("ours", ours.entry, {
    cwd: root,
    env: { ...env, PORT: "0", ...urls },
    execArgv: ours.execArgv,
  });
  console.log(`subgraphs and our gateway (${gateway.url}) started; period ${period}`);

  const progress = await progressReader(env.DATA_DIR, databaseUrl, env.AGREEMENTS_DATABASE_URL);
  const waitStarted = Date.now();
  try {
    for (;;) {
      checkpoint();
      const p = await progress.read(period).catch(() => ({ ready: false, rows: 0, stale: 0 }));
      if (p.ready) break;
      console.log(
        `  waiting for the stored figures of ${period} (computed, following the current catalogue): ${p.rows - p.stale}/${p.rows} targets computed ` +
          `(${Math.round((Date.now() - waitStarted) / 1000)} s)`,
      );
      await delay(15_000);
    }
  } finally {
    await progress.close();
  }
  console.log(`stored figures ready after ${Math.round((Date.now() - waitStarted) / 1000)} s of waiting`);

  const headers = auth.clientHeaders;
  const send = async (after) => {
    const t0 = performance.now();
    const answer = await post(
      gateway.url,
      JSON.stringify({ query: REPORT_QUERY, variables: { period, after } }),
      headers,
    );
    const ms = performance.now() - t0;
    const data = answer.json;
    const report = data?.data?.serviceLevelReport;
    if (data.errors || !report || (report.nodes.length !== 50 && report.pageInfo.hasNextPage)) {
      throw new Error(`wrong answer to the report: ${answer.text.slice(0, 400)}`);
    }
    return { ms, report };
  };
  // Warm-up: JIT, pools, the gateway's query plan, operations' catalogue revision.
  // A warm-up request may meet the subgraphs' start-up work: stalls past the gateway's 10 s were
  // seen here in the first minute after the start (SQLite and MariaDB alike, job on or off; the
  // same pages answer in milliseconds afterwards). They are printed, not measured, at most 5;
  // every measured request must succeed.
  let after = null;
  let failed = 0;
  for (let i = 0; i < 20; i++) {
    try {
      after = (await send(after)).report.pageInfo.endCursor;
    } catch (error) {
      if (++failed >= 5) throw error;
      console.log(`  warm-up request ${i + 1} failed (${String(error.message).slice(0, 160)})`);
      after = null;
    }
  }
  const latencies = [];
  let first = null;
  after = null;
  const until = Date.now() + opts.duration * 1000;
  while (Date.now() < until) {
    checkpoint();
    const { ms, report } = await send(after);
    first ??= report;
    latencies.push(ms);
    after = report.pageInfo.hasNextPage && latencies.length % 100 !== 0 ? report.pageInfo.endCursor : null;
  }
  const sorted = Float64Array.from(latencies).sort();
  const counts = {};
  for (const node of first.nodes) counts[node.status] = (counts[node.status] ?? 0) + 1;
  console.log(
    `\n### Service level report, a page of 50 through our gateway (${databaseUrl ? "MariaDB" : "SQLite"}, period ${period})\n\n` +
      `| requests | p50 ms | p95 ms | p99 ms | max ms | totalCount | first page |\n|---|---|---|---|---|---|---|\n` +
      `| ${latencies.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ` +
      `${percentile(sorted, 99).toFixed(1)} | ${sorted[sorted.length - 1].toFixed(1)} | ${first.totalCount} | ` +
      `${Object.entries(counts)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ")} |`,
  );
  return { period, latencies: latencies.length, p95: percentile(sorted, 95) };
}
