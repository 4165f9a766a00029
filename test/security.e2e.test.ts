import type { ChildProcess } from "node:child_process";
import { as, Graph, post, startedForSuite, startProcess, stopProcess } from "./support/graph";

const graph = startedForSuite(new Graph());

async function catalogOperations(): Promise<number> {
  const text = await (await fetch(new URL("/metrics", graph.subgraphUrl("catalog")))).text();
  return [...text.matchAll(/^graphql_operations_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function rawPost(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } & Record<
      string,
      unknown
    >,
  };
}

describe("operation limits at the gateway, before execution", () => {
  it("rejects a depth bomb with 400 and never asks a subgraph", async () => {
    const before = await catalogOperations();
    let selection = "code";
    for (let i = 0; i < 14; i++) selection = `code dependsOn { ${selection} }`;
    const response = await post(graph.gatewayUrl, `{ services { nodes { ${selection} } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.errors?.[0].message).toMatch(/depth/i);
    expect(await catalogOperations()).toBe(before);
  });

  it("rejects an alias bomb with 400", async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: services { totalCount }`).join(" ");
    const response = await post(graph.gatewayUrl, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/alias/i);
  });

  it("rejects a query of too many tokens with 400", async () => {
    const fields = Array.from({ length: 6_000 }, () => "code").join(" ");
    const response = await post(graph.gatewayUrl, `{ services { nodes { ${fields} } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/token/i);
  });

  it("runs a small batch, and refuses a batch over the limit", async () => {
    const one = { query: "{ services { totalCount } }" };
    const small = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([one, one]),
    });
    expect(small.status).toBe(200);
    expect(((await small.json()) as unknown[]).length).toBe(2);
    const large = await rawPost(
      graph.gatewayUrl,
      Array.from({ length: 11 }, () => one),
    );
    expect(large.status).toBe(400);
    expect(large.body.errors?.[0].extensions?.code).toBe("BATCH_TOO_LARGE");
  });
});

describe("a gateway configured for production", () => {
  let gateway: { child: ChildProcess; url: string };
  beforeAll(async () => {
    gateway = await startProcess("gateway", {
      ...process.env,
      LOG_LEVEL: "silent",
      NODE_ENV: "production",
      PORT: "0",
      RATE_LIMIT_POINTS: "5",
      RATE_LIMIT_WINDOW_SECONDS: "2",
      CATALOG_URL: graph.subgraphUrl("catalog"),
      CUSTOMERS_URL: graph.subgraphUrl("customers"),
      AGREEMENTS_URL: graph.subgraphUrl("agreements"),
    });
  });
  afterAll(() => stopProcess(gateway.child));

  it("lets staff introspect, refuses everybody else, and hides schema suggestions", async () => {
    const staff = await post(gateway.url, "{ __schema { queryType { name } } }", undefined, as("analyst"));
    expect(staff.errors).toBeUndefined();
    expect(staff.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const anonymous = await post(gateway.url, "{ __schema { types { name } } }");
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.errors?.[0].message).toMatch(/introspect/i);
    const typo = await post(gateway.url, "{ servics { totalCount } }");
    expect(typo.errors?.[0].message).not.toMatch(/did you mean/i);
    await new Promise((r) => setTimeout(r, 2_100)); // let the rate-limit window pass
  });

  it("limits each client's rate: RATE_LIMITED with Retry-After, and lets it back in after the window", async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof rawPost>> | undefined;
    for (let i = 0; i < 7; i++) {
      const response = await rawPost(gateway.url, { query: "{ services { totalCount } }" });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.body.errors?.[0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await rawPost(gateway.url, { query: "{ services { totalCount } }" })).status).toBe(200);
  });
});
