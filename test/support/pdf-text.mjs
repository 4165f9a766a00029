// Prints the text of a PDF read from standard input, as JSON: { pages: [text of page 1, …], info }.
// A script of its own because pdf.js is ESM only and the tests run as CommonJS under jest.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 })
  .promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
}
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, info }));
