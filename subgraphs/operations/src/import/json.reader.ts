import type { ImportProblem } from "./csv.reader";

/**
 * The lines on which each element of a JSON document's top-level array starts, so that a bad
 * record of a JSON file is reported at its line as a CSV row is. Assumes valid JSON (parse first).
 */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectElement && c !== "]") {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth === 1 && c === "[") expectElement = true;
    } else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 1) expectElement = true;
  }
  return lines;
}

/** A JSON import file: an array of objects, each with its line. */
export function readJson(text: string): {
  records: { line: number; fields: Record<string, unknown> }[];
  problems: ImportProblem[];
} {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records: [], problems: [{ line: 1, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(value)) {
    return { records: [], problems: [{ line: 1, message: "a JSON import file is an array of records" }] };
  }
  const lines = elementLines(text);
  const records: { line: number; fields: Record<string, unknown> }[] = [];
  const problems: ImportProblem[] = [];
  value.forEach((element: unknown, i) => {
    const line = lines[i] ?? 1;
    if (element === null || typeof element !== "object" || Array.isArray(element)) {
      problems.push({ line, message: "each record is an object of named fields" });
    } else records.push({ line, fields: element as Record<string, unknown> });
  });
  return { records, problems };
}
