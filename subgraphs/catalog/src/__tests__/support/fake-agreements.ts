import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import type { Identity } from "@itsm/kit";
import { identityOf } from "@itsm/kit";
import { TEST_INTERNAL_SECRET } from "@itsm/kit/testing";

/** What the fake answers: claims as asked, GraphQL errors, or nothing (the connection drops). */
export type FakeMode = "answer" | "errors" | "drop";

export interface FakeRequest {
  query: string;
  variables: { id?: string };
  /** The caller, verified from its signed header like a real subgraph does. */
  identity: Identity;
}

/**
 * A stand-in for the agreements subgraph as the catalog calls it: retirement claims (granted when
 * no ACTIVE agreement covers the service) and releases of claims. Like a real subgraph it refuses
 * (401) a request without a valid identity signed with TEST_INTERNAL_SECRET; those are not recorded.
 */
export interface FakeAgreements {
  url: string;
  /** The numbers of the ACTIVE agreements covering each service id; absent ids have none. */
  active: Map<string, string[]>;
  mode: FakeMode;
  /** Every request received, oldest first. */
  requests: FakeRequest[];
  /** Runs before a claim is answered, e.g. to change the service meanwhile; cleared by `reset`. */
  beforeClaim: ((serviceId: string) => Promise<void>) | null;
  /** The requests received since `from` (an earlier `requests.length`), as [operation, service id]. */
  since(from: number): [string, string | undefined][];
  reset(): void;
  close(): Promise<void>;
}

const OPERATIONS = ["claimServiceRetirement", "releaseServiceRetirement"];

export async function startFakeAgreements(): Promise<FakeAgreements> {
  const fake: FakeAgreements = {
    url: "",
    active: new Map(),
    mode: "answer",
    requests: [],
    beforeClaim: null,
    since: (from) =>
      fake.requests
        .slice(from)
        .map((r) => [OPERATIONS.find((op) => r.query.includes(`${op}(serviceId: $id)`)) ?? r.query, r.variables.id]),
    reset() {
      fake.mode = "answer";
      fake.active.clear();
      fake.beforeClaim = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };

  async function answer(request: FakeRequest): Promise<unknown> {
    if (fake.mode === "errors") {
      return { data: null, errors: [{ message: "The agreements database is unavailable; retry shortly" }] };
    }
    const serviceId = request.variables.id ?? "";
    if (request.query.includes("claimServiceRetirement")) {
      const hook = fake.beforeClaim;
      if (hook) await hook(serviceId);
      const blocking = fake.active.get(serviceId) ?? [];
      return { data: { claimServiceRetirement: { granted: blocking.length === 0, blockingAgreements: blocking } } };
    }
    if (request.query.includes("releaseServiceRetirement")) return { data: { releaseServiceRetirement: true } };
    return { data: null, errors: [{ message: `The fake agreements subgraph does not answer ${request.query}` }] };
  }

  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let identity: Identity;
      try {
        identity = identityOf(req, TEST_INTERNAL_SECRET);
      } catch (error) {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: "UNAUTHENTICATED" } }] }),
        );
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Omit<FakeRequest, "identity">;
      const request: FakeRequest = { ...body, identity };
      fake.requests.push(request);
      if (fake.mode === "drop") {
        req.socket.destroy();
        return;
      }
      answer(request).then(
        (body) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        },
        (error: Error) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ data: null, errors: [{ message: `fake failed: ${error.message}` }] }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  fake.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  return fake;
}
