import { parse } from "papaparse";
import { csvFileName, toCsv, UTF8_BOM } from "../result-csv";
import type { Json } from "../result-table";
import { defaultRowSource, rowSources, tabulate } from "../result-table";

const SERVICES: Json = {
  services: {
    totalCount: 2,
    pageInfo: { hasNextPage: false },
    nodes: [
      {
        code: "EMAIL",
        name: "Email",
        owner: null,
        monthlyCost: { amount: "1200.00", currency: "EUR" },
        tags: ["mail", "core"],
        agreements: [
          {
            number: "SLA-1",
            customers: [{ name: "Acme" }, { name: "Łódź Bank" }],
            targets: [
              { metric: "AVAILABILITY", value: 99.9 },
              { metric: "RESPONSE_TIME", value: 30 },
            ],
          },
          { number: "OLA-2", customers: [], targets: [{ metric: "AVAILABILITY", value: 99.95 }] },
        ],
      },
      { code: "ERP", name: "ERP", owner: "Finance", monthlyCost: null, tags: [], agreements: [] },
    ],
    edges: [{ cursor: "a", node: { code: "EMAIL" } }],
  },
};

describe("rowSources and defaultRowSource", () => {
  it("lists every list of objects once, in the result's order, lists along the way walked into", () => {
    expect(rowSources(SERVICES).map((s) => s.join("."))).toEqual([
      "services.nodes",
      "services.nodes.agreements",
      "services.nodes.agreements.customers",
      "services.nodes.agreements.targets",
      "services.edges",
    ]);
  });

  it("starts with the shallowest list, a connection's nodes rather than its edges", () => {
    expect(defaultRowSource(rowSources(SERVICES))).toEqual(["services", "nodes"]);
    expect(
      defaultRowSource([
        ["services", "edges"],
        ["services", "nodes"],
      ]),
    ).toEqual(["services", "nodes"]);
    expect(defaultRowSource([["a", "edges"]])).toEqual(["a", "edges"]);
    expect(defaultRowSource([])).toEqual([]);
  });
});

describe("tabulate", () => {
  it("makes a row per list item, nested objects dotted columns, nested lists joined cells", () => {
    const table = tabulate(SERVICES, ["services", "nodes"]);
    expect(table.columns).toEqual([
      "code",
      "name",
      "owner",
      "monthlyCost.amount",
      "monthlyCost.currency",
      "tags",
      "agreements.number",
      "agreements.customers.name",
      "agreements.targets.metric",
      "agreements.targets.value",
    ]);
    expect(table.rows).toEqual([
      [
        "EMAIL",
        "Email",
        null,
        "1200.00",
        "EUR",
        "mail; core",
        "SLA-1; OLA-2",
        "Acme; Łódź Bank; ",
        "AVAILABILITY; RESPONSE_TIME; AVAILABILITY",
        "99.9; 30; 99.95",
      ],
      ["ERP", "ERP", "Finance", null, null, "", null, null, null, null],
    ]);
  });

  it("unnests a deeper row source: one row per leaf item, parents' columns repeated, childless parents kept", () => {
    const table = tabulate(SERVICES, ["services", "nodes", "agreements", "targets"]);
    expect(table.columns.slice(0, 3)).toEqual(["code", "name", "owner"]);
    const pick = (row: unknown[]) => [
      row[table.columns.indexOf("code")],
      row[table.columns.indexOf("agreements.number")],
      row[table.columns.indexOf("agreements.customers.name")],
      row[table.columns.indexOf("agreements.targets.metric")],
      row[table.columns.indexOf("agreements.targets.value")],
    ];
    expect(table.rows.map(pick)).toEqual([
      ["EMAIL", "SLA-1", "Acme; Łódź Bank", "AVAILABILITY", 99.9],
      ["EMAIL", "SLA-1", "Acme; Łódź Bank", "RESPONSE_TIME", 30],
      ["EMAIL", "OLA-2", null, "AVAILABILITY", 99.95],
      ["ERP", null, null, null, null],
    ]);
  });

  it("makes the whole result one row when it has no list, and no rows for an empty or null list", () => {
    const single = tabulate({ agreementByNumber: { number: "SLA-1", provider: { name: "IT" } } }, []);
    expect(single).toEqual({
      path: [],
      columns: ["agreementByNumber.number", "agreementByNumber.provider.name"],
      rows: [["SLA-1", "IT"]],
    });
    expect(tabulate({ services: { nodes: [] } }, ["services", "nodes"]).rows).toEqual([]);
    expect(tabulate({ services: null }, ["services", "nodes"]).rows).toEqual([]);
  });

  it("lines up rows whose objects have different fields (union of columns, first seen first)", () => {
    const table = tabulate({ list: [{ a: 1 }, { b: 2, a: 3 }] }, ["list"]);
    expect(table).toEqual({
      path: ["list"],
      columns: ["a", "b"],
      rows: [
        [1, null],
        [3, 2],
      ],
    });
  });
});

describe("toCsv", () => {
  it("writes RFC 4180 CSV with a BOM, CRLF and quoting, that parses back to the table", () => {
    const table = tabulate(SERVICES, ["services", "nodes"]);
    const csv = toCsv(table);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    const parsed = parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(table.columns);
    expect(parsed.data.slice(1)).toEqual(
      table.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
    );
  });

  it("quotes commas, quotes and line breaks, and defuses formulas in text but not in numbers", () => {
    const csv = toCsv({
      path: ["x"],
      columns: ["text", "number"],
      rows: [
        ['Say "hi", then\nleave', -3.5],
        ['=HYPERLINK("http://x")', 1],
        ["+1", 2],
        ["-2", 3],
        ["@SUM(A1)", 4],
        ["\tTAB", 5],
        [true, null],
      ],
    });
    expect(csv).toBe(
      UTF8_BOM +
        [
          "text,number",
          '"Say ""hi"", then\nleave",-3.5',
          '"\'=HYPERLINK(""http://x"")",1',
          '"\'+1",2',
          '"\'-2",3',
          '"\'@SUM(A1)",4',
          '"\'\tTAB",5',
          "true,",
        ].join("\r\n") +
        "\r\n",
    );
  });

  it("names the file after the operation and the row source", () => {
    expect(csvFileName("Services", ["services", "nodes"])).toBe("Services-services.nodes.csv");
    expect(csvFileName(undefined, [])).toBe("result-data.csv");
    expect(csvFileName("a/b c", ["x"])).toBe("a_b_c-x.csv");
  });
});
