// The document routes over a fake graph: the report (whose graph field, Agreement.performance, is
// still being merged) and how the graph's refusals become HTTP answers.
import { RequestRefused } from "@itsm/runtime";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { documentRoutes } from "../documents.routes";
import type { GraphAnswer, GraphExecutor } from "../graph.client";
import type { TargetPerformance } from "../report.document";

const target = (code: string, metric: string, priority: string | null, value: number, unit: string) => ({
  id: `${code}-${metric}-${priority}`,
  metric,
  comparator: metric === "AVAILABILITY" ? "AT_LEAST" : "AT_MOST",
  value,
  unit,
  priority,
  compliancePercent: priority ? 95 : null,
  service: { code, name: `${code} service` },
});
const period = { label: "November 2026", from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" };
const PERFORMANCE: TargetPerformance[] = [
  {
    target: target("WEBSHOP", "RESPONSE_TIME", "P1", 15, "MINUTES"),
    period,
    achieved: 91.5,
    status: "BREACHED",
    sampleSize: 12,
    breaches: 1,
    errorBudget: { allowed: 0.6, consumed: 1, remaining: -0.4, unit: "PERCENT" },
  },
  {
    target: target("EMAIL", "AVAILABILITY", null, 99.9, "PERCENT"),
    period,
    achieved: 99.97,
    status: "MET",
    sampleSize: null,
    breaches: 0,
    errorBudget: { allowed: 43.2, consumed: 13, remaining: 30.2, unit: "MINUTES" },
  },
  {
    target: target("WEBSHOP", "AVAILABILITY", null, 99.95, "PERCENT"),
    period,
    achieved: null,
    status: "NO_DATA",
    sampleSize: 0,
    breaches: null,
    errorBudget: null,
  },
];
const AGREEMENT = {
  number: "SLA-2024-007",
  title: "Acme Retail GmbH — Managed Services SLA",
  type: "SLA",
  status: "ACTIVE",
  version: 2,
  provider: { name: "Northwind Corporate IT" },
  customers: [{ code: "ACME_RETAIL", name: "Acme Retail GmbH" }],
};

const answer = (body: GraphAnswer["body"], status = 200): GraphAnswer => ({ status, headers: new Headers(), body });

describe("document routes over a fake graph", () => {
  let server: Server;
  let base: string;
  let reply: GraphAnswer;
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const execute: GraphExecutor = async (_req, operation, variables) => {
    calls.push({ name: operation.name, variables });
    return reply;
  };

  beforeAll(async () => {
    const routes = documentRoutes(execute);
    server = createServer((req, res) => {
      routes(req, res, new URL(req.url ?? "/", "http://localhost")).catch((error: unknown) => {
        const refused = error instanceof RequestRefused ? error : new RequestRefused(500, "INTERNAL", String(error));
        res.writeHead(refused.status, { "content-type": "application/json", ...refused.headers });
        res.end(JSON.stringify({ errors: [{ message: refused.message, extensions: { code: refused.code } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    calls.length = 0;
    reply = answer({ data: { agreementByNumber: { ...AGREEMENT, performance: PERFORMANCE } } });
  });

  it("renders the report of a month as HTML: every target with achieved, status, error budget and breaches", async () => {
    const response = await fetch(`${base}/documents/reports/SLA-2024-007?period=2026-11`);
    expect(response.status).toBe(200);
    expect(calls).toEqual([
      { name: "ServiceLevelReportDocument", variables: { number: "SLA-2024-007", period: "2026-11" } },
    ]);
    const html = await response.text();
    expect(html).toContain("November 2026");
    // Rows by service, metric and priority, whatever order the graph lists them in.
    expect(html.indexOf("EMAIL — EMAIL service")).toBeLessThan(html.indexOf("WEBSHOP — WEBSHOP service"));
    expect(html).toContain('<td class="status BREACHED">Breached</td>');
    expect(html).toContain('<td class="status MET">Met</td>');
    expect(html).toContain('<td class="status NO_DATA">No data</td>');
    expect(html).toContain("<td>1 % of 0.6 % (-0.4 % left)</td>");
    expect(html).toContain("<td>13 min of 43.2 min (30.2 min left)</td>");
    expect(html).toContain('<td class="num">≤ 15 min</td>');
    expect(html).toContain('<td class="num">91.5 %</td>');
    expect(response.headers.get("x-document-sha256")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("renders the report as a PDF, the same bytes every time", async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(async () => {
        const response = await fetch(`${base}/documents/reports/SLA-2024-007.pdf?period=2026-11`);
        expect(response.headers.get("content-type")).toBe("application/pdf");
        return Buffer.from(await response.arrayBuffer());
      }),
    );
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.equals(b)).toBe(true);
    // The fixed creation date: the first day of the period, not the time of rendering.
    expect(a.toString("latin1")).toContain("(D:20261101000000Z)");
  });

  it("wants a month or a quarter as the period", async () => {
    for (const query of ["", "?period=November", "?period=2026-13", "?period=2026-11-01"]) {
      expect((await fetch(`${base}/documents/reports/SLA-2024-007${query}`)).status).toBe(400);
    }
    expect((await fetch(`${base}/documents/reports/SLA-2024-007?period=2026-Q4`)).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("turns the graph's refusals into HTTP answers and renders nothing from a partial answer", async () => {
    const cases: [GraphAnswer, number, string | null][] = [
      [
        answer({ data: { agreementByNumber: null }, errors: [{ message: "no", extensions: { code: "NOT_FOUND" } }] }),
        404,
        null,
      ],
      [
        answer({
          data: { agreementByNumber: null },
          errors: [{ message: "sign in", extensions: { code: "UNAUTHENTICATED" } }],
        }),
        401,
        "Bearer",
      ],
      [answer({ errors: [{ message: "slow down", extensions: { code: "RATE_LIMITED" } }] }, 429), 429, null],
      [
        answer(
          {
            errors: [
              { message: 'Cannot query field "performance"', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
            ],
          },
          400,
        ),
        502,
        null,
      ],
      [
        answer({
          data: { agreementByNumber: { ...AGREEMENT, performance: null } },
          errors: [{ message: "down", extensions: { code: "SUBGRAPH_UNAVAILABLE" } }],
        }),
        502,
        null,
      ],
    ];
    for (const [graphAnswer, status, challenge] of cases) {
      reply = graphAnswer;
      const response = await fetch(`${base}/documents/reports/SLA-2024-007?period=2026-11`);
      expect(response.status).toBe(status);
      expect(response.headers.get("www-authenticate")).toBe(challenge);
    }
  });

  it("answers 502 when the gateway's own document query does not validate against the graph (its bug, not the caller's)", async () => {
    reply = answer(
      {
        errors: [
          {
            message: 'Cannot query field "documentSha256" on type "Agreement".',
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          },
        ],
      },
      400,
    );
    for (const path of ["/documents/agreements/SLA-2024-007", "/documents/reports/SLA-2024-007?period=2026-11"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(502);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors[0].message).toMatch(
        /^The gateway's query for the .* does not validate against the graph's schema: Cannot query field "documentSha256"/,
      );
    }
  });

  it("shows the graph's documentSha256 of the terms and the signatures of exactly these terms", async () => {
    const documentSha256 = "c0ffee".padEnd(64, "0");
    const terms = {
      ...AGREEMENT,
      description: "Managed services.",
      effectiveFrom: "2026-01-01",
      effectiveTo: null,
      renewal: "TACIT",
      renewalTermMonths: 12,
      noticePeriodDays: 90,
      documentSha256,
      versions: [{ version: 2 }],
      provider: { code: "CORP_IT", name: "Northwind Corporate IT" },
      customers: [{ code: "ACME_RETAIL", name: "Acme Retail GmbH", contacts: [] }],
      coverage: [],
      targets: [],
      responsibilities: [],
      underpinnedBy: [],
      signatures: [
        {
          party: "PROVIDER",
          customer: null,
          signedBy: "Old Terms",
          signedAt: "2026-10-01T09:00:00.000Z",
          documentSha256: "f".repeat(64),
        },
        {
          party: "CUSTOMER",
          customer: { code: "ACME_RETAIL", name: "Acme Retail GmbH" },
          signedBy: "Jörg Schröder",
          signedAt: "2026-11-02T10:30:00.000Z",
          documentSha256,
        },
      ],
    };
    reply = answer({ data: { agreementByNumber: terms } });
    const html = await fetch(`${base}/documents/agreements/SLA-2024-007`);
    expect(html.headers.get("x-document-sha256")).toBe(documentSha256);
    const page = await html.text();
    expect(page).toContain(`<code class="hash" id="terms-sha256">${documentSha256}</code>`);
    expect(page).toContain("Signed by Jörg Schröder on 2026-11-02");
    // A signature of other terms is not shown as a signature of these.
    expect(page).not.toContain("Old Terms");
    expect(page).toContain("Renews tacitly by 12 months; notice 90 days before the end");
    const pdf = await fetch(`${base}/documents/agreements/SLA-2024-007.pdf`);
    expect(pdf.headers.get("x-document-sha256")).toBe(documentSha256);
  });
});
