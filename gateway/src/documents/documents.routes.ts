import { RequestRefused } from "@itsm/runtime";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fetchAgreementTerms } from "./agreement.document";
import { renderAgreementHtml } from "./agreement.html";
import { renderAgreementPdf } from "./agreement.pdf";
import type { GraphExecutor } from "./graph.client";
import { DOCUMENT_CSP, sha256 } from "./html";
import { fetchReport } from "./report.document";
import { renderReportHtml } from "./report.html";
import { renderReportPdf } from "./report.pdf";

/** Where documents are served. */
export const DOCUMENTS_PATH = "/documents/";

const ROUTE = /^\/documents\/(agreements|reports)\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})(?:\.(pdf|html))?$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

type Format = "html" | "pdf";

/** A rendered document: its bytes, the SHA-256 of its canonical content, and its file name without extension. */
interface Rendered {
  html: () => string;
  pdf: () => Promise<Buffer>;
  sha256: string;
  name: string;
}

/** q of a media type in an Accept header (exact type, then `type/*`, then `*\/*`); 0 when not accepted. */
function quality(accept: string, mediaType: string): number {
  const [type] = mediaType.split("/");
  let best: [number, number] = [-1, 0];
  for (const part of accept.split(",")) {
    const [range = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const specificity = range === mediaType ? 2 : range === `${type}/*` ? 1 : range === "*/*" ? 0 : -1;
    const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? 1);
    if (specificity > best[0] && Number.isFinite(q)) best = [specificity, q];
  }
  return best[0] < 0 ? 0 : best[1];
}

/** The suffix decides; else the Accept header (HTML when it is a tie or says nothing). */
function formatOf(req: IncomingMessage, suffix: string | undefined): Format {
  if (suffix === "pdf" || suffix === "html") return suffix;
  const accept = req.headers.accept;
  if (!accept) return "html";
  return quality(accept, "application/pdf") > quality(accept, "text/html") ? "pdf" : "html";
}

function positiveInt(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new RequestRefused(400, "BAD_USER_INPUT", `${name} must be a positive whole number`);
  return Number(raw);
}

async function send(req: IncomingMessage, res: ServerResponse, doc: Rendered, format: Format): Promise<void> {
  const body = format === "pdf" ? await doc.pdf() : Buffer.from(doc.html(), "utf8");
  const etag = `"${sha256(body).slice(0, 32)}"`;
  const headers: Record<string, string | number> = {
    "content-type": format === "pdf" ? "application/pdf" : "text/html; charset=utf-8",
    "content-disposition": `inline; filename="${doc.name}.${format}"`,
    "x-document-sha256": doc.sha256,
    etag,
    // The document depends on who asks (a partner sees its own parties only) and may change with the data.
    "cache-control": "private, no-cache",
    vary: "Accept, Authorization",
    "x-content-type-options": "nosniff",
  };
  if (format === "html") {
    headers["content-security-policy"] = DOCUMENT_CSP;
    headers["referrer-policy"] = "no-referrer";
  }
  const inm = req.headers["if-none-match"];
  if (typeof inm === "string" && inm.split(",").some((tag) => tag.trim() === etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["content-length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

async function agreementDocument(execute: GraphExecutor, req: IncomingMessage, number: string, url: URL) {
  const terms = await fetchAgreementTerms(execute, req, number, positiveInt(url, "version"));
  const { html, termsSha256 } = renderAgreementHtml(terms);
  return {
    html: () => html,
    pdf: () => renderAgreementPdf(terms, termsSha256),
    sha256: termsSha256,
    name: `${terms.number}-v${terms.version}`,
  };
}

async function reportDocument(execute: GraphExecutor, req: IncomingMessage, number: string, url: URL) {
  const period = url.searchParams.get("period");
  if (!period || !PERIOD.test(period)) {
    throw new RequestRefused(400, "BAD_USER_INPUT", "period must be a month (2026-11) or a quarter (2026-Q4)");
  }
  const report = await fetchReport(execute, req, number, period);
  const { html, contentSha256 } = renderReportHtml(report);
  return {
    html: () => html,
    pdf: () => renderReportPdf(report, contentSha256),
    sha256: contentSha256,
    name: `${report.number}-report-${period}`,
  };
}

/**
 * `GET /documents/agreements/<number>[.pdf|.html][?version=n]` and
 * `GET /documents/reports/<number>[.pdf|.html]?period=YYYY-MM`: documents rendered from what
 * the graph answers the caller (its bearer token), as HTML or PDF. Anything refused answers as
 * the gateway refuses requests (JSON with a code): 400, 401, 403, 404, 405, 429, 502, 503.
 */
export function documentRoutes(execute: GraphExecutor) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(DOCUMENTS_PATH)) return false;
    const match = ROUTE.exec(url.pathname);
    if (!match) throw new RequestRefused(404, "NOT_FOUND", `No document at ${url.pathname}`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      throw new RequestRefused(405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed on documents`, {
        allow: "GET, HEAD",
      });
    }
    const [, kind, number, suffix] = match;
    const doc =
      kind === "agreements"
        ? await agreementDocument(execute, req, number, url)
        : await reportDocument(execute, req, number, url);
    await send(req, res, doc, formatOf(req, suffix));
    return true;
  };
}
