// Latency of one GraphQL request sent back to back on one keep-alive connection (no queueing),
// for the subgraphs-at-scale target (a page of 100 agreements with nested fields):
//   node bench/page-latency.mjs --url URL [--seconds 10] [--warmup 2] [--query Q] [--header "name: value" ...]
// (the graph needs a token, e.g. --header "authorization: Bearer $(npm run -s token -- --role analyst)",
// or, straight to a subgraph, the signed x-itsm-identity header)
// Prints one JSON line: requests, exact p50/p95/p99 and mean in ms, the answer's size and nodes.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const PAGE_OF_100 =
  "query Page100 { agreements(first: 100) { nodes { number provider { name } customers { name } services { code name } targets { metric value } responsibilities { party } } } }";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    query: { type: "string", default: PAGE_OF_100 },
    header: { type: "string", multiple: true, default: [] },
  },
});
if (!values.url) {
  console.error("usage: node bench/page-latency.mjs --url http://127.0.0.1:4000/graphql [--seconds 10] [--query Q]");
  process.exit(2);
}
const url = new URL(values.url);
const body = JSON.stringify({ query: values.query });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const extraHeaders = Object.fromEntries(
  values.header.map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  }),
);

function post() {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { ...extraHeaders, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function run(seconds) {
  const times = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const { status, text } = await post();
    times.push(performance.now() - started);
    if (status !== 200 || text.includes('"errors"')) throw new Error(`answered ${status}: ${text.slice(0, 500)}`);
  }
  return times;
}

const first = await post();
const data = JSON.parse(first.text);
if (first.status !== 200 || data.errors) throw new Error(`answered ${first.status}: ${first.text.slice(0, 500)}`);
await run(Number(values.warmup));
const times = (await run(Number(values.seconds))).sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
const round = (x) => Math.round(x * 100) / 100;
const connection = Object.values(data.data)[0];
console.log(
  JSON.stringify({
    url: values.url,
    requests: times.length,
    nodes: connection?.nodes?.length,
    bytes: first.text.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length),
  }),
);
agent.destroy();
