import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";

/** A `routes` hook for createGraphQLHttpServer: true when it answered the request. */
export type Routes = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** Where the explorer's scripts, stylesheets and workers are served from. */
export const EXPLORER_ASSETS_PATH = "/explorer/";

/** The paths at which a browser (Accept: text/html) gets the explorer page instead of GraphQL. */
const PAGE_PATHS = new Set(["/graphql", "/"]);

/** The service level dashboard's page (its scripts are assets of the bundle like the explorer's). */
export const DASHBOARD_PATH = "/explorer/dashboard";

/** The bundle's pages: served only at their paths, with the Content-Security-Policy, never as assets. */
const PAGES = { explorer: "index.html", dashboard: "dashboard.html" } as const;

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** esbuild's `[name]-[hash]`: eight base32 characters. Such a file never changes under its name. */
const HASHED_NAME = /-[A-Z2-7]{8}\.[a-z0-9]+$/;

/**
 * The page only loads what the gateway serves itself: no CDN, no third-party requests. Monaco
 * injects <style> elements, hence 'unsafe-inline' for styles; GraphiQL's fonts are data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  index: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(",").flatMap((part, index) => {
    const [range = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) return [];
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q, index }] : [];
  });
}

/** How a media type fares against an Accept header: the most specific range that matches it. */
function preference(ranges: MediaRange[], mediaType: string) {
  const [type, subtype] = mediaType.split("/");
  let best: { q: number; specificity: number; index: number } | undefined;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === "*"
          ? 1
          : range.type === "*" && range.subtype === "*"
            ? 0
            : -1;
    if (specificity < 0 || (best && specificity < best.specificity)) continue;
    if (!best || specificity > best.specificity || range.q > best.q)
      best = { q: range.q, specificity, index: range.index };
  }
  return best ?? { q: 0, specificity: -1, index: Infinity };
}

/**
 * Whether the client prefers HTML to a GraphQL response (JSON), as a browser's navigation does
 * (`text/html,…,*\/*;q=0.8`). A bare `*\/*` (curl, fetch) or no Accept header means GraphQL.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const html = preference(ranges, "text/html");
  if (html.q <= 0) return false;
  return ["application/json", "application/graphql-response+json"].every((type) => {
    const json = preference(ranges, type);
    if (html.q !== json.q) return html.q > json.q;
    if (html.specificity !== json.specificity) return html.specificity > json.specificity;
    return html.index < json.index;
  });
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers["accept-encoding"];
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (!q || Number(q.slice(2)) > 0);
  });
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(text);
}

function fileSize(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the analysts' explorer (GraphiQL, bundled by `gateway/explorer/build.mjs` into `distDir`)
 * before GraphQL:
 *
 * - `GET /graphql` or `GET /` from a browser (Accept preferring text/html): the explorer page;
 * - `GET /explorer/dashboard`: the service level dashboard's page (it asks /graphql, as the explorer);
 * - `GET /explorer/<file>`: a file of the bundle, cached for a year when its name is hashed;
 *   anything but a plain file name of the bundle is a 400 (`..`, slashes) or a 404.
 *
 * Everything else (every GraphQL request) returns false. Without a built bundle, GraphQL still
 * works and the page answers 404 saying the explorer was not built.
 */
export function explorerRoutes(distDir: string): Routes {
  const root = resolve(distDir);
  function servePage(req: IncomingMessage, res: ServerResponse, page: keyof typeof PAGES): void {
    const pagePath = join(root, PAGES[page]);
    let html: Buffer;
    try {
      html = readFileSync(pagePath);
    } catch {
      sendText(
        res,
        404,
        `The GraphQL explorer was not built (${pagePath} is missing): run \`npm run build\` to bundle it.\n` +
          "GraphQL itself is served here: POST a JSON body with content-type: application/json.\n",
      );
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": html.length,
      "cache-control": "no-cache",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      vary: "Accept",
    });
    res.end(req.method === "HEAD" ? undefined : html);
  }

  function serveAsset(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, `${req.method} is not allowed on ${url.pathname}\n`, { allow: "GET, HEAD" });
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(EXPLORER_ASSETS_PATH.length));
    } catch {
      sendText(res, 400, "Malformed asset path\n");
      return;
    }
    // The bundle is one flat folder: a plain file name, nothing that could leave it.
    if (name.includes("..") || /[/\\\0]/.test(name)) {
      sendText(res, 400, "Bad asset path\n");
      return;
    }
    const path = join(root, name);
    const contentType = CONTENT_TYPES[extname(name).toLowerCase()];
    const size = path.startsWith(root + sep) && contentType ? fileSize(path) : undefined;
    if (size === undefined || Object.values<string>(PAGES).includes(name)) {
      sendText(res, 404, `No explorer asset named ${JSON.stringify(name)}\n`);
      return;
    }
    const headers: Record<string, string | number> = {
      "content-type": contentType,
      "cache-control": HASHED_NAME.test(name) ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    };
    let file = path;
    let length = size;
    const gzipSize = fileSize(`${path}.gz`);
    if (gzipSize !== undefined) {
      headers.vary = "Accept-Encoding";
      if (acceptsGzip(req)) {
        file = `${path}.gz`;
        length = gzipSize;
        headers["content-encoding"] = "gzip";
      }
    }
    headers["content-length"] = length;
    res.writeHead(200, headers);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  }

  return (req, res, url) => {
    if (url.pathname === DASHBOARD_PATH && (req.method === "GET" || req.method === "HEAD")) {
      servePage(req, res, "dashboard");
      return true;
    }
    if (url.pathname.startsWith(EXPLORER_ASSETS_PATH)) {
      serveAsset(req, res, url);
      return true;
    }
    if (
      PAGE_PATHS.has(url.pathname) &&
      (req.method === "GET" || req.method === "HEAD") &&
      prefersHtml(req.headers.accept)
    ) {
      servePage(req, res, "explorer");
      return true;
    }
    return false;
  };
}
