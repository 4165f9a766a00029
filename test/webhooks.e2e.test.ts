import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { as, Graph } from "./support/graph";

const ADMIN = as("admin");
const SECRET = "e2e-webhook-secret-0123456789";

/** What the receiver got: the raw body and headers of each POST. */
interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A webhook receiver as an integrator would write it: answers 200 to every POST and counts them. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/itsm-events`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The receiver's check, as the README's Webhooks section shows it (written here independently). */
function validSignature({ body, headers }: Received): boolean {
  const timestamp = String(headers["x-itsm-timestamp"]);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = String(headers["x-itsm-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Delivery is off at first (the change is made while nothing can deliver it); the receiver is on loopback.
const graph = new Graph({ env: { WEBHOOK_DELIVERY_INTERVAL_SECONDS: "0", WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" } });
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  await graph.start();
}, 120_000);
afterAll(async () => {
  await graph.stop();
  await receiver.close();
});

type WebhookView = {
  id: string;
  backlog: number;
  deliveries: { attempt: number; outcome: string; httpStatus: number }[];
};
const WEBHOOKS = "{ webhooks { nodes { id url backlog deliveries { eventId attempt outcome httpStatus } } } }";

/** Subscribes the receiver to these events, signed with SECRET, as the admin; the webhook's id. */
async function subscribe(events: string[]): Promise<string> {
  const created = await graph.query<{ createWebhook: { id: string } }>(
    "mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }",
    { input: { url: receiver.url, events, secret: SECRET } },
    ADMIN,
  );
  expect(created.errors).toBeUndefined();
  return created.data!.createWebhook.id;
}

describe("webhooks", () => {
  it("deliver a change made just before the agreements subgraph was killed, after its restart, signed, once", async () => {
    const webhookId = await subscribe(["AGREEMENT_TERMINATED"]);

    const active = await graph.query<{ agreements: { nodes: { id: string; number: string; revision: number }[] } }>(
      "{ agreements(first: 1, filter: { status: [ACTIVE], type: [SLA] }) { nodes { id number revision } } }",
      undefined,
      ADMIN,
    );
    const agreement = active.data!.agreements.nodes[0];
    const terminated = await graph.query(
      "mutation ($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { id status } }",
      { input: { id: agreement.id, expectedRevision: agreement.revision, reason: "Ended to test webhooks" } },
      ADMIN,
    );
    expect(terminated.errors).toBeUndefined();
    const queued = await graph.query<{ webhooks: { nodes: WebhookView[] } }>(WEBHOOKS, undefined, ADMIN);
    expect(queued.data!.webhooks.nodes.find((w) => w.id === webhookId)).toMatchObject({ backlog: 1, deliveries: [] });

    // A crash between the change and its delivery: only the outbox row in the database remembers it.
    await graph.kill("agreements");
    expect(receiver.received).toHaveLength(0);
    await graph.startSubgraph("agreements", { WEBHOOK_DELIVERY_INTERVAL_SECONDS: "1" });

    const [delivery] = await until(() => (receiver.received.length ? receiver.received : undefined));
    expect(validSignature(delivery)).toBe(true);
    const payload = JSON.parse(delivery.body) as {
      id: string;
      type: string;
      occurredAt: string;
      agreement: { id: string; number: string; status: string; version: number };
      change: { actor: string; action: string; previousStatus: string };
    };
    expect(payload).toMatchObject({
      type: "AGREEMENT_TERMINATED",
      agreement: { id: agreement.id, number: agreement.number, status: "TERMINATED" },
      change: { actor: "e2e-admin", action: "terminated: Ended to test webhooks", previousStatus: "ACTIVE" },
    });
    expect(delivery.headers["x-itsm-event-id"]).toBe(payload.id);
    expect(delivery.headers["x-itsm-event-type"]).toBe("AGREEMENT_TERMINATED");

    // Recorded as delivered; several more runs of the worker later, still exactly one POST.
    const seen = await until(async () => {
      const answer = await graph.query<{ webhooks: { nodes: WebhookView[] } }>(WEBHOOKS, undefined, ADMIN);
      const hook = answer.data!.webhooks.nodes.find((w) => w.id === webhookId)!;
      return hook.backlog === 0 ? hook : undefined;
    });
    expect(seen.deliveries).toEqual([{ eventId: payload.id, attempt: 1, outcome: "DELIVERED", httpStatus: 200 }]);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(receiver.received).toHaveLength(1);
  });

  it("tell a subscriber of ALERT_RAISED about every alert once, those on service level figures included", async () => {
    await subscribe(["ALERT_RAISED"]);
    const alerts = await graph.query<{
      alerts: { totalCount: number; nodes: { kind: string; message: string; agreement: { number: string } }[] };
    }>("{ alerts(first: 100) { totalCount nodes { kind message agreement { number } } } }", undefined, ADMIN);
    expect(alerts.errors).toBeUndefined();
    const expected = new Set(alerts.data!.alerts.nodes.map((a) => `${a.kind} ${a.agreement.number} ${a.message}`));
    expect(alerts.data!.alerts.totalCount).toBe(expected.size);
    expect([...expected].some((key) => key.startsWith("BREACHED "))).toBe(true);
    expect([...expected].some((key) => key.startsWith("BUDGET_75 "))).toBe(true);

    // The scheduler (off so far) raises them on its first run, the worker delivers them. A
    // graceful restart: the process before hands the delivery lease over (a crashed one's expires).
    await graph.shutDown("agreements");
    await graph.startSubgraph("agreements", {
      LIFECYCLE_INTERVAL_SECONDS: "1",
      WEBHOOK_DELIVERY_INTERVAL_SECONDS: "1",
    });
    const raised = () =>
      receiver.received
        .filter((r) => r.headers["x-itsm-event-type"] === "ALERT_RAISED")
        .map((r) => ({
          ...r,
          payload: JSON.parse(r.body) as { alert: { kind: string; message: string }; agreement: { number: string } },
        }));
    await until(() => (raised().length >= expected.size ? true : undefined), 45_000);
    // A few more runs of the scheduler and the worker: nothing is raised or sent twice.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const keys = raised().map(
      (r) => `${r.payload.alert.kind} ${r.payload.agreement.number} ${r.payload.alert.message}`,
    );
    expect(new Set(keys)).toEqual(expected);
    expect(keys).toHaveLength(expected.size);
    expect(raised().every(validSignature)).toBe(true);
  });

  it("are for admins only", async () => {
    const refused = await graph.query(WEBHOOKS, undefined, as("editor"));
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
