import { createHash } from "node:crypto";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and attribute values. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** SHA-256 hex of a string's UTF-8 bytes. */
export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The documents' one stylesheet: an A4 page on screen and on paper, no web fonts, nothing fetched. */
const STYLE = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.45; color: #1d2330; background: #eef0f4; margin: 0; }
.sheet { max-width: 190mm; margin: 16px auto; background: #fff; padding: 18mm 16mm; box-shadow: 0 1px 4px #0002; }
header.document { border-bottom: 2px solid #1d2330; padding-bottom: 8px; margin-bottom: 18px; font-size: 9pt; }
header.document .kind { text-transform: uppercase; letter-spacing: .06em; color: #5a6272; margin: 0; }
header.document dl, .title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
dt { color: #5a6272; } dd { margin: 0; }
code.hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; word-break: break-all; }
h1 { font-size: 20pt; margin: 0 0 6px; line-height: 1.2; }
h2 { font-size: 13pt; margin: 26px 0 8px; border-bottom: 1px solid #c9ced8; padding-bottom: 3px; }
h3 { font-size: 11pt; margin: 16px 0 6px; } h4 { font-size: 10pt; margin: 10px 0 4px; color: #3a4252; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 9.5pt; }
th, td { border: 1px solid #c9ced8; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f2f6; font-weight: 600; } td.num { text-align: right; white-space: nowrap; }
.status { font-weight: 700; } .MET { color: #1b7a3a; } .AT_RISK { color: #a86400; } .BREACHED { color: #b3261e; }
.NO_DATA { color: #5a6272; } .note { color: #5a6272; font-size: 9pt; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 18px 28px; }
.signature { border: 1px solid #c9ced8; padding: 10px 12px; break-inside: avoid; }
.signature .line { border-bottom: 1px solid #1d2330; height: 26px; margin-bottom: 2px; }
.signature .caption { font-size: 8.5pt; color: #5a6272; margin-bottom: 8px; }
.signature .signed { color: #1b7a3a; font-weight: 600; margin: 4px 0; }
@media print { body { background: #fff; } .sheet { box-shadow: none; margin: 0; max-width: none; padding: 0; } }
`;

/**
 * The page's Content-Security-Policy: nothing but its own inline stylesheet (allowed by hash) —
 * no scripts, no requests.
 */
export const DOCUMENT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A complete HTML page around `body`, in a language and with a title. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="sheet">
${body}
</div>
</body>
</html>
`;
}

/** A table from a header row and body rows of ready-made cells (`<td>…</td>`). */
export function table(headings: string[], rows: string[][]): string {
  const head = headings.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((cells) => `<tr>${cells.join("")}</tr>`).join("\n");
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A table cell of text; `num` right-aligns it. */
export function td(text: string | number, num = false): string {
  return `<td${num ? ' class="num"' : ""}>${esc(text)}</td>`;
}
