import { randomBytes } from "node:crypto";
import { loadGatewayConfig } from "../config";
import { createLogger } from "@itsm/runtime";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { explorerRoutes, prefersHtml } from "../explorer";
import type { RunningGateway } from "../server";
import { GatewayServer } from "../server";

/** The secret this test's gateway signs identities with (no subgraph checks them here). */
const TEST_INTERNAL_SECRET = randomBytes(32).toString("base64url");

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const PAGE = '<!doctype html><html><head><script type="module" src="explorer/app-ABCDEFGH.js"></script></head></html>';
const SCRIPT = 'console.log("explorer");'.repeat(50);
const SECRET = "not to be served";
const DASHBOARD =
  '<!doctype html><html><head><script type="module" src="dashboard-ABCDEFGH.js"></script></head></html>';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP request (no URL normalisation by a client library), so traversal attempts reach the server as sent. */
function send(url: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, path, method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("prefersHtml", () => {
  it.each([
    [BROWSER_ACCEPT, true],
    ["text/html", true],
    ["application/json, text/html;q=0.9", false],
    ["text/html, application/json", true],
    ["application/json, text/html", false],
    ["text/*", true],
    ["*/*", false],
    ["application/graphql-response+json, application/json;q=0.9", false],
    ["text/html;q=0", false],
    ["", false],
    [undefined, false],
  ])("Accept %j → %s", (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});

describe("explorerRoutes", () => {
  let root: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "itsm-explorer-"));
    const dist = join(root, "explorer");
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), PAGE);
    writeFileSync(join(dist, "dashboard.html"), DASHBOARD);
    writeFileSync(join(dist, "app-ABCDEFGH.js"), SCRIPT);
    writeFileSync(join(dist, "app-ABCDEFGH.js.gz"), gzipSync(SCRIPT));
    writeFileSync(join(dist, "style-IJKLMNOP.css"), "body{margin:0}");
    writeFileSync(join(dist, "notes.txt"), "not hashed");
    writeFileSync(join(root, "secret.js"), SECRET);
    const routes = explorerRoutes(dist);
    // What the gateway's HTTP server does: routes first, then GraphQL at /graphql, 404 elsewhere.
    server = createServer((req, res) => {
      const requested = new URL(req.url ?? "/", "http://localhost");
      if (routes(req, res, requested)) return;
      res.writeHead(requested.pathname === "/graphql" ? 200 : 404, { "content-type": "application/json" });
      res.end(requested.pathname === "/graphql" ? '{"graphql":true}' : '{"nothing":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it("serves the page at /graphql and / to a browser", async () => {
    for (const path of ["/graphql", "/"]) {
      const answer = await send(url, path, { headers: { accept: BROWSER_ACCEPT } });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers["cache-control"]).toBe("no-cache");
      expect(answer.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(answer.body.toString()).toBe(PAGE);
    }
  });

  it("serves the service level dashboard's page at /explorer/dashboard, with the same policy", async () => {
    const answer = await send(url, "/explorer/dashboard");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(answer.body.toString()).toBe(DASHBOARD);
    expect((await send(url, "/explorer/dashboard", { method: "POST" })).status).toBe(405);
  });

  it("answers HEAD for the page without a body", async () => {
    const answer = await send(url, "/graphql", { method: "HEAD", headers: { accept: "text/html" } });
    expect(answer.status).toBe(200);
    expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(PAGE));
    expect(answer.body.length).toBe(0);
  });

  it("leaves GraphQL requests to GraphQL", async () => {
    const cases: { path: string; method?: string; headers?: Record<string, string> }[] = [
      { path: "/graphql", method: "POST", headers: { accept: BROWSER_ACCEPT, "content-type": "application/json" } },
      { path: "/graphql?query=%7B__typename%7D", headers: { accept: "application/json" } },
      { path: "/graphql", headers: { accept: "*/*" } },
      { path: "/graphql" },
    ];
    for (const { path, method, headers } of cases) {
      const answer = await send(url, path, { method, headers });
      expect({ path, method, body: answer.body.toString() }).toEqual({ path, method, body: '{"graphql":true}' });
    }
    const other = await send(url, "/other", { headers: { accept: BROWSER_ACCEPT } });
    expect(other.body.toString()).toBe('{"nothing":true}');
  });

  it("serves a hashed asset with its content type and a long cache lifetime", async () => {
    const answer = await send(url, "/explorer/app-ABCDEFGH.js");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.body.toString()).toBe(SCRIPT);

    const css = await send(url, "/explorer/style-IJKLMNOP.css");
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
  });

  it("sends the gzip copy to clients that accept it", async () => {
    const answer = await send(url, "/explorer/app-ABCDEFGH.js", {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.body.equals(gzipSync(SCRIPT))).toBe(true);

    const refused = await send(url, "/explorer/app-ABCDEFGH.js", { headers: { "accept-encoding": "gzip;q=0" } });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.toString()).toBe(SCRIPT);
  });

  it("lets an unhashed asset be revalidated", async () => {
    const answer = await send(url, "/explorer/notes.txt");
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("no-cache");
  });

  it("answers 404 for unknown assets, the page itself and the gzip copies", async () => {
    for (const path of [
      "/explorer/missing-ABCDEFGH.js",
      "/explorer/",
      "/explorer/index.html",
      "/explorer/dashboard.html",
      "/explorer/app-ABCDEFGH.js.gz",
    ]) {
      const answer = await send(url, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    }
  });

  it("never serves a file outside the bundle", async () => {
    for (const path of [
      "/explorer/../secret.js",
      "/explorer/..%2Fsecret.js",
      "/explorer/%2e%2e%2fsecret.js",
      "/explorer/..%5Csecret.js",
      "/explorer/%2E%2E/secret.js",
      "/explorer/sub/..%2F..%2Fsecret.js",
      "/explorer/%2Fetc%2Fpasswd",
      "/explorer/app-ABCDEFGH.js%00.css",
      "/explorer/%E0%A4%A",
    ]) {
      const answer = await send(url, path);
      expect(answer.body.toString()).not.toContain(SECRET);
      expect({ path, ok: answer.status < 300 }).toEqual({ path, ok: false });
    }
    const encoded = await send(url, "/explorer/..%2Fsecret.js");
    expect(encoded.status).toBe(400);
  });

  it("rejects methods other than GET and HEAD on assets", async () => {
    const answer = await send(url, "/explorer/app-ABCDEFGH.js", { method: "POST" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
  });

  it("says the explorer was not built when the bundle is missing", async () => {
    const routes = explorerRoutes(join(root, "nowhere"));
    const missing = createServer((req, res) => {
      if (!routes(req, res, new URL(req.url ?? "/", "http://localhost"))) res.end("graphql");
    });
    await new Promise<void>((resolve) => missing.listen(0, "127.0.0.1", resolve));
    try {
      const missingUrl = `http://127.0.0.1:${(missing.address() as AddressInfo).port}`;
      const page = await send(missingUrl, "/graphql", { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(404);
      expect(page.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(page.body.toString()).toContain("The GraphQL explorer was not built");
      expect((await send(missingUrl, "/explorer/app-ABCDEFGH.js")).status).toBe(404);
      expect((await send(missingUrl, "/graphql", { method: "POST" })).body.toString()).toBe("graphql");
    } finally {
      await new Promise((resolve) => missing.close(resolve));
    }
  });
});

describe("the gateway without a built explorer", () => {
  const supergraph = join(__dirname, "..", "..", "..", "schema", "supergraph.graphql");
  let gateway: RunningGateway;

  beforeAll(async () => {
    const config = loadGatewayConfig(supergraph, {
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
    });
    const server = new GatewayServer(
      config,
      createLogger("gateway-test", "silent"),
      join(tmpdir(), "itsm-no-explorer"),
    );
    gateway = await server.listen();
  });

  afterAll(() => gateway.stop());

  it("still answers GraphQL", async () => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers a browser with a plain 404 instead of Apollo's landing page", async () => {
    const response = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).toContain("The GraphQL explorer was not built");
    expect(text).not.toContain("apollo");
  });
});
