// Two gateway replicas counting against one rate limit in Redis (RATE_LIMIT_REDIS_URL), and what
// they do when Redis is down: keep serving, each with its share of the limit, and say so once.
import type { ChildProcess } from "node:child_process";
import { stopProcess, startProcess, token } from "./support/graph";
import { RedisServer } from "./support/redis";

const LIMIT = 10;
const REPLICAS = 2;

interface Replica {
  child: ChildProcess;
  url: string;
  output: () => string;
}

let redis: RedisServer;
let replicas: Replica[] = [];

function gateway(env: NodeJS.ProcessEnv): Promise<Replica> {
  return startProcess("gateway", {
    ...process.env,
    LOG_LEVEL: "info",
    PORT: "0",
    RATE_LIMIT_POINTS: String(LIMIT),
    RATE_LIMIT_WINDOW_SECONDS: "60",
    RATE_LIMIT_BURST: "1000",
    RATE_LIMIT_REPLICAS: String(REPLICAS),
    RATE_LIMIT_REDIS_PREFIX: `e2e-${process.pid}`,
    // A stalled machine must not turn a slow answer into a per-process count (the default is 200 ms);
    // a store that is down refuses connections at once whatever this says.
    RATE_LIMIT_REDIS_TIMEOUT_MS: "2000",
    ...env,
  });
}

/** `{ __typename }` as `subject`, through replica `i`: the gateway answers it without a subgraph. */
async function ask(replica: Replica, subject: string): Promise<number> {
  const response = await fetch(replica.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token("analyst", [], { subject })}` },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** `count` requests of `subject`, alternating over the replicas; the statuses each replica answered. */
async function spread(subject: string, count: number): Promise<number[][]> {
  const statuses: number[][] = replicas.map(() => []);
  for (let i = 0; i < count; i++) statuses[i % replicas.length].push(await ask(replicas[i % replicas.length], subject));
  return statuses;
}

const ok = (statuses: number[]) => statuses.filter((status) => status === 200).length;
const lines = (replica: Replica, text: string) =>
  replica
    .output()
    .split("\n")
    .filter((line) => line.includes(text));

beforeAll(async () => {
  redis = await RedisServer.start();
  replicas = await Promise.all([0, 1].map(() => gateway({ RATE_LIMIT_REDIS_URL: redis.url })));
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => stopProcess(replica.child)));
  await redis?.stop();
});

describe("two gateways sharing RATE_LIMIT_REDIS_URL", () => {
  it("enforce one limit: of 16 requests spread over both, exactly the limit's 10 get through", async () => {
    const statuses = await spread("shared-alice", 16);
    expect(statuses.flat().filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(ok(statuses.flat())).toBe(LIMIT);
    // Both served some: the limit is one, not one per replica that happened to be asked.
    expect(statuses.map(ok)).toEqual([5, 5]);
    // Another subject has its own limit.
    expect(await ask(replicas[1], "shared-bob")).toBe(200);
  });

  it("a single gateway without the store keeps its own limit in memory (the default)", async () => {
    const alone = await gateway({});
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push(await ask(alone, "alone-carol"));
      expect(ok(statuses)).toBe(LIMIT);
      expect(alone.output()).not.toMatch(/rate-limit store/);
    } finally {
      await stopProcess(alone.child);
    }
  });

  it("with the store down, keep serving with a per-process share of the limit, log it once, and share again once it is back", async () => {
    await redis.kill();
    const statuses = await spread("down-dave", 16);
    // Each replica allows LIMIT / REPLICAS while it counts alone.
    expect(statuses.map(ok)).toEqual([LIMIT / REPLICAS, LIMIT / REPLICAS]);
    expect(statuses.flat().filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // Sixteen requests, two limits each: one warning per replica.
    for (const replica of replicas)
      expect(lines(replica, "the shared rate-limit store does not answer")).toHaveLength(1);
    // Anybody else is still served.
    expect(await ask(replicas[0], "down-erin")).toBe(200);

    await redis.restart();
    // ioredis reconnects on its own (backing off up to 2 s).
    const deadline = Date.now() + 15_000;
    while (lines(replicas[0], "answers again").length === 0 && Date.now() < deadline) {
      await ask(replicas[0], `probe-${Date.now()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lines(replicas[0], "answers again")).toHaveLength(1);
    // Shared again: a fresh subject gets the whole limit across both, not a share per replica.
    const back = await spread("back-frank", 16);
    await ask(replicas[1], "back-frank"); // make sure replica 1 has reconnected too
    expect(ok(back.flat())).toBeLessThanOrEqual(LIMIT);
    expect(ok(back.flat())).toBeGreaterThan(LIMIT / REPLICAS);
  });
});

describe("a gateway whose store is unreachable from the start", () => {
  it("starts and serves, limiting per process", async () => {
    const lonely = await gateway({ RATE_LIMIT_REDIS_URL: "redis://127.0.0.1:1", RATE_LIMIT_REPLICAS: "1" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push(await ask(lonely, "lonely-gina"));
      expect(ok(statuses)).toBe(LIMIT);
      expect(lines(lonely, "the shared rate-limit store does not answer")).toHaveLength(1);
    } finally {
      await stopProcess(lonely.child);
    }
  });
});
