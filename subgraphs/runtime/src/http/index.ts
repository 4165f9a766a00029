import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Logger } from "../log";
import type { Metrics } from "../observability/metrics";

export { freePort } from "./free-port";

export const GRAPHQL_PATH = "/graphql";

const gzipAsync = promisify(gzip);

export interface GraphQLHttpOptions<TContext extends BaseContext, TCaller> {
  apollo: ApolloServer<TContext>;
  /**
   * Checks who is calling before the body is read or anything runs, and returns it for `context`;
   * throw a `RequestRefused` (e.g. 401) to answer the request with it.
   */
  authenticate: (req: IncomingMessage) => TCaller | Promise<TCaller>;
  /** Builds the per-request context (DataLoaders, identity) for the caller `authenticate` found. */
  context: (req: IncomingMessage, caller: TCaller) => Promise<TContext>;
  maxBodyBytes: number;
  logger: Logger;
  /**
   * Serves other routes (an explorer page, static assets) before GraphQL: return true when the
   * request was answered.
   */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
  /** Served at /metrics in the Prometheus text format. */
  metrics?: Metrics;
  /** Readiness for /ready: whether this process can serve now, and what each dependency says. */
  ready?: () => Promise<ReadyReport>;
  /** Most operations one batched request (a JSON array) may hold; batches are refused without it. */
  maxBatch?: number;
  /**
   * Gzip answers of at least this many bytes for clients that accept it (browsers, partner
   * portals across the internet); off by default: between services on one network it only costs
   * CPU (bench/README.md).
   */
  compressAboveBytes?: number;
  /**
   * Answers a POST before Apollo Server when it can (the gateway's single-fetch pass-through), after
   * authentication, the rate limit and the body checks; undefined lets Apollo Server answer it.
   */
  shortcut?: (request: ShortcutRequest<TContext>) => Promise<ShortcutAnswer | undefined>;
}

/** What a shortcut sees of a request: `context` is memoised, so Apollo Server gets the same object after it. */
export interface ShortcutRequest<TContext> {
  req: IncomingMessage;
  body: unknown;
  context: () => Promise<TContext>;
}

/** A complete GraphQL answer: written as Apollo Server's are (headers, then the body, gzipped when large). */
export interface ShortcutAnswer {
  status: number;
  headers: Iterable<[string, string]>;
  body: string;
}

/** Whether the client's Accept-Encoding takes gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Level 1: a 45 kB answer shrinks ~15× in ~0.1 ms; higher levels cost more for little (bench/README.md). */
const GZIP_OPTIONS = { level: 1 };

/** The answer of /ready: 200 when ready, 503 otherwise, with one line per dependency. */
export interface ReadyReport {
  ready: boolean;
  checks: Record<string, string>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id: the caller's `x-request-id` when it is sane, else a new one. It is
 * written back onto the request (so contexts and subgraph calls pass it on) and into the response.
 */
function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  return requestId;
}

/** The id `createGraphQLHttpServer` gave a request. */
export function requestIdOf(req: IncomingMessage | undefined): string {
  const id = req?.headers["x-request-id"];
  return typeof id === "string" ? id : "none";
}

/** A request answered before GraphQL runs: an HTTP status, and one error with a code (and optional headers). */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: RequestRefused): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  sendJson(res, error.status, {
    errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }],
  });
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new RequestRefused(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RequestRefused(413, "PAYLOAD_TOO_LARGE", `Request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(req: IncomingMessage, text: string): unknown {
  if (req.method !== "POST" || text === "") return undefined;
  const type = req.headers["content-type"] ?? "";
  if (!type.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestRefused(400, "BAD_REQUEST", "Request body is not valid JSON");
  }
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** Writes a complete answer: its headers and status, then its body, gzipped when large and the client accepts it. */
async function sendComplete(
  req: IncomingMessage,
  res: ServerResponse,
  answer: ShortcutAnswer,
  compressAboveBytes: number | undefined,
): Promise<void> {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status;
  const text = answer.body;
  if (compressAboveBytes !== undefined) {
    res.setHeader("vary", "accept-encoding");
    if (text.length >= compressAboveBytes && acceptsGzip(req.headers["accept-encoding"])) {
      const compressed = await gzipAsync(text, GZIP_OPTIONS);
      res.setHeader("content-encoding", "gzip");
      res.setHeader("content-length", compressed.length);
      res.end(compressed);
      return;
    }
  }
  res.end(text);
}

/**
 * Serves an Apollo Server over node:http at `/graphql` (GET and POST) plus `/health`, without a
 * web framework in between: request bodies are bounded, and malformed JSON is a 400, not a 500.
 */
export function createGraphQLHttpServer<TContext extends BaseContext, TCaller>(
  options: GraphQLHttpOptions<TContext, TCaller>,
): Server {
  const { apollo, logger } = options;
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    assignRequestId(req, res);
    if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
    void (async () => {
      if (url.pathname === "/ready" && options.ready) {
        const report = await options.ready();
        return sendJson(res, report.ready ? 200 : 503, {
          status: report.ready ? "ready" : "not ready",
          checks: report.checks,
        });
      }
      if (url.pathname === "/metrics" && options.metrics) {
        res.writeHead(200, { "content-type": options.metrics.registry.contentType });
        res.end(await options.metrics.registry.metrics());
        return;
      }
      if (options.routes && (await options.routes(req, res, url))) return;
      if (url.pathname !== GRAPHQL_PATH) {
        throw new RequestRefused(404, "NOT_FOUND", `Nothing at ${url.pathname}; GraphQL is served at ${GRAPHQL_PATH}`);
      }
      const caller = await options.authenticate(req);
      const body = parseBody(req, await readBody(req, options.maxBodyBytes));
      if (Array.isArray(body) && body.length > (options.maxBatch ?? 1)) {
        throw new RequestRefused(
          400,
          "BATCH_TOO_LARGE",
          `A batch may hold at most ${options.maxBatch ?? 1} operations (got ${body.length})`,
        );
      }
      let contextValue: Promise<TContext> | undefined;
      const context = () => (contextValue ??= options.context(req, caller));
      if (options.shortcut && req.method === "POST") {
        const answer = await options.shortcut({ req, body, context });
        if (answer) return sendComplete(req, res, answer, options.compressAboveBytes);
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = {
        method: (req.method ?? "GET").toUpperCase(),
        headers: toHeaderMap(req),
        search: url.search,
        body,
      };
      const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
      if (response.body.kind === "complete") {
        const answer = { status: response.status ?? 200, headers: response.headers, body: response.body.string };
        return sendComplete(req, res, answer, options.compressAboveBytes);
      }
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    })().catch((error: unknown) => {
      if (error instanceof RequestRefused) return sendError(res, error);
      logger.error({ err: error }, "request failed outside GraphQL execution");
      if (!res.headersSent) sendError(res, new RequestRefused(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
      else res.destroy();
    });
  });
}

/** Starts listening; resolves with the URL clients use (port 0 picks a free port). */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${shownHost === "0.0.0.0" ? "localhost" : shownHost}:${address.port}${GRAPHQL_PATH}`;
}

/** Stops accepting connections and waits for open requests to finish. */
export async function close(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
