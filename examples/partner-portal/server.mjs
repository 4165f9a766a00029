// Serves the built portal (dist/) and hands /graphql and /documents/ on to the gateway, so the
// browser talks to one origin: the gateway sends no CORS headers, and needs none this way.
//   PORT (default 5173; 0 picks a free one), HOST (default 127.0.0.1),
//   GATEWAY_URL (default http://127.0.0.1:4000) — where the graph is.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("./dist/", import.meta.url));
const PORT = Number(process.env.PORT ?? 5173);
const HOST = process.env.HOST ?? "127.0.0.1";
const GATEWAY = new URL(process.env.GATEWAY_URL ?? "http://127.0.0.1:4000");
const PROXIED = ["/graphql", "/documents/"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};
// The page loads only its own files and talks only to its own origin.
const CSP =
  "default-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'";

if (!existsSync(join(DIST, "app.js"))) {
  console.error("The portal is not built: run `npm run build` (or `npm run portal` at the repository root).");
  process.exit(1);
}

function proxy(req, res) {
  // Only what the gateway needs; cookies and the like stay here.
  const headers = {};
  for (const name of ["authorization", "content-type", "accept", "content-length", "if-none-match", "x-request-id"]) {
    if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  }
  const upstream = request(new URL(req.url, GATEWAY), { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    res.end(`The graph at ${GATEWAY.origin} did not answer\n`);
  });
  req.pipe(upstream);
}

function serveFile(req, res, pathname) {
  const name = pathname === "/" ? "index.html" : normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, "");
  const path = join(DIST, name);
  const type = TYPES[extname(name)];
  if (!path.startsWith(DIST) || !type || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found\n");
    return;
  }
  res.writeHead(200, {
    "content-type": type,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    ...(type.startsWith("text/html") ? { "content-security-policy": CSP, "referrer-policy": "no-referrer" } : {}),
  });
  createReadStream(path).pipe(res);
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? "/", "http://portal");
  if (PROXIED.some((prefix) => pathname === prefix || pathname.startsWith(prefix))) return proxy(req, res);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" });
    res.end();
    return;
  }
  serveFile(req, res, pathname);
});

server.listen(PORT, HOST, () => {
  const { port } = server.address();
  const url = `http://${HOST}:${port}/`;
  console.log(`partner portal at ${url} (graph: ${GATEWAY.origin})`);
  process.send?.({ type: "ready", url });
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
