import { as, Graph, graphProcessEnv, startedForSuite, startProcess, stopProcess } from "./support/graph";
import { linesOf, loggedFor, sendRaw as send } from "./support/fast-path";
import { sampleCustomers } from "./support/sample";

/**
 * The gateway's compiled plans (gateway/src/compiled-plans.ts) against the gateway without them, on
 * the same subgraphs: every answer the same, byte for byte (body, status, content type, cache
 * control), and the cross page's entity fetches to customers merged into one request.
 */
const graph = startedForSuite(new Graph());
let compiled: Awaited<ReturnType<typeof startProcess>>;
let usual: Awaited<ReturnType<typeof startProcess>>;

/** The bench's cross-subgraph page (bench/README.md, "The queries"). */
const CROSS = `query CrossSubgraph($after: String) { agreements(first: 50, after: $after) { nodes { number status
  provider { name } customers { name } services { code name } targets { metric value unit }
  responsibilities { party description } } } }`;

beforeAll(async () => {
  const env = { ...graphProcessEnv(graph.dataDir, graph.subgraphPorts), PORT: "0", LOG_LEVEL: "debug" };
  [compiled, usual] = await Promise.all([
    startProcess("gateway", env),
    startProcess("gateway", { ...env, SINGLE_FETCH_PASSTHROUGH: "false", COMPILED_PLANS: "false" }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([compiled, usual].filter(Boolean).map((started) => stopProcess(started.child)));
});

let requests = 0;

/** Whether the compiled plan answered a request. */
const answeredCompiled = (requestId: string) => loggedFor(compiled, requestId, "compiled plan");

/** A gateway's operation log line for a request, without what differs between any two (time, pid, duration). */
function logLine(started: typeof compiled, requestId: string) {
  const line = linesOf(started, requestId).find((l) => l.msg === "graphql operation");
  if (!line) throw new Error(`no operation log line for ${requestId}`);
  const { time: _time, pid: _pid, durationMs, ...rest } = line;
  expect(typeof durationMs).toBe("number");
  return rest;
}

/** The subgraph fetches a gateway has counted, by subgraph. */
async function fetchesOf(started: typeof compiled): Promise<Record<string, number>> {
  const text = await (await fetch(new URL("/metrics", started.url))).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^gateway_subgraph_fetch_duration_seconds_count\{([^}]*)\} (\d+)/gm)) {
    const subgraph = /subgraph="([^"]+)"/.exec(match[1])![1];
    counts[subgraph] = (counts[subgraph] ?? 0) + Number(match[2]);
  }
  return counts;
}

/**
 * Sends a request twice to each gateway (the first teaches the compiled gateway the operation) and
 * returns the second answers, whether the compiled plan answered, and the compiled gateway's
 * subgraph fetches for that second request.
 */
async function both(body: unknown, headers: Record<string, string> = {}) {
  const id = `compiled-${++requests}`;
  await send(compiled.url, body, headers, `${id}-learn`);
  await send(usual.url, body, headers, `${id}-learn`);
  const before = await fetchesOf(compiled);
  const answer = await send(compiled.url, body, headers, id);
  const passedThrough = await answeredCompiled(id);
  const after = await fetchesOf(compiled);
  const fetches = Object.fromEntries(
    Object.entries(after)
      .map(([name, count]) => [name, count - (before[name] ?? 0)])
      .filter(([, count]) => count !== 0),
  );
  return { compiled: answer, usual: await send(usual.url, body, headers, id), passedThrough, fetches };
}

const ANALYST = as("analyst");
const partners = sampleCustomers.filter((c) => c.kind === "EXTERNAL").slice(0, 2);

describe("compiled plans", () => {
  it("answers the cross page over several pages byte for byte as the gateway does, asking customers once per page", async () => {
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const answers = await both({ query: CROSS, operationName: "CrossSubgraph", variables: { after } }, ANALYST);
      expect(answers.passedThrough).toBe(true);
      expect(answers.compiled).toEqual(answers.usual);
      expect(answers.compiled.status).toBe(200);
      expect(answers.compiled.headers["cache-control"]).toBe("no-store");
      // Providers and customers in one request to customers; services in one to catalog.
      expect(answers.fetches).toEqual({ agreements: 1, customers: 1, catalog: 1 });
      expect(logLine(compiled, `compiled-${requests}`)).toEqual(logLine(usual, `compiled-${requests}`));
      const nodes = JSON.parse(answers.compiled.body).data.agreements.nodes as { number: string }[];
      expect(nodes.length).toBeGreaterThan(0);
      after = await cursorAfter(nodes[nodes.length - 1].number, after);
      if (!after) break;
    }
  });

  it("gives each partner only its own rows, as the gateway does", async () => {
    expect(partners).toHaveLength(2);
    const [a, b] = [
      await both({ query: CROSS }, as("partner", [partners[0].code])),
      await both({ query: CROSS }, as("partner", [partners[1].code])),
    ];
    for (const answers of [a, b]) expect(answers.compiled).toEqual(answers.usual);
    expect(a.compiled.body).not.toEqual(b.compiled.body);
  });

  it.each([
    [
      "aliases, fragments and repeated fields across subgraphs",
      `query Shapes { page: agreements(first: 10) { nodes { n: number ...Parties provider { code }
         customers { name } __typename } } }
       fragment Parties on Agreement { provider { name kind } customers { code name } number }`,
    ],
    [
      "nested entity paths: a service's agreements' customers",
      "{ services(first: 10) { nodes { code agreements { number customers { name } provider { name } } } } }",
    ],
    [
      "an inline fragment and __typename",
      "{ agreements(first: 5) { nodes { ... on Agreement { number provider { __typename name } } } } }",
    ],
  ])("answers %s as the gateway does", async (_name, query) => {
    const answers = await both({ query }, ANALYST);
    expect(answers.passedThrough).toBe(true);
    expect(answers.compiled).toEqual(answers.usual);
    expect(JSON.parse(answers.compiled.body).errors).toBeUndefined();
  });

  it("leaves an entity fetch refused by its subgraph to the gateway: the same data and errors", async () => {
    // An anonymous caller may read the live catalogue, not the agreements behind each service: the
    // catalog's answer is handed over, agreements' refusal fetched again for its exact errors.
    const answers = await both({ query: "{ services(first: 5) { nodes { code agreements { number } } } }" });
    expect(answers.passedThrough).toBe(false);
    expect(answers.compiled).toEqual(answers.usual);
    expect(JSON.parse(answers.compiled.body).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("leaves bad variables to the gateway, with its own error", async () => {
    const answers = await both({ query: CROSS, variables: { after: 5 } }, ANALYST);
    expect(answers.passedThrough).toBe(false);
    expect(answers.compiled).toEqual(answers.usual);
    expect(JSON.parse(answers.compiled.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("counts the same operations as the gateway", async () => {
    const operations = async (started: typeof compiled) =>
      (await (await fetch(new URL("/metrics", started.url))).text())
        .split("\n")
        .filter((line) => line.startsWith("graphql_operations_total{"))
        .sort();
    const ours = await operations(compiled);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(await operations(usual));
  });

  it("answers as the gateway does when customers is down, asking it once", async () => {
    await graph.kill("customers");
    const answers = await both({ query: CROSS }, ANALYST);
    expect(answers.passedThrough).toBe(false);
    expect(answers.compiled).toEqual(answers.usual);
    const errors = JSON.parse(answers.compiled.body).errors as { extensions: { code: string } }[];
    expect(errors.map((error) => error.extensions.code)).toContain("SUBGRAPH_UNAVAILABLE");
    // Agreements' and catalog's answers handed over (catalog's split back into the fetch as
    // planned), the unreachable subgraph not asked again: one fetch of each.
    expect(answers.fetches).toEqual({ agreements: 1, customers: 1, catalog: 1 });
  });
});

/** The cursor after an agreement of the page that started after `after`, from the graph itself. */
async function cursorAfter(number: string, after: string | null): Promise<string | null> {
  const response = await graph.query<{
    agreements: { edges: { cursor: string; node: { number: string } }[]; pageInfo: { hasNextPage: boolean } };
  }>(
    "query ($after: String) { agreements(first: 50, after: $after) { edges { cursor node { number } } pageInfo { hasNextPage } } }",
    { after },
    ANALYST,
  );
  const { edges, pageInfo } = response.data!.agreements;
  if (!pageInfo.hasNextPage) return null;
  return edges.find((edge) => edge.node.number === number)!.cursor;
}
