import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { as, Graph, graphProcessEnv, startedForSuite, startProcess, stopProcess } from "./support/graph";
import { linesOf, loggedFor, sendRaw as send } from "./support/fast-path";
import { sampleCustomers } from "./support/sample";

/**
 * The gateway's single-fetch pass-through (gateway/src/single-fetch.ts) against the gateway without
 * it, on the same subgraphs: every answer the same, byte for byte, and the same log lines and metrics.
 */
const graph = startedForSuite(new Graph());
let fast: Awaited<ReturnType<typeof startProcess>>;
let usual: Awaited<ReturnType<typeof startProcess>>;

const ONE_SUBGRAPH =
  "query OneSubgraph($after: String) { services(first: 20, after: $after) { nodes { code name lifecycle } } }";
const MINE = "query Mine { agreements(first: 50) { nodes { number title status } } }";
const idOf = (body: string) => createHash("sha256").update(body).digest("hex");
/** A request naming a trusted document by id, as partners and anonymous callers must. */
const byId = (body: string, variables?: Record<string, unknown>) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: idOf(body) } },
});

beforeAll(async () => {
  // Trusted documents on: partners and anonymous callers may run these two only, by id.
  const manifest = join(graph.dataDir, "trusted-documents.json");
  const operations = [
    { name: "OneSubgraph", body: ONE_SUBGRAPH },
    { name: "Mine", body: MINE },
  ].map(({ name, body }) => ({ id: idOf(body), name, type: "query", body }));
  writeFileSync(manifest, JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }));
  const env = {
    ...graphProcessEnv(graph.dataDir, graph.subgraphPorts),
    PORT: "0",
    LOG_LEVEL: "debug",
    TRUSTED_DOCUMENTS_PATH: manifest,
  };
  [fast, usual] = await Promise.all([
    startProcess("gateway", env),
    startProcess("gateway", { ...env, SINGLE_FETCH_PASSTHROUGH: "false", COMPILED_PLANS: "false" }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([fast, usual].filter(Boolean).map((started) => stopProcess(started.child)));
});

let requests = 0;

/**
 * Sends a request twice to each gateway (the first teaches the pass-through the operation) and
 * returns the second answers with whether the pass-through answered it.
 */
async function both(body: unknown, headers: Record<string, string> = {}) {
  const id = `single-fetch-${++requests}`;
  await send(fast.url, body, headers, `${id}-learn`);
  await send(usual.url, body, headers, `${id}-learn`);
  const answers = { fast: await send(fast.url, body, headers, id), usual: await send(usual.url, body, headers, id) };
  return { ...answers, passedThrough: await loggedPassThrough(id) };
}

/** Whether the pass-through answered a request. */
const loggedPassThrough = (requestId: string) => loggedFor(fast, requestId, "single-fetch pass-through");

/** The operation and subgraph fetch metrics of a gateway. */
async function metricsOf(started: typeof fast): Promise<string[]> {
  const text = await (await fetch(new URL("/metrics", started.url))).text();
  return text
    .split("\n")
    .filter((line) =>
      /^(graphql_operations_total|gateway_subgraph_fetch_duration_seconds_count|gateway_subgraph_fetch_errors_total)\{/.test(
        line,
      ),
    )
    .sort();
}

/** Both gateways counted the same operations and subgraph fetches (and fetch errors). */
async function expectSameMetrics(): Promise<string[]> {
  const [ours, theirs] = [await metricsOf(fast), await metricsOf(usual)];
  expect(ours.length).toBeGreaterThan(0);
  expect(ours).toEqual(theirs);
  return ours;
}

const ANALYST = as("analyst");
const partners = sampleCustomers.filter((c) => c.kind === "EXTERNAL").slice(0, 2);

describe("the single-fetch pass-through", () => {
  it("answers a one-subgraph query byte for byte as the gateway does, with the same log line", async () => {
    const answers = await both({ query: ONE_SUBGRAPH, operationName: "OneSubgraph", variables: {} }, ANALYST);
    expect(answers.passedThrough).toBe(true);
    expect(answers.fast).toEqual(answers.usual);
    expect(answers.fast.status).toBe(200);
    expect(JSON.parse(answers.fast.body).data.services.nodes.length).toBeGreaterThan(0);
    const logLine = (started: typeof fast) => {
      const line = linesOf(started, `single-fetch-${requests}`).find((l) => l.msg === "graphql operation")!;
      const { time: _time, pid: _pid, durationMs, ...rest } = line;
      expect(typeof durationMs).toBe("number");
      return rest;
    };
    expect(logLine(fast)).toEqual(logLine(usual));
  });

  it("answers the next page (a variable) and an anonymous caller alike", async () => {
    const first = JSON.parse((await both({ query: ONE_SUBGRAPH }, ANALYST)).fast.body);
    const after = first.data.services.nodes.length ? await cursorAfterFirst() : null;
    const next = await both({ query: ONE_SUBGRAPH, variables: { after } }, ANALYST);
    expect(next.passedThrough).toBe(true);
    expect(next.fast).toEqual(next.usual);
    const anonymous = await both(byId(ONE_SUBGRAPH, { after }));
    expect(anonymous.passedThrough).toBe(true);
    expect(anonymous.fast).toEqual(anonymous.usual);
  });

  it("gives each partner their own agreements only, as the gateway does", async () => {
    expect(partners).toHaveLength(2);
    const [a, b] = [
      await both(byId(MINE), as("partner", [partners[0].code])),
      await both(byId(MINE), as("partner", [partners[1].code])),
    ];
    for (const answers of [a, b]) {
      expect(answers.passedThrough).toBe(true);
      expect(answers.fast).toEqual(answers.usual);
    }
    expect(a.fast.body).not.toEqual(b.fast.body);
  });

  it("refuses a partner's or anonymous free-form query as the gateway does, even one it knows", async () => {
    // Both texts are known by now: run above by id, or free-form by staff.
    for (const [body, headers] of [
      [{ query: MINE }, as("partner", [partners[0].code])],
      [{ query: ONE_SUBGRAPH }, {}],
    ] as const) {
      const answers = await both(body, headers);
      expect(answers.passedThrough).toBe(false);
      expect(answers.fast).toEqual(answers.usual);
      expect(JSON.parse(answers.fast.body).errors[0].extensions.code).toBe("PERSISTED_QUERY_ID_REQUIRED");
    }
  });

  it("leaves a subgraph's errors, bad variables, batches and cross-subgraph queries to the gateway, with the same answers", async () => {
    const cases: [unknown, Record<string, string>][] = [
      // The subgraph refuses a page over its maximum.
      [{ query: "query TooMany { services(first: 500) { nodes { code } } }" }, ANALYST],
      // A variable of the wrong type: the gateway's own coercion error.
      [{ query: ONE_SUBGRAPH, variables: { after: 5 } }, ANALYST],
      [{ query: "{ services(first: 2) { nodes { code agreements { number } } } }" }, ANALYST],
      [[{ query: ONE_SUBGRAPH }, { query: ONE_SUBGRAPH }], ANALYST],
    ];
    for (const [body, headers] of cases) {
      const answers = await both(body, headers);
      expect(answers.passedThrough).toBe(false);
      expect(answers.fast).toEqual(answers.usual);
    }
    const tooMany = JSON.parse((await both(cases[0][0], ANALYST)).fast.body);
    expect(tooMany.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers with the content type the Accept header asks for, and refuses one Apollo refuses (406), as the gateway does", async () => {
    const body = { query: ONE_SUBGRAPH, operationName: "OneSubgraph" };
    const graphqlResponse = await both(body, { ...ANALYST, accept: "application/graphql-response+json" });
    expect(graphqlResponse.passedThrough).toBe(true);
    expect(graphqlResponse.fast).toEqual(graphqlResponse.usual);
    expect(graphqlResponse.fast.headers["content-type"]).toBe("application/graphql-response+json; charset=utf-8");
    const refused = await both(body, { ...ANALYST, accept: "text/html" });
    expect(refused.passedThrough).toBe(false);
    expect(refused.fast).toEqual(refused.usual);
    expect(refused.fast.status).toBe(406);
  });

  it("counts the same operations and subgraph fetches as the gateway (one fetch per request, errors included)", async () => {
    await expectSameMetrics();
  });

  it("answers as the gateway does when the subgraph is down", async () => {
    await graph.kill("catalog");
    const answers = await both({ query: ONE_SUBGRAPH }, ANALYST);
    expect(answers.fast).toEqual(answers.usual);
    expect(JSON.parse(answers.fast.body).errors[0].extensions.code).toBe("SUBGRAPH_UNAVAILABLE");
    expect(answers.passedThrough).toBe(false);
    // The failed fetch is handed over, not made again: the same fetches, retries and errors counted.
    const metrics = await expectSameMetrics();
    expect(metrics.some((line) => line.startsWith("gateway_subgraph_fetch_errors_total{"))).toBe(true);
  });
});

/** The cursor of the first service of the first page, from the catalog through the gateway. */
async function cursorAfterFirst(): Promise<string> {
  const response = await graph.query<{ services: { edges: { cursor: string }[] } }>(
    "{ services(first: 1) { edges { cursor } } }",
    undefined,
    ANALYST,
  );
  return response.data!.services.edges[0].cursor;
}
