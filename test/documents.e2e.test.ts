// Agreement documents and service level reports (GET /documents/…) through the real graph: the
// sample's SLAs as HTML and PDF (read back with pdf.js), the same bytes every time, the hash of
// the terms, content negotiation, versions, and a partner who sees only its own SLAs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, haveChromium, openChromium } from "./support/browser";
import { as, Graph } from "./support/graph";
import { pdfText } from "./support/pdf";
import { sampleAgreements, sampleCustomers } from "./support/sample";

const ANALYST = as("analyst");
const EDITOR = as("editor");

const slas = sampleAgreements.filter((a) => a.type === "SLA");
const acme = sampleAgreements.find((a) => a.customerCodes.length === 1 && a.customerCodes[0] === "ACME_RETAIL")!;
const other = slas.find((a) => !a.customerCodes.includes("ACME_RETAIL"))!;
const ola = sampleAgreements.find((a) => a.type === "OLA")!;

/** Whitespace-insensitive text: PDF lines wrap where the HTML does not. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();
/** A PDF's text across pages, without the running footers (a paragraph may go on over a page break). */
const pdfBody = (pages: string[]) =>
  flat(
    pages
      .map((page) => flat(page).replace(/(\S+ v\d+|\S+ · \S+) · SHA-256 [0-9a-f]{16}… page \d+ of \d+$/, ""))
      .join(" "),
  );
/** The agreed terms of an agreement's HTML: its <article id="terms"> element. */
const termsOf = (html: string) => /<article id="terms">[\s\S]*?<\/article>/.exec(html)![0];
/** Text of an HTML fragment as a reader sees it (tags out, entities decoded). */
const textOf = (html: string) =>
  flat(
    html
      .replace(/<[^>]+>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&"),
  );

/** Whether the supergraph this graph serves has the service level performance the report needs. */
describe("documents", () => {
  const graph = new Graph();
  let base: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  beforeAll(async () => {
    await graph.start();
    base = new URL(graph.gatewayUrl).origin;
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(() => graph.stop());

  /** `Agreement.documentSha256` of a version, as the graph answers it. */
  const documentSha256 = async (number: string, version: number, headers = ANALYST) => {
    const answer = await graph.query(
      "query ($n: String!, $v: Int) { agreementByNumber(number: $n, version: $v) { documentSha256 } }",
      { n: number, v: version },
      headers,
    );
    expect(answer.errors).toBeUndefined();
    return (answer.data as { agreementByNumber: { documentSha256: string } }).agreementByNumber.documentSha256;
  };
  /** The version an agreement's HTML document shows. */
  const versionOf = (html: string) => Number(/<dt>Version<\/dt><dd>(\d+)<\/dd>/.exec(html)![1]);

  it("renders every sample SLA as HTML with its terms, and Agreement.documentSha256 of the version shown", async () => {
    for (const sla of slas) {
      const response = await get(`/documents/agreements/${sla.number}`, ANALYST);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await response.text();
      const terms = termsOf(html);
      const hash = await documentSha256(sla.number, versionOf(html));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(response.headers.get("x-document-sha256")).toBe(hash);
      expect(html).toContain(`<code class="hash" id="terms-sha256">${hash}</code>`);
      const text = textOf(terms);
      expect(text).toContain(sla.number);
      expect(text).toContain(flat(sla.title));
      for (const target of sla.targets) expect(text).toContain(flat(target.description));
      for (const duty of sla.responsibilities) expect(text).toContain(flat(duty.description));
      for (const cover of sla.coverage) expect(text).toContain(flat(cover.serviceHours));
    }
  });

  it("renders every sample SLA as a PDF holding its number, every target and both parties' responsibilities", async () => {
    for (const sla of slas) {
      const response = await get(`/documents/agreements/${sla.number}.pdf`, ANALYST);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const pdf = Buffer.from(await response.arrayBuffer());
      if (sla === acme) writeFileSync(join(ARTIFACTS, `${sla.number}.pdf`), pdf);
      const { pages, info } = await pdfText(pdf);
      const text = pdfBody(pages);
      expect(text).toContain(sla.number);
      const version = Number(/VERSION (\d+)/.exec(text)![1]);
      expect(response.headers.get("x-document-sha256")).toBe(await documentSha256(sla.number, version));
      expect(text).toContain(response.headers.get("x-document-sha256"));
      expect(sla.targets.length).toBeGreaterThan(0);
      for (const target of sla.targets) expect(text).toContain(flat(target.description));
      expect(new Set(sla.responsibilities.map((r) => r.party))).toEqual(new Set(["PROVIDER", "CUSTOMER"]));
      for (const duty of sla.responsibilities) expect(text).toContain(flat(duty.description));
      expect(info.Title).toContain(sla.number);
    }
  }, 180_000); // every sample SLA, rendered and read back: minutes on a busy 2-core machine

  it("writes the sample's ł, ń, ö, ü and → in the PDF's embedded font", async () => {
    // Contacts' names (Zielińska, Schröder, Krüger) and the titles of OLAs (→).
    const names = sampleCustomers.flatMap((c) =>
      c.contacts.filter((x) => /[^ -~]/.test(x.name)).map((x) => ({ customer: c.code, name: x.name })),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const { customer, name } of names) {
      const sla = slas.find((a) => a.customerCodes.includes(customer))!;
      const response = await get(`/documents/agreements/${sla.number}.pdf`, ANALYST);
      expect(pdfBody((await pdfText(Buffer.from(await response.arrayBuffer()))).pages)).toContain(name);
    }
    const arrow = sampleAgreements.find((a) => a.title.includes("→"))!;
    const response = await get(`/documents/agreements/${arrow.number}.pdf`, ANALYST);
    expect(pdfBody((await pdfText(Buffer.from(await response.arrayBuffer()))).pages)).toContain(flat(arrow.title));
  }, 180_000); // every sample SLA, rendered and read back: minutes on a busy 2-core machine

  it("renders the same version to the same bytes every time, in both formats", async () => {
    for (const suffix of ["", ".pdf"]) {
      const [a, b] = await Promise.all([1, 2].map(() => get(`/documents/agreements/${acme.number}${suffix}`, ANALYST)));
      const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
      expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true);
      expect(a.headers.get("etag")).toBe(b.headers.get("etag"));
    }
    const html = await get(`/documents/agreements/${acme.number}.html`, ANALYST);
    const pdf = await get(`/documents/agreements/${acme.number}.pdf`, ANALYST);
    expect(html.headers.get("x-document-sha256")).toBe(pdf.headers.get("x-document-sha256"));
    expect(html.headers.get("etag")).not.toBe(pdf.headers.get("etag"));
  });

  it("chooses the format by suffix, else by Accept, and answers If-None-Match with 304", async () => {
    const pdf = await get(`/documents/agreements/${acme.number}`, { ...ANALYST, accept: "application/pdf" });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const browser = await get(`/documents/agreements/${acme.number}`, {
      ...ANALYST,
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    });
    expect(browser.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(browser.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await get(`/documents/agreements/${acme.number}.html`, { ...ANALYST, accept: "application/pdf" });
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const again = await get(`/documents/agreements/${acme.number}.pdf`, {
      ...ANALYST,
      "if-none-match": pdf.headers.get("etag")!,
    });
    expect(again.status).toBe(304);
  });

  it("gives a partner its own SLAs and answers 404 for anyone else's, 401 without a valid token", async () => {
    const partner = as("partner", ["ACME_RETAIL"]);
    const own = await get(`/documents/agreements/${acme.number}.pdf`, partner);
    expect(own.status).toBe(200);
    const text = pdfBody((await pdfText(Buffer.from(await own.arrayBuffer()))).pages);
    expect(text).toContain(acme.number);
    // The same terms, the same hash, whoever reads them: a partner signs what the provider signs.
    const staff = await get(`/documents/agreements/${acme.number}.pdf`, ANALYST);
    expect(own.headers.get("x-document-sha256")).toBe(staff.headers.get("x-document-sha256"));
    const shared = slas.find((a) => a.customerCodes.length > 1)!;
    const sharer = as("partner", [shared.customerCodes[0]]);
    const [mine, whole] = await Promise.all([
      get(`/documents/agreements/${shared.number}`, sharer),
      get(`/documents/agreements/${shared.number}`, ANALYST),
    ]);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("x-document-sha256")).toBe(whole.headers.get("x-document-sha256"));
    for (const number of [other.number, ola.number, "SLA-1999-999"]) {
      const response = await get(`/documents/agreements/${number}`, partner);
      expect(response.status).toBe(404);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe("NOT_FOUND");
    }
    const anonymous = await get(`/documents/agreements/${acme.number}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const forged = await get(`/documents/agreements/${acme.number}`, { authorization: "Bearer not.a.token" });
    expect(forged.status).toBe(401);
  });

  it("serves the latest version, and another one with ?version=n", async () => {
    const id = (
      (await graph.query(`{ agreementByNumber(number: "${acme.number}") { id } }`, {}, ANALYST)).data as {
        agreementByNumber: { id: string };
      }
    ).agreementByNumber.id;
    const revised = await graph.query(
      `mutation { reviseAgreement(input: { id: "${id}" }) { version status } }`,
      {},
      EDITOR,
    );
    expect(revised.errors).toBeUndefined();
    const next = (revised.data as { reviseAgreement: { version: number } }).reviseAgreement.version;
    expect(next).toBe(acme.version + 1);

    const latest = await get(`/documents/agreements/${acme.number}.html`, ANALYST);
    const latestHtml = await latest.text();
    expect(latest.headers.get("content-disposition")).toContain(`${acme.number}-v${next}.html`);
    expect(latestHtml).toContain(`<dt>Version</dt><dd>${next}</dd>`);
    expect(latestHtml).toContain(`<dd class="status">Draft</dd>`);
    const earlier = await get(`/documents/agreements/${acme.number}.html?version=${acme.version}`, ANALYST);
    const earlierHtml = await earlier.text();
    expect(earlierHtml).toContain(`<dt>Version</dt><dd>${acme.version}</dd>`);
    expect(earlierHtml).toContain(`<dd class="status">Active</dd>`);
    expect(earlier.headers.get("x-document-sha256")).not.toBe(latest.headers.get("x-document-sha256"));
    expect((await get(`/documents/agreements/${acme.number}?version=99`, ANALYST)).status).toBe(404);
    expect((await get(`/documents/agreements/${acme.number}?version=two`, ANALYST)).status).toBe(400);
  });

  it("records signatures of the hash the document shows, and shows them on it; the hash stays", async () => {
    const html = await get(`/documents/agreements/${acme.number}.html`, ANALYST);
    const shown = html.headers.get("x-document-sha256")!;
    const version = versionOf(await html.text());
    const id = (
      (await graph.query(`{ agreementByNumber(number: "${acme.number}", version: ${version}) { id } }`, {}, ANALYST))
        .data as { agreementByNumber: { id: string } }
    ).agreementByNumber.id;
    const sign = (headers: Record<string, string>, party: string, signedBy: string, hash = shown) =>
      graph.query(
        "mutation ($input: SignAgreementInput!) { signAgreement(input: $input) { documentSha256 signatures { party signedBy documentSha256 } } }",
        { input: { agreementId: id, party, signedBy, documentSha256: hash } },
        headers,
      );
    const stale = await sign(EDITOR, "PROVIDER", "Anna Kowalska", "0".repeat(64));
    expect(stale.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "DOCUMENT_CHANGED" });
    expect((await sign(EDITOR, "PROVIDER", "Anna Kowalska")).errors).toBeUndefined();
    const partner = as("partner", ["ACME_RETAIL"]);
    const signed = await sign(partner, "CUSTOMER", "Jörg Schröder");
    expect(signed.errors).toBeUndefined();
    expect(signed.data).toEqual({
      signAgreement: {
        documentSha256: shown,
        signatures: [
          { party: "PROVIDER", signedBy: "Anna Kowalska", documentSha256: shown },
          { party: "CUSTOMER", signedBy: "Jörg Schröder", documentSha256: shown },
        ],
      },
    });
    const after = await get(`/documents/agreements/${acme.number}.html?version=${version}`, partner);
    expect(after.headers.get("x-document-sha256")).toBe(shown);
    const page = await after.text();
    expect(page).toContain("Signed by Anna Kowalska on ");
    expect(page).toContain("Signed by Jörg Schröder on ");
    const pdf = await get(`/documents/agreements/${acme.number}.pdf?version=${version}`, partner);
    expect(pdfBody((await pdfText(Buffer.from(await pdf.arrayBuffer()))).pages)).toContain(
      "Signed by Jörg Schröder on ",
    );
  });

  it("refuses what is not a document", async () => {
    expect((await get(`/documents/contracts/${acme.number}`, ANALYST)).status).toBe(404);
    expect((await get(`/documents/agreements/../graphql`, ANALYST)).status).toBe(404);
    const post = await fetch(`${base}/documents/agreements/${acme.number}`, { method: "POST", headers: ANALYST });
    expect(post.status).toBe(405);
    expect((await get(`/documents/reports/${acme.number}`, ANALYST)).status).toBe(400);
  });

  it("renders the service level report of a month as HTML and PDF", async () => {
    const html = await get(`/documents/reports/${acme.number}.html?period=2026-11`, ANALYST);
    expect(html.status).toBe(200);
    const text = textOf(await html.text());
    expect(text).toContain(acme.number);
    expect(text).toMatch(/Met|At risk|Breached|No data/);
    const pdf = await get(`/documents/reports/${acme.number}.pdf?period=2026-11`, ANALYST);
    expect(pdf.status).toBe(200);
    expect(pdfBody((await pdfText(Buffer.from(await pdf.arrayBuffer()))).pages)).toContain(acme.number);
    const partner = as("partner", ["ACME_RETAIL"]);
    expect((await get(`/documents/reports/${other.number}?period=2026-11`, partner)).status).toBe(404);
  });

  (haveChromium ? it : it.skip)("looks like a document in a browser (screenshot kept in test/artifacts)", async () => {
    const browser = await openChromium({
      viewport: { width: 1000, height: 1300 },
      extraHTTPHeaders: as("partner", ["ACME_RETAIL"]),
    });
    try {
      const { page } = browser;
      const violations: string[] = [];
      page.on("console", (m) => m.type() === "error" && violations.push(m.text()));
      await page.goto(`${base}/documents/agreements/${acme.number}?version=${acme.version}`);
      await expect(page.locator("h1").innerText()).resolves.toBe(acme.title);
      await page.screenshot({ path: join(ARTIFACTS, `${acme.number}.png`), fullPage: true });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
