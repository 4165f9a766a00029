/** A record of a CSV file, with the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Something wrong with an import file, at a line. */
export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * Reads RFC 4180 CSV: comma-separated fields, optionally in double quotes (which may hold commas,
 * line breaks and doubled quotes ""), records ended by CRLF or LF; a final line break is optional
 * and blank lines are skipped. A quote inside an unquoted field or an unterminated quoted field is
 * a problem at the line it occurs on.
 */
export function readCsv(text: string): { records: CsvRecord[]; problems: ImportProblem[] } {
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  let quoteLine = 0;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell === "" && !wasQuoted) {
        quoted = wasQuoted = true;
        quoteLine = line;
      } else
        problems.push({
          line,
          message: "a double quote inside an unquoted field (quote the whole field and double the quote)",
        });
    } else if (c === ",") endCell();
    else if (c === "\r" && body[i + 1] === "\n") {
      // CRLF: the LF ends the record.
    } else if (c === "\n") {
      endRecord();
      line++;
      start = line;
    } else if (wasQuoted) {
      problems.push({ line, message: "text after a closing double quote (a quoted field must end at the comma)" });
    } else cell += c;
  }
  if (quoted) problems.push({ line: quoteLine, message: "a quoted field is never closed" });
  else if (cell !== "" || cells.length > 0 || wasQuoted) endRecord();
  return { records, problems };
}
