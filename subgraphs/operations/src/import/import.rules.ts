import type { ImportProblem } from "./csv.reader";
import { readCsv } from "./csv.reader";
import { readJson } from "./json.reader";

/** What can be imported, and the mutation each kind is sent with. */
export const IMPORT_KINDS = ["outages", "incidents", "measurements"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The most records one file may hold: one `record*` call, which takes at most this many. */
export const MAX_IMPORT_RECORDS = 1000;

/** The columns of each kind (CSV header names, JSON field names); `?` marks an optional one. */
export const IMPORT_COLUMNS: Record<ImportKind, string[]> = {
  outages: ["externalId", "service?", "component?", "kind", "startedAt", "endedAt?", "description"],
  incidents: ["externalId", "service", "customer", "priority", "openedAt", "respondedAt?", "resolvedAt?", "pauses?"],
  measurements: ["externalId", "service", "customer?", "metric", "month", "value"],
};

const PRIORITIES = ["P1", "P2", "P3", "P4"];
const OUTAGE_KINDS = ["PLANNED", "UNPLANNED"];
const METRICS = [
  "AVAILABILITY",
  "RESPONSE_TIME",
  "RESOLUTION_TIME",
  "FIRST_CONTACT_RESOLUTION",
  "CUSTOMER_SATISFACTION",
  "RECOVERY_TIME_OBJECTIVE",
  "RECOVERY_POINT_OBJECTIVE",
  "CHANGE_SUCCESS_RATE",
];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/;

/** A validated row: its line, its fields with codes still as codes. */
export interface ImportRow {
  line: number;
  fields: Record<string, string | number | { from: string; to: string | null }[] | null>;
}

/** What a file holds once read and checked: rows, the codes to resolve, and what is wrong. */
export interface PreparedImport {
  rows: ImportRow[];
  problems: ImportProblem[];
  codes: { services: string[]; customers: string[]; components: string[] };
}

/** Reads and checks a whole file; nothing is to be sent when `problems` is not empty. */
export function prepareImport(kind: ImportKind, format: "csv" | "json", text: string): PreparedImport {
  const read = format === "csv" ? csvRecords(text) : readJson(text);
  const problems = [...read.problems];
  if (read.records.length > MAX_IMPORT_RECORDS) {
    problems.push({
      line: 1,
      message: `the file holds ${read.records.length} records; one import sends at most ${MAX_IMPORT_RECORDS} (split the file)`,
    });
  }
  const rows: ImportRow[] = [];
  if (read.records.length <= MAX_IMPORT_RECORDS) {
    for (const record of read.records) {
      const row = checkRow(kind, record.line, record.fields, problems);
      if (row) rows.push(row);
    }
    checkDuplicates(rows, problems);
  }
  const distinct = (field: string) =>
    [...new Set(rows.flatMap((r) => (typeof r.fields[field] === "string" ? [r.fields[field] as string] : [])))].sort();
  return {
    rows,
    problems: problems.sort((a, b) => a.line - b.line),
    codes: { services: distinct("service"), customers: distinct("customer"), components: distinct("component") },
  };
}

function csvRecords(text: string) {
  const { records, problems } = readCsv(text);
  if (records.length === 0) return { records: [], problems: [...problems, { line: 1, message: "the file is empty" }] };
  const [header, ...data] = records;
  const names = header.cells.map((c) => c.trim());
  return {
    problems,
    records: data.map((r) => {
      const fields: Record<string, unknown> = {};
      if (r.cells.length !== names.length) {
        problems.push({ line: r.line, message: `${r.cells.length} fields where the header has ${names.length}` });
      }
      names.forEach((name, i) => (fields[name] = r.cells[i] ?? ""));
      return { line: r.line, fields };
    }),
  };
}

function checkRow(kind: ImportKind, line: number, given: Record<string, unknown>, problems: ImportProblem[]) {
  const columns = IMPORT_COLUMNS[kind];
  const names = columns.map((c) => c.replace("?", ""));
  const before = problems.length;
  const problem = (message: string) => problems.push({ line, message });
  for (const name of Object.keys(given)) {
    if (!names.includes(name)) problem(`unknown column "${name}" (expected ${names.join(", ")})`);
  }
  const fields: ImportRow["fields"] = {};
  for (const column of columns) {
    const name = column.replace("?", "");
    const raw = given[name];
    const text = raw === null || raw === undefined ? "" : typeof raw === "string" ? raw.trim() : raw;
    if (text === "") {
      if (!column.endsWith("?")) problem(`${name} is missing`);
      fields[name] = null;
    } else fields[name] = text as string | number;
  }
  const text = (name: string) =>
    typeof fields[name] === "string" ? (fields[name] as string) : fields[name] === null ? null : String(fields[name]);
  const oneOf = (name: string, allowed: string[]) => {
    const value = text(name);
    if (value !== null && !allowed.includes(value)) problem(`${name} "${value}" is not one of ${allowed.join(", ")}`);
  };
  const instant = (name: string) => {
    const value = text(name);
    if (value !== null && !isInstant(value))
      problem(`${name} "${value}" is not an ISO 8601 timestamp with a zone (2026-11-03T08:15:00Z)`);
  };
  const notBefore = (later: string, earlier: string) => {
    const [a, b] = [text(later), text(earlier)];
    if (a && b && isInstant(a) && isInstant(b) && Date.parse(a) < Date.parse(b))
      problem(`${later} is before ${earlier}`);
  };
  if (typeof fields.externalId === "string" && fields.externalId.length > 100)
    problem("externalId is longer than 100 characters");
  if (kind === "outages") {
    if (Boolean(fields.service) === Boolean(fields.component))
      problem("give exactly one of service (code) and component (name)");
    oneOf("kind", OUTAGE_KINDS);
    instant("startedAt");
    instant("endedAt");
    if (text("endedAt") && text("endedAt") === text("startedAt")) problem("endedAt must be after startedAt");
    notBefore("endedAt", "startedAt");
  } else if (kind === "incidents") {
    oneOf("priority", PRIORITIES);
    for (const name of ["openedAt", "respondedAt", "resolvedAt"]) instant(name);
    notBefore("respondedAt", "openedAt");
    notBefore("resolvedAt", "openedAt");
    const pauses = given.pauses;
    fields.pauses = Array.isArray(pauses) ? readPauseObjects(pauses, problem) : readPauses(text("pauses"), problem);
  } else {
    oneOf("metric", METRICS);
    const month = text("month");
    const match = month ? MONTH.exec(month) : null;
    if (month && !match) problem(`month "${month}" is not a month (2026-11 or 2026-11-01)`);
    if (match) fields.month = `${match[1]}-${match[2]}-01`;
    const value = fields.value === null ? null : Number(fields.value);
    if (fields.value !== null && (typeof value !== "number" || !Number.isFinite(value)))
      problem(`value "${String(fields.value)}" is not a number`);
    else fields.value = value;
  }
  return problems.length === before ? { line, fields } : null;
}

function isInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/** Pauses as text: `from/to;from/to`, each an ISO timestamp; the last `to` may be empty (still waiting). */
export function readPauses(
  text: string | null,
  problem: (message: string) => void,
): { from: string; to: string | null }[] {
  if (!text) return [];
  return text.split(";").map((part, i) => {
    const [from = "", to = "", ...rest] = part.split("/").map((s) => s.trim());
    if (rest.length > 0 || !isInstant(from) || (to !== "" && !isInstant(to))) {
      problem(`pause ${i + 1} "${part}" is not from/to (two ISO timestamps; the last to may be empty)`);
    }
    return { from, to: to === "" ? null : to };
  });
}

function readPauseObjects(pauses: unknown[], problem: (message: string) => void) {
  return pauses.map((p, i) => {
    const { from, to } = (p ?? {}) as { from?: unknown; to?: unknown };
    if (typeof from !== "string" || !isInstant(from) || (to != null && (typeof to !== "string" || !isInstant(to)))) {
      problem(`pause ${i + 1} is not { from, to } with ISO timestamps`);
    }
    return { from: String(from), to: typeof to === "string" ? to : null };
  });
}

function checkDuplicates(rows: ImportRow[], problems: ImportProblem[]): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const id = String(row.fields.externalId);
    const earlier = first.get(id);
    if (earlier !== undefined)
      problems.push({ line: row.line, message: `externalId "${id}" is also on line ${earlier}` });
    else first.set(id, row.line);
  }
}

/** Ids of the codes (and component names) the gateway resolved; a missing one is a problem at each line using it. */
export interface ResolvedCodes {
  services: Map<string, string>;
  customers: Map<string, string>;
  components: Map<string, string>;
}

/** The `record*` mutation input for the rows, codes replaced by ids; problems name every unknown code. */
export function recordInput(kind: ImportKind, rows: readonly ImportRow[], ids: ResolvedCodes) {
  const problems: ImportProblem[] = [];
  const idOf = (
    row: ImportRow,
    field: "service" | "customer" | "component",
    map: Map<string, string>,
    what: string,
  ) => {
    const code = row.fields[field];
    if (typeof code !== "string") return null;
    const id = map.get(code);
    if (!id) problems.push({ line: row.line, message: `${what} "${code}" does not exist` });
    return id ?? null;
  };
  const records = rows.map((row) => {
    const f = row.fields;
    if (kind === "outages") {
      return {
        externalId: f.externalId,
        serviceId: idOf(row, "service", ids.services, "service code"),
        componentId: idOf(row, "component", ids.components, "component"),
        kind: f.kind,
        startedAt: f.startedAt,
        endedAt: f.endedAt,
        description: f.description,
      };
    }
    if (kind === "incidents") {
      return {
        externalId: f.externalId,
        serviceId: idOf(row, "service", ids.services, "service code"),
        customerId: idOf(row, "customer", ids.customers, "customer code"),
        priority: f.priority,
        openedAt: f.openedAt,
        respondedAt: f.respondedAt,
        resolvedAt: f.resolvedAt,
        pauses: f.pauses,
      };
    }
    return {
      externalId: f.externalId,
      serviceId: idOf(row, "service", ids.services, "service code"),
      customerId: idOf(row, "customer", ids.customers, "customer code"),
      metric: f.metric,
      month: f.month,
      value: f.value,
    };
  });
  return { input: { [kind]: records }, problems };
}

/** The mutation each kind is sent with. */
export const RECORD_MUTATIONS: Record<ImportKind, string> = {
  outages: "mutation ($input: RecordOutagesInput!) { recordOutages(input: $input) { created updated unchanged } }",
  incidents:
    "mutation ($input: RecordIncidentsInput!) { recordIncidents(input: $input) { created updated unchanged } }",
  measurements:
    "mutation ($input: RecordMeasurementsInput!) { recordMeasurements(input: $input) { created updated unchanged } }",
};
