import { composeServices } from "@apollo/composition";
import { freePort } from "@itsm/runtime";
import { parse } from "graphql";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders, Server } from "node:http";
import { createServer, request } from "node:http";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { as, Graph, post, ROOT, startProcess, stopProcess } from "./support/graph";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

const SERVICES = "query Services { services(first: 3) { totalCount nodes { code } } }";

/** A stand-in subgraph on a free port: `answer` decides, per request, what happens. */
async function fakeSubgraph(
  answer: (body: { query: string }, respond: (status: number, json: unknown) => void, destroy: () => void) => void,
) {
  const requests: { query: string }[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const body = JSON.parse(text) as { query: string };
      requests.push(body);
      answer(
        body,
        (status, json) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
        },
        () => req.socket.destroy(),
      );
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function gatewayWith(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return startProcess("gateway", { ...process.env, LOG_LEVEL: "warn", PORT: "0", ...env });
}

describe("health, readiness, request ids and metrics", () => {
  const graph = new Graph();
  beforeAll(() => graph.start(), 120_000);
  afterAll(() => graph.stop());

  it("every process answers /health and /ready; the gateway is not ready while a subgraph is down", async () => {
    for (const url of [
      graph.gatewayUrl,
      graph.subgraphUrl("catalog"),
      graph.subgraphUrl("customers"),
      graph.subgraphUrl("agreements"),
    ]) {
      expect((await fetch(new URL("/health", url))).status).toBe(200);
      const ready = await fetch(new URL("/ready", url));
      expect(ready.status).toBe(200);
    }
    await graph.kill("customers");
    const notReady = await fetch(new URL("/ready", graph.gatewayUrl));
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      status: "not ready",
      checks: { customers: "unreachable", catalog: "ok" },
    });
    await graph.startSubgraph("customers");
    expect((await fetch(new URL("/ready", graph.gatewayUrl))).status).toBe(200);
  });

  it("takes the caller's x-request-id (or makes one) and returns it", async () => {
    const given = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-me-123" },
      body: JSON.stringify({ query: SERVICES }),
    });
    expect(given.headers.get("x-request-id")).toBe("trace-me-123");
    const made = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "not a valid id; {injected}" },
      body: JSON.stringify({ query: SERVICES }),
    });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("exposes Prometheus metrics: operations by name and outcome, latency, subgraph fetches", async () => {
    await graph.query(SERVICES, undefined, ANALYST);
    await graph.query("{ nope }", undefined, ANALYST);
    const gateway = await (await fetch(new URL("/metrics", graph.gatewayUrl))).text();
    expect(gateway).toMatch(/graphql_operations_total\{operation="Services",outcome="ok",service="gateway"\} \d+/);
    expect(gateway).toMatch(
      /graphql_operations_total\{operation="anonymous",outcome="invalid",service="gateway"\} \d+/,
    );
    expect(gateway).toMatch(
      /graphql_operation_duration_seconds_bucket\{le="0.1",service="gateway",operation="Services",outcome="ok"\} \d+/,
    );
    expect(gateway).toMatch(
      /gateway_subgraph_fetch_duration_seconds_count\{service="gateway",subgraph="catalog",outcome="ok"\} \d+/,
    );
    expect(gateway).toContain("process_resident_memory_bytes");
    const catalog = await (await fetch(new URL("/metrics", graph.subgraphUrl("catalog")))).text();
    expect(catalog).toMatch(
      /graphql_operations_total\{operation="Services__catalog__0",outcome="ok",service="catalog"\} \d+/,
    );
  });
});

describe("response compression", () => {
  const graph = new Graph();
  beforeAll(() => graph.start(), 120_000);
  afterAll(() => graph.stop());

  /** The raw answer: status, headers and body bytes as sent (no automatic decompression). */
  function raw(headers: Record<string, string>, query: string) {
    const body = JSON.stringify({ query });
    return new Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const req = request(
        graph.gatewayUrl,
        { method: "POST", headers: { "content-type": "application/json", ...as("analyst"), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }
  const BIG = "{ agreements(first: 20) { nodes { number title description targets { metric value unit } } } }";

  it("gzips large answers for clients that accept gzip, and only for them", async () => {
    const plain = await raw({}, BIG);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const zipped = await raw({ "accept-encoding": "gzip, deflate, br" }, BIG);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.bytes).toString()).toBe(plain.bytes.toString());
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 3);
    const refused = await raw({ "accept-encoding": "gzip;q=0, identity" }, BIG);
    expect(refused.headers["content-encoding"]).toBeUndefined();
    const small = await raw({ "accept-encoding": "gzip" }, "{ __typename }");
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});

describe("resilience at the gateway", () => {
  it("gives up on a slow subgraph after SUBGRAPH_TIMEOUT_MS, naming it", async () => {
    const slow = await fakeSubgraph((_body, respond) =>
      setTimeout(() => respond(200, { data: { services: null } }), 3_000),
    );
    const gateway = await gatewayWith({ CATALOG_URL: slow.url, SUBGRAPH_TIMEOUT_MS: "300" });
    try {
      const started = Date.now();
      const response = await post(gateway.url, "{ services { totalCount } }", undefined, ANALYST);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(response.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "catalog" });
    } finally {
      await stopProcess(gateway.child);
      await slow.close();
    }
  });

  it("retries a query that could not reach its subgraph, never a mutation, and a dead subgraph's circuit opens", async () => {
    const dead = await fakeSubgraph((_body, _respond, destroy) => destroy());
    const gateway = await gatewayWith({ CATALOG_URL: dead.url });
    try {
      await post(gateway.url, "{ services { totalCount } }", undefined, ANALYST);
      expect(dead.requests).toHaveLength(3); // the first try and two retries
      dead.requests.length = 0;
      const mutation = await post(
        gateway.url,
        'mutation { createComponent(input: { name: "X1", kind: DATA, description: "d" }) { id } }',
        undefined,
        as("editor"),
      );
      expect(mutation.errors?.[0].extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
      expect(dead.requests).toHaveLength(1);

      for (let i = 0; i < 6; i++) await post(gateway.url, "{ services { totalCount } }", undefined, ANALYST);
      dead.requests.length = 0;
      const fast = await post(gateway.url, "{ services { totalCount } }", undefined, ANALYST);
      expect(fast.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "catalog" });
      expect(dead.requests).toHaveLength(0); // failed fast: the circuit is open
      const metrics = await (await fetch(new URL("/metrics", gateway.url))).text();
      const errors = metrics.split("\n").filter((line) => line.startsWith("gateway_subgraph_fetch_errors_total{"));
      expect(errors.some((line) => line.includes('subgraph="catalog"') && line.includes('reason="circuit_open"'))).toBe(
        true,
      );
      expect(errors.some((line) => line.includes('subgraph="catalog"') && line.includes('reason="unreachable"'))).toBe(
        true,
      );
    } finally {
      await stopProcess(gateway.child);
      await dead.close();
    }
  });

  it("finishes requests in flight when told to stop (SIGTERM), then exits cleanly", async () => {
    const slow = await fakeSubgraph((_body, respond) =>
      setTimeout(() => respond(200, { data: { services: { totalCount: 7 } } }), 800),
    );
    const gateway = await gatewayWith({ CATALOG_URL: slow.url });
    try {
      const inFlight = post<{ services: { totalCount: number } }>(
        gateway.url,
        "{ services { totalCount } }",
        undefined,
        ANALYST,
      );
      await new Promise((r) => setTimeout(r, 200));
      const exited = new Promise<number | null>((resolve) => gateway.child.once("exit", resolve));
      gateway.child.kill("SIGTERM");
      const answer = await inFlight;
      expect(answer.data?.services.totalCount).toBe(7);
      expect(await exited).toBe(0);
      await expect(fetch(gateway.url)).rejects.toThrow();
    } finally {
      await stopProcess(gateway.child);
      await slow.close();
    }
  });
});

describe("supergraph hot reload", () => {
  const graph = new Graph();
  const dir = mkdtempSync(join(tmpdir(), "itsm-supergraph-"));
  const path = join(dir, "supergraph.graphql");
  let gateway: { child: ChildProcess; url: string };
  beforeAll(async () => {
    await graph.start();
    writeFileSync(path, readFileSync(join(ROOT, "schema", "supergraph.graphql")));
    gateway = await gatewayWith({
      SUPERGRAPH_PATH: path,
      CATALOG_URL: graph.subgraphUrl("catalog"),
      CUSTOMERS_URL: graph.subgraphUrl("customers"),
      AGREEMENTS_URL: graph.subgraphUrl("agreements"),
    });
  }, 120_000);
  afterAll(async () => {
    await stopProcess(gateway.child);
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const WITH_AGREEMENTS = "{ services(first: 1) { nodes { code agreements { number } } } }";
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 60 && !(await check()); i++) await new Promise((r) => setTimeout(r, 200));
    expect(await check()).toBe(true);
  }

  it("swaps in a changed supergraph without a restart, refuses an invalid one and keeps the current", async () => {
    expect((await post(gateway.url, WITH_AGREEMENTS, undefined, ANALYST)).errors).toBeUndefined();

    // A supergraph without the agreements subgraph: Service.agreements is gone.
    const subgraph = (name: string) => ({
      name,
      url: `http://localhost/${name}`,
      typeDefs: parse(readFileSync(join(ROOT, "schema", `${name}.graphql`), "utf8")),
    });
    const smaller = composeServices([subgraph("catalog"), subgraph("customers")]);
    expect(smaller.errors).toBeUndefined();
    writeFileSync(path, smaller.supergraphSdl!);
    await eventually(
      async () =>
        (await post(gateway.url, WITH_AGREEMENTS, undefined, ANALYST)).errors?.[0]?.extensions?.code ===
        "GRAPHQL_VALIDATION_FAILED",
    );

    writeFileSync(path, "this is not a supergraph");
    await new Promise((r) => setTimeout(r, 1_500));
    const still = await post<{ services: { nodes: unknown[] } }>(
      gateway.url,
      "{ services(first: 1) { nodes { code } } }",
      undefined,
      ANALYST,
    );
    expect(still.errors).toBeUndefined();
    expect(gateway.child.exitCode).toBeNull();

    writeFileSync(path, readFileSync(join(ROOT, "schema", "supergraph.graphql")));
    await eventually(async () => (await post(gateway.url, WITH_AGREEMENTS, undefined, ANALYST)).errors === undefined);
  });
});
