// What the benchmark measures: the gateways under test, the two queries (and how to page through
// them and check an answer), and the cases of a round built from the options.
import { SUBGRAPH_NAMES } from "@itsm/runtime";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROCESSES } from "../../deploy/processes.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const BENCH = join(here, "..");
export const ROOT = join(BENCH, "..");
export const SUPERGRAPH = join(ROOT, "schema", "supergraph.graphql");
export const SUBGRAPHS = SUBGRAPH_NAMES;
export const HOST = "127.0.0.1";
const DEPLOYED = PROCESSES.gateway.nodeOptions?.split(" ") ?? [];

/** The gateways under test: the entry point each runs, forked with the same environment (`--candidate` adds). */
export const GATEWAYS = {
  // Ours runs with the Node options it is deployed with; so do its candidates (lib/options.mjs).
  ours: { label: "ours (gateway/dist)", entry: join(ROOT, "gateway", "dist", "index.js"), execArgv: DEPLOYED },
  "apollo-stock": { label: "stock @apollo/gateway", entry: join(BENCH, "gateways", "apollo-stock.mjs") },
  hive: { label: "Hive Gateway", entry: join(BENCH, "gateways", "hive.mjs") },
};
export const DIRECT = "catalog-direct";
export const BASELINE = "baseline";
export const DATABASE = "database";
// The subgraphs whose data the queries read, seeded at --scale; the others (operations) start on
// empty databases: at --scale 10000 operations' million incidents take a quarter of an hour to
// seed on this machine and no case reads them.
export const SEEDED = ["catalog", "customers", "agreements"];

// Each query takes the page to start after as a variable: by default the requests of a run walk
// through up to MAX_PAGES pages, so concurrent requests differ (as real traffic does) and no
// gateway can answer 20 of them with one subgraph fetch; --same-query sends page 1 every time.
export const MAX_PAGES = 100;
export const QUERIES = {
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

/** The key of a case in the samples and the summary: target, query, connections. */
export const keyOf = (c) => `${c.target} ${c.query} c${c.connections}`;

/**
 * The cases of one round: each gateway × each query at full concurrency, the catalog subgraph
 * queried directly, and the one-subgraph query at a single connection (latency without queueing).
 */
export function casesOf(opts) {
  const cases = [];
  for (const target of [...opts.gateways, ...(opts.baseline ? [BASELINE] : [])]) {
    for (const query of opts.queries) cases.push({ target, query, connections: opts.connections });
  }
  if (!opts.queries.includes("one")) return cases;
  cases.push({ target: DIRECT, query: "one", connections: opts.connections });
  if (opts.gateways.includes("ours") && opts.connections !== 1) {
    cases.push({ target: "ours", query: "one", connections: 1 });
    cases.push({ target: DIRECT, query: "one", connections: 1 });
  }
  return cases;
}
