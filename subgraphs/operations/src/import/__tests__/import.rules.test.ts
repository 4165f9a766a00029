import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "../csv.reader";
import { elementLines } from "../json.reader";
import type { ImportKind, ResolvedCodes } from "../import.rules";
import { MAX_IMPORT_RECORDS, prepareImport, recordInput } from "../import.rules";

const EXAMPLES = join(__dirname, "..", "..", "..", "..", "..", "examples", "import");

describe("readCsv (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and numbers records by their first line", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n\n3,,z';
    expect(readCsv(text)).toEqual({
      records: [
        { line: 1, cells: ["a", "b", "c"] },
        { line: 2, cells: ["1", "x, y", 'say "hi"'] },
        { line: 3, cells: ["2", "two\nlines", ""] },
        { line: 6, cells: ["3", "", "z"] },
      ],
      problems: [],
    });
  });

  it("keeps an empty last field and ignores a final line break and a byte-order mark", () => {
    expect(readCsv("\uFEFFa,b\n1,\n").records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", ""] },
    ]);
  });

  it("reports stray and unterminated quotes at their line", () => {
    expect(readCsv('a\nx"y\n').problems).toEqual([{ line: 2, message: expect.stringMatching(/double quote inside/) }]);
    expect(readCsv('a\n"x"y\n').problems).toEqual([{ line: 2, message: expect.stringMatching(/after a closing/) }]);
    expect(readCsv('a\n1\n"open\nstill').problems).toEqual([{ line: 3, message: "a quoted field is never closed" }]);
  });
});

describe("elementLines", () => {
  it("finds the line each top-level element starts on, whatever its strings hold", () => {
    expect(elementLines('[\n  {"a": "[,{"},\n\n  {"b": [1,\n 2]}, {"c": "\\""}\n]')).toEqual([2, 4, 5]);
  });
});

describe("prepareImport", () => {
  const header = "externalId,service,customer,priority,openedAt,respondedAt,resolvedAt,pauses";

  it("reads incidents with pauses as from/to;from/to (the last may still run)", () => {
    const csv = `${header}\nI-1,EMAIL,SALES,P2,2026-11-03T08:00:00Z,2026-11-03T08:20:00Z,,2026-11-03T09:00:00Z/2026-11-03T10:00:00Z;2026-11-03T11:00:00+01:00/\n`;
    const prepared = prepareImport("incidents", "csv", csv);
    expect(prepared.problems).toEqual([]);
    expect(prepared.rows[0]).toEqual({
      line: 2,
      fields: {
        externalId: "I-1",
        service: "EMAIL",
        customer: "SALES",
        priority: "P2",
        openedAt: "2026-11-03T08:00:00Z",
        respondedAt: "2026-11-03T08:20:00Z",
        resolvedAt: null,
        pauses: [
          { from: "2026-11-03T09:00:00Z", to: "2026-11-03T10:00:00Z" },
          { from: "2026-11-03T11:00:00+01:00", to: null },
        ],
      },
    });
    expect(prepared.codes).toEqual({ services: ["EMAIL"], customers: ["SALES"], components: [] });
  });

  it("reports every bad row with its line and what is wrong", () => {
    const csv = [
      header,
      "I-1,EMAIL,SALES,P9,2026-11-03T08:00:00Z,,,",
      "I-2,EMAIL,,P2,yesterday,,,",
      "I-3,EMAIL,SALES,P2,2026-11-03T08:00:00Z,2026-11-03T07:00:00Z,,2026-11-03/x",
      "I-1,EMAIL,SALES,P2,2026-11-03T08:00:00,,,",
      "I-5,EMAIL,SALES,P2",
    ].join("\n");
    const { problems } = prepareImport("incidents", "csv", csv);
    expect(problems).toEqual([
      { line: 2, message: 'priority "P9" is not one of P1, P2, P3, P4' },
      { line: 3, message: "customer is missing" },
      { line: 3, message: expect.stringMatching(/^openedAt "yesterday" is not an ISO 8601 timestamp/) },
      { line: 4, message: "respondedAt is before openedAt" },
      { line: 4, message: expect.stringMatching(/^pause 1 "2026-11-03\/x" is not from\/to/) },
      {
        line: 5,
        message: expect.stringMatching(/^openedAt "2026-11-03T08:00:00" is not an ISO 8601 timestamp with a zone/),
      },
      { line: 6, message: "4 fields where the header has 8" },
      { line: 6, message: "openedAt is missing" },
    ]);
  });

  it("reports unknown columns, duplicate externalIds and outages of both or neither a service and a component", () => {
    const csv = [
      "externalId,service,component,kind,startedAt,endedAt,description,colour",
      "O-1,EMAIL,,UNPLANNED,2026-11-01T10:00:00Z,2026-11-01T10:00:00Z,x,red",
    ].join("\n");
    expect(prepareImport("outages", "csv", csv).problems.map((p) => p.message)).toEqual([
      'unknown column "colour" (expected externalId, service, component, kind, startedAt, endedAt, description)',
      "endedAt must be after startedAt",
    ]);
    const both =
      "externalId,service,component,kind,startedAt,endedAt,description\nO-1,EMAIL,Router,PLANNED,2026-11-01T10:00:00Z,,x\nO-1,,,PLANNED,2026-11-01T10:00:00Z,,x";
    expect(prepareImport("outages", "csv", both).problems).toEqual([
      { line: 2, message: "give exactly one of service (code) and component (name)" },
      { line: 3, message: "give exactly one of service (code) and component (name)" },
    ]);
    const twice =
      "externalId,service,component,kind,startedAt,endedAt,description\nO-1,EMAIL,,PLANNED,2026-11-01T10:00:00Z,,x\nO-1,WAN,,PLANNED,2026-11-01T10:00:00Z,,y";
    expect(prepareImport("outages", "csv", twice).problems).toEqual([
      { line: 3, message: 'externalId "O-1" is also on line 2' },
    ]);
  });

  it("reads JSON measurements, with lines for problems, months as their first day and numbers as numbers", () => {
    const json =
      '[\n {"externalId": "M-1", "service": "ERP", "metric": "CHANGE_SUCCESS_RATE", "month": "2026-11", "value": "96.5"},\n {"externalId": "M-2", "service": "ERP", "metric": "UPTIME", "month": "2026-13", "value": "high"}\n]';
    const prepared = prepareImport("measurements", "json", json);
    expect(prepared.problems).toEqual([
      { line: 3, message: expect.stringMatching(/^metric "UPTIME" is not one of/) },
      { line: 3, message: 'month "2026-13" is not a month (2026-11 or 2026-11-01)' },
      { line: 3, message: 'value "high" is not a number' },
    ]);
    expect(prepared.rows[0].fields).toMatchObject({ month: "2026-11-01", value: 96.5, customer: null });
  });

  it(`refuses more than ${MAX_IMPORT_RECORDS} records at once`, () => {
    const rows = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, (_, i) => ({
      externalId: `M-${i}`,
      service: "ERP",
      metric: "CHANGE_SUCCESS_RATE",
      month: "2026-11",
      value: 1,
    }));
    expect(prepareImport("measurements", "json", JSON.stringify(rows)).problems).toEqual([
      {
        line: 1,
        message: `the file holds 1001 records; one import sends at most ${MAX_IMPORT_RECORDS} (split the file)`,
      },
    ]);
  });

  it("reports invalid JSON and a document that is not an array", () => {
    expect(prepareImport("measurements", "json", "{").problems[0].message).toMatch(/^not valid JSON/);
    expect(prepareImport("measurements", "json", "{}").problems).toEqual([
      { line: 1, message: "a JSON import file is an array of records" },
    ]);
  });
});

describe("recordInput", () => {
  const ids: ResolvedCodes = {
    services: new Map([["EMAIL", "svc-email"]]),
    customers: new Map([["SALES", "cus-sales"]]),
    components: new Map(),
  };

  it("replaces codes by ids, and names every unknown code with its line", () => {
    const csv =
      "externalId,service,customer,metric,month,value\nM-1,EMAIL,SALES,CUSTOMER_SATISFACTION,2026-11,4.4\nM-2,MAIL,SALE,CUSTOMER_SATISFACTION,2026-11,4.1";
    const prepared = prepareImport("measurements", "csv", csv);
    const { input, problems } = recordInput("measurements", prepared.rows, ids);
    expect(problems).toEqual([
      { line: 3, message: 'service code "MAIL" does not exist' },
      { line: 3, message: 'customer code "SALE" does not exist' },
    ]);
    expect(input.measurements[0]).toEqual({
      externalId: "M-1",
      serviceId: "svc-email",
      customerId: "cus-sales",
      metric: "CUSTOMER_SATISFACTION",
      month: "2026-11-01",
      value: 4.4,
    });
  });
});

describe("the example files", () => {
  it.each([
    ["incidents", "incidents.csv", 6],
    ["outages", "outages.csv", 3],
    ["measurements", "measurements.json", 3],
  ] as [ImportKind, string, number][])("%s: %s reads without a problem", (kind, file, count) => {
    const prepared = prepareImport(
      kind,
      file.endsWith(".csv") ? "csv" : "json",
      readFileSync(join(EXAMPLES, file), "utf8"),
    );
    expect(prepared.problems).toEqual([]);
    expect(prepared.rows).toHaveLength(count);
  });
});
