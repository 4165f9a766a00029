#!/usr/bin/env node
// A/B trials of subgraph changes: the subgraph fetches of one cross-subgraph page (the bench's `cross`
// query, as our gateway plans it), sent straight to the subgraphs of two or more builds on the same
// data, builds alternating in rounds; the CPU time of every subgraph process (from /proc) per page.
// No gateway runs, so nothing but the subgraphs' own work is counted. See bench/README.md, "A/B trials
// of a subgraph change".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchAuth } from "./lib/auth.mjs";
import { graphqlBody, post } from "./lib/load.mjs";
import { cpuSecondsOf, runScript, stopAll } from "./lib/processes.mjs";
import { fixed, table } from "./lib/report.mjs";
import { childEnvironment, NO_BACKGROUND_JOBS, startSubgraphs } from "./lib/stacks.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SUBGRAPHS = ["catalog", "customers", "agreements"];
const HELP = `usage: node bench/subgraphs-ab.mjs --variant NAME=DIR [--variant NAME=DIR ...] [options]

  --variant NAME=DIR   a checkout whose subgraphs are built (DIR/subgraphs/<name>/dist); "." is this one
  --env NAME:K=V       an environment variable for one variant's subgraphs (repeatable)
  --node-args NAME:A   Node options for one variant's subgraphs, e.g. "ours:--max-semi-space-size=64"
  --data-dir DIR       the embedded databases to read (kept); otherwise a temporary one seeded at --scale
  --scale N            with no --data-dir: seed catalog, customers and agreements at N (default 10000)
  --fetches F          "ours" (default): the customers fetches of providers and customers merged into one,
                       representations sent once, as our gateway sends them; "apollo": as @apollo/gateway
                       sends them (one fetch each, every representation)
  --seconds S          load per variant per round (default 10)
  --rounds N           rounds, the variants' order alternating (default 3)
  --connections N      pages in flight (default 8)
  --db-pid PID         also count this process's CPU (the database server the variants' --env point at,
                       e.g. mariadbd) in each variant's window, as a column "database" and in "together"`;

const { values } = parseArgs({
  options: {
    variant: { type: "string", multiple: true, default: [] },
    env: { type: "string", multiple: true, default: [] },
    "node-args": { type: "string", multiple: true, default: [] },
    "data-dir": { type: "string" },
    scale: { type: "string", default: "10000" },
    fetches: { type: "string", default: "ours" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "8" },
    "db-pid": { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help || values.variant.length === 0) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}
const positive = (name) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got "${values[name]}")`);
  return n;
};
const [seconds, rounds, connections, scale] = ["seconds", "rounds", "connections", "scale"].map(positive);
if (!["ours", "apollo"].includes(values.fetches)) throw new Error(`--fetches must be ours or apollo`);
const dbPid = values["db-pid"] === undefined ? undefined : Number(values["db-pid"]);
if (dbPid !== undefined && !(Number.isInteger(dbPid) && dbPid > 0 && Number.isFinite(cpuSecondsOf(dbPid)))) {
  throw new Error(`--db-pid must be the pid of a running process (got "${values["db-pid"]}")`);
}
// The processes whose CPU a page costs: the subgraphs, and the database server when given.
const COUNTED = dbPid === undefined ? SUBGRAPHS : [...SUBGRAPHS, "database"];

/** "NAME:VALUE" options of one variant. */
const perVariant = (list, flag) =>
  list.map((item) => {
    const at = item.indexOf(":");
    if (at < 1) throw new Error(`${flag} takes NAME:VALUE (got "${item}")`);
    return [item.slice(0, at), item.slice(at + 1)];
  });
const variants = values.variant.map((spec) => {
  const [name, dir] = spec.split(/=(.*)/s);
  if (!name || !dir) throw new Error(`--variant takes NAME=DIR (got "${spec}")`);
  return { name, root: resolve(dir === "." ? ROOT : dir), env: {}, execArgv: [] };
});
const variantNamed = (name) => {
  const v = variants.find((x) => x.name === name);
  if (!v) throw new Error(`no --variant named ${name}`);
  return v;
};
for (const [name, kv] of perVariant(values.env, "--env")) {
  const [key, value] = kv.split(/=(.*)/s);
  variantNamed(name).env[key] = value ?? "";
}
for (const [name, args] of perVariant(values["node-args"], "--node-args"))
  variantNamed(name).execArgv.push(...args.split(" "));

// The fetches of one page, as the plan of `cross` has them (bench/README.md, "The queries").
const ROOT_FETCH = `query CrossSubgraph__agreements__0($after:String){agreements(first:50,after:$after){nodes{number status provider{__typename id}customers{__typename id}services{__typename id}targets{metric value unit}responsibilities{party description}}}}`;
const ENTITIES = (name, selection) =>
  `query ${name}($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;
const PROVIDERS = ENTITIES("CrossSubgraph__customers__1", "...on Provider{name}");
const CUSTOMERS = ENTITIES("CrossSubgraph__customers__2", "...on Customer{name}");
const PARTIES = ENTITIES("CrossSubgraph__customers__1", "...on Provider{name}...on Customer{name}");
const SERVICES = ENTITIES("CrossSubgraph__catalog__3", "...on Service{code name}");
const once = (representations) => [...new Map(representations.map((r) => [JSON.stringify(r), r])).values()];

// The bench's analyst, its identity signed as the gateways sign it for the subgraphs.
const auth = await benchAuth();
const env = childEnvironment(auth);

/** The data of a subgraph's answer; throws on errors. */
async function fetchData(url, query, variables) {
  const { json } = await post(url, graphqlBody(query, variables), auth.subgraphHeaders);
  if (json.errors || !json.data) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json.data;
}

async function main() {
  let dataDir = values["data-dir"];
  let temporary;
  if (!dataDir) {
    temporary = dataDir = mkdtempSync(join(tmpdir(), "itsm-subgraphs-ab-"));
    console.log(`seeding catalog, customers and agreements at --scale ${scale} into ${dataDir} …`);
    await runScript(
      "seed",
      join(variants[0].root, "scripts", "db.mjs"),
      ["seed", "--scale", String(scale), ...SUBGRAPHS],
      {
        cwd: variants[0].root,
        env: { ...process.env, DATA_DIR: dataDir },
      },
    );
  }
  try {
    for (const v of variants) {
      const { started } = await startSubgraphs({
        names: SUBGRAPHS,
        root: v.root,
        label: `${v.name} `,
        env: env({ ...NO_BACKGROUND_JOBS, DATA_DIR: dataDir, SEED_ON_START: "false", ...v.env }),
        execArgv: () => v.execArgv,
      });
      v.subgraphs = Object.fromEntries(
        SUBGRAPHS.map((name, i) => [name, { url: started[i].url, pid: started[i].child.pid }]),
      );
      const extra = [...Object.entries(v.env).map(([k, x]) => `${k}=${x}`), ...v.execArgv].join(" ");
      console.log(`${v.name}: ${v.root}${extra ? ` (${extra})` : ""}`);
    }

    // The cursors of up to 100 pages, from the first variant; every variant walks the same pages.
    const cursors = [null];
    for (let after = null; cursors.length < 100;) {
      const { agreements } = await fetchData(
        variants[0].subgraphs.agreements.url,
        "query($after:String){agreements(first:50,after:$after){pageInfo{endCursor hasNextPage}}}",
        { after },
      );
      if (!agreements.pageInfo.hasNextPage) break;
      cursors.push((after = agreements.pageInfo.endCursor));
    }

    async function page(v, i) {
      const { agreements } = await fetchData(v.subgraphs.agreements.url, ROOT_FETCH, {
        after: cursors[i % cursors.length],
      });
      const nodes = agreements.nodes;
      const providers = nodes.map((n) => n.provider);
      const customers = nodes.flatMap((n) => n.customers);
      const parties =
        values.fetches === "ours"
          ? [fetchData(v.subgraphs.customers.url, PARTIES, { representations: once([...providers, ...customers]) })]
          : [
              fetchData(v.subgraphs.customers.url, PROVIDERS, { representations: providers }),
              fetchData(v.subgraphs.customers.url, CUSTOMERS, { representations: customers }),
            ];
      const services = nodes.flatMap((n) => n.services);
      await Promise.all([
        ...parties,
        fetchData(v.subgraphs.catalog.url, SERVICES, {
          representations: values.fetches === "ours" ? once(services) : services,
        }),
      ]);
    }

    async function run(v, duration) {
      const pids = COUNTED.map((n) => (n === "database" ? dbPid : v.subgraphs[n].pid));
      const before = pids.map(cpuSecondsOf);
      const end = Date.now() + duration * 1000;
      let pages = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (Date.now() < end) {
            await page(v, next++);
            pages++;
          }
        }),
      );
      const cpu = pids.map((pid, i) => cpuSecondsOf(pid) - before[i]);
      return { pages, cpu };
    }

    for (const v of variants) await run(v, 2);
    const results = new Map(variants.map((v) => [v.name, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const v of round % 2 ? variants : [...variants].reverse()) {
        const r = await run(v, seconds);
        results.get(v.name).push(r);
        const perPage = r.cpu.map((s) => (s * 1000) / r.pages);
        console.log(
          `round ${round} ${v.name}: ${r.pages} pages, ` +
            COUNTED.map((n, i) => `${n} ${fixed(perPage[i], 2)}`).join(", ") +
            `, together ${fixed(
              perPage.reduce((a, b) => a + b, 0),
              2,
            )} ms CPU per page`,
        );
      }
    }
    const first = variants[0].name;
    const together = (name) => {
      const rs = results.get(name);
      const pages = rs.reduce((a, r) => a + r.pages, 0);
      return COUNTED.map((_, i) => (rs.reduce((a, r) => a + r.cpu[i], 0) * 1000) / pages);
    };
    const base = together(first).reduce((a, b) => a + b, 0);
    console.log(
      `\n${dbPid === undefined ? "Subgraphs'" : "Subgraphs' and the database's"} CPU per cross-subgraph page (ms), ${rounds} rounds × ${seconds} s, ${connections} pages in flight, fetches: ${values.fetches}\n`,
    );
    console.log(
      table(
        ["variant", "pages", ...COUNTED, "together", `× ${first}`],
        variants.map((v) => {
          const each = together(v.name);
          const sum = each.reduce((a, b) => a + b, 0);
          const pages = results.get(v.name).reduce((a, r) => a + r.pages, 0);
          return [v.name, String(pages), ...each.map((x) => fixed(x, 2)), fixed(sum, 2), `${fixed(sum / base, 2)}×`];
        }),
        ["left", ...Array(COUNTED.length + 3).fill("right")],
      ),
    );
  } finally {
    await stopAll();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
