import { unparse } from "papaparse";
import type { ResultTable } from "./result-table";

/** Excel reads a CSV file as UTF-8 (Łódź, Müller, café) only when it starts with a byte order mark. */
export const UTF8_BOM = "\uFEFF";

/**
 * A table as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line
 * break in double quotes with its quotes doubled), with a header row and a UTF-8 byte order mark.
 * A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
 * leading ' (OWASP's CSV injection advice); numbers and booleans are written as they are. Empty
 * cells stand for null.
 */
export function toCsv(table: ResultTable): string {
  return (
    UTF8_BOM +
    unparse({ fields: table.columns, data: table.rows }, { newline: "\r\n", escapeFormulae: true, header: true }) +
    "\r\n"
  );
}

/** A file name for a table's CSV: the operation's name and the row source, e.g. `Services-services.nodes.csv`. */
export function csvFileName(operationName: string | undefined, path: string[]): string {
  const base = [operationName || "result", path.join(".") || "data"].join("-");
  return `${base.replace(/[^A-Za-z0-9._-]+/g, "_")}.csv`;
}
