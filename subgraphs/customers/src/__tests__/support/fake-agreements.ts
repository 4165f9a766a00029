import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { INTERNAL_IDENTITY_HEADER } from "@itsm/kit";

/** What the fake answers: agreements as asked, GraphQL errors, or nothing (the connection drops). */
export type FakeMode = "answer" | "errors" | "drop";

/** A stand-in for the agreements subgraph: deactivation claims (granted when the customer has no ACTIVE agreements) and releases. */
export interface FakeAgreements {
  url: string;
  /** The numbers of the ACTIVE agreements each customer id is party to; absent ids have none. */
  active: Map<string, string[]>;
  mode: FakeMode;
  /** Every request received, oldest first, with its signed identity header (to verify against the actor). */
  requests: {
    query: string;
    variables: { id?: string; representations?: { __typename: string; id: string }[] };
    identityHeader?: string;
  }[];
  close(): Promise<void>;
}

export async function startFakeAgreements(): Promise<FakeAgreements> {
  const fake: FakeAgreements = {
    url: "",
    active: new Map(),
    mode: "answer",
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeAgreements["requests"][number];
      const header = req.headers[INTERNAL_IDENTITY_HEADER];
      fake.requests.push({ ...request, identityHeader: Array.isArray(header) ? header[0] : header });
      if (fake.mode === "drop") {
        req.socket.destroy();
        return;
      }
      const customerId = request.variables.id ?? "";
      const body =
        fake.mode === "errors"
          ? { data: null, errors: [{ message: "The agreements database is unavailable; retry shortly" }] }
          : request.query.includes("claimCustomerDeactivation")
            ? {
                data: {
                  claimCustomerDeactivation: {
                    granted: !fake.active.get(customerId)?.length,
                    blockingAgreements: fake.active.get(customerId) ?? [],
                  },
                },
              }
            : request.query.includes("releaseCustomerDeactivation")
              ? { data: { releaseCustomerDeactivation: true } }
              : {
                  data: {
                    _entities: (request.variables.representations ?? []).map(({ id }) => ({
                      agreements: (fake.active.get(id) ?? []).map((number) => ({ number })),
                    })),
                  },
                };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  fake.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  return fake;
}
