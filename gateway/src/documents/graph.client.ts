import { RequestRefused } from "@itsm/runtime";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { documentId } from "../trusted-documents.plugin";

/** A GraphQL operation the document routes run, with its name (for the manifest) and text. */
export interface DocumentOperation {
  name: string;
  body: string;
}

/** The answer of one GraphQL request: its HTTP status and the parsed body. */
export interface GraphAnswer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  };
}

/** Runs an operation through the graph as the caller of `req` (its token, its request id). */
export type GraphExecutor = (
  req: IncomingMessage,
  operation: DocumentOperation,
  variables: Record<string, unknown>,
) => Promise<GraphAnswer>;

/** The headers a document request hands on to its GraphQL request: who calls, and the trace. */
const FORWARDED = ["authorization", "x-request-id", "traceparent", "tracestate"];

/** Where the gateway can call itself: its own address, a wildcard replaced by loopback. */
function loopbackUrl(server: Server): string {
  const { address, family, port } = server.address() as AddressInfo;
  const host =
    address === "0.0.0.0" ? "127.0.0.1" : address === "::" ? "[::1]" : family === "IPv6" ? `[${address}]` : address;
  return `http://${host}:${port}/graphql`;
}

/**
 * Runs document operations over HTTP against this gateway itself, so that they pass through
 * everything a client's request does: authentication, rate limiting, limits, trusted documents.
 * Each is sent by id (the APQ format) with its text: the id finds it in the trusted documents
 * (`withDocumentOperations` adds them), and without a manifest Apollo checks the text against it.
 */
export function loopbackExecutor(server: () => Server | undefined, timeoutMs = 30_000): GraphExecutor {
  return async (req, operation, variables) => {
    const current = server();
    if (!current?.listening) throw new RequestRefused(503, "SERVICE_UNAVAILABLE", "The gateway is not listening");
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const response = await fetch(loopbackUrl(current), {
      method: "POST",
      headers,
      body: JSON.stringify({
        operationName: operation.name,
        query: operation.body,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: documentId(operation.body) } },
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphAnswer["body"] };
  };
}

/** HTTP status for an error code of the graph when it stops a document from being rendered. */
const STATUS_BY_CODE: Record<string, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** Headers of a refusal worth handing on to the document's caller. */
const PASSED_ON = ["www-authenticate", "retry-after"];

/**
 * The data of an answer, or the refusal to send instead: a document is rendered only from a
 * complete answer, so any error — a refused token, an agreement out of the caller's reach
 * (NOT_FOUND, as the graph answers it), a subgraph that is down — means no document.
 */
export function dataOf(answer: GraphAnswer, what: string): Record<string, unknown> {
  const error = answer.body.errors?.[0];
  if (!error && answer.status === 200 && answer.body.data) return answer.body.data;
  const code = error?.extensions?.code ?? "INTERNAL_SERVER_ERROR";
  const headers: Record<string, string> = {};
  for (const name of PASSED_ON) {
    const value = answer.headers.get(name);
    if (value) headers[name] = value;
  }
  if (code === "UNAUTHENTICATED" && !headers["www-authenticate"]) headers["www-authenticate"] = "Bearer";
  // The gateway's own document operation not validating against the graph it serves is this
  // gateway's bug, not the caller's and not a missing feature: a bad gateway (502), said as such.
  if (code === "GRAPHQL_VALIDATION_FAILED") {
    throw new RequestRefused(
      502,
      code,
      `The gateway's query for ${what} does not validate against the graph's schema: ${error?.message ?? "no message"}`,
      headers,
    );
  }
  const status = answer.status >= 400 ? answer.status : (STATUS_BY_CODE[code] ?? 502);
  const message =
    status === 502
      ? `The graph could not produce ${what} completely (${code}): ${error?.message ?? "no data"}`
      : (error?.message ?? `The graph refused ${what}`);
  throw new RequestRefused(status, code, message, headers);
}
