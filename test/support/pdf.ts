import { execFile } from "node:child_process";
import { join } from "node:path";

/** What pdf.js reads in a PDF: each page's text, and the document information dictionary. */
export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
}

/** Extracts a PDF's text with pdf.js (in a child process: pdf.js is ESM only). */
export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, "pdf-text.mjs")],
      { maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as PdfText),
    );
    child.stdin?.end(pdf);
  });
}
