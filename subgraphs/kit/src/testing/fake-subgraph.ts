import type { IncomingHttpHeaders } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Identity } from "@itsm/runtime";
import { INTERNAL_IDENTITY_HEADER, verifyIdentity } from "@itsm/runtime";

/** What a fake subgraph does with a request: answer it, answer with GraphQL errors, or drop the connection. */
export type FakeMode = "answer" | "errors" | "drop";

/** One GraphQL request a fake subgraph received, after its signed identity was verified. */
export interface FakeRequest {
  /** The request path, e.g. `/graphql` or `/catalog/graphql` (one fake may play several peers). */
  path: string;
  query: string;
  variables: Record<string, unknown>;
  /** The caller, verified from the `x-itsm-identity` header as a real subgraph does. */
  identity: Identity;
  /** The signed header itself, for tests that compare it with what the caller sent. */
  identityHeader: string;
}

export interface FakeSubgraphOptions {
  /** The internal secret identities are signed with (the test process's). */
  secret: string;
  /** The GraphQL answer to a request (a `{ data, errors }` body); may be async. */
  answer(request: FakeRequest): unknown;
  /** What to do per request; `errors` answers the message given by `errorMessage`. */
  mode?(request: FakeRequest): FakeMode;
  /** The message of the GraphQL error a request in `errors` mode gets. */
  errorMessage?(request: FakeRequest): string;
}

/** A running fake subgraph: where it listens, what it received, and how to stop it. */
export interface FakeSubgraph {
  /** Base URL, without a path: `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Every request received with a valid identity, oldest first (refused ones are not recorded). */
  requests: FakeRequest[];
  close(): Promise<void>;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * An HTTP server standing in for another subgraph in tests: like a real subgraph it refuses (401
 * UNAUTHENTICATED) a request without a valid signed identity; otherwise it records the request and
 * answers as the test's `answer` says — the one server behind every peer fake of the subgraph suites.
 */
export async function startFakeSubgraph(options: FakeSubgraphOptions): Promise<FakeSubgraph> {
  const requests: FakeRequest[] = [];
  const send = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const identityHeader = header(req.headers, INTERNAL_IDENTITY_HEADER) ?? "";
      let identity: Identity;
      try {
        identity = verifyIdentity(identityHeader, options.secret);
      } catch (error) {
        send(res, 401, { errors: [{ message: (error as Error).message, extensions: { code: "UNAUTHENTICATED" } }] });
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      const request: FakeRequest = {
        path: req.url ?? "/",
        query: body.query,
        variables: body.variables ?? {},
        identity,
        identityHeader,
      };
      requests.push(request);
      const mode = options.mode?.(request) ?? "answer";
      if (mode === "drop") {
        req.socket.destroy();
        return;
      }
      if (mode === "errors") {
        const message = options.errorMessage?.(request) ?? "The database is unavailable; retry shortly";
        send(res, 200, { data: null, errors: [{ message }] });
        return;
      }
      Promise.resolve()
        .then(() => options.answer(request))
        .then(
          (answer) => send(res, 200, answer),
          (error: Error) => send(res, 200, { data: null, errors: [{ message: `fake failed: ${error.message}` }] }),
        );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
