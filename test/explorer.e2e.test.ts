// The analysts' explorer in a real headless Chromium: the page the gateway serves to a browser,
// the README's examples, running them, autocompletion, docs, headers and history, all offline.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Request } from "playwright-core";
import type { Example } from "../gateway/explorer/examples";
import { DESIGN_EXAMPLE, EXAMPLES, localDateInDays } from "../gateway/explorer/examples";
import { parse } from "papaparse";
import { lastMonths } from "../gateway/src/explorer-views/dashboard-model";
import type { OpenBrowser } from "./support/browser";
import { ARTIFACTS, CHROMIUM, haveChromium, openChromium } from "./support/browser";
import { as, Graph, token } from "./support/graph";
import { daysFrom, sampleAgreements, sampleCustomers, sampleServices } from "./support/sample";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

const SCREENSHOT = join(ARTIFACTS, "explorer.png");

const suite = haveChromium || process.env.CI ? describe : describe.skip;
const title = haveChromium
  ? "the explorer in Chromium"
  : process.env.CI
    ? `the explorer in Chromium (${CHROMIUM} is missing: CI must install it)`
    : `the explorer in Chromium (skipped: ${CHROMIUM} not found; install it with apt-get install chromium)`;
if (!haveChromium && !process.env.CI) console.warn(`Skipping ${title}`);

type Json = Record<string, unknown>;
/** What the tests read of an element inside the page (the test's TypeScript has no DOM types). */
type DomNode = { textContent: string | null; getAttribute(name: string): string | null };

const exampleTitled = (name: string): Example => EXAMPLES.find((e) => e.title === name)!;
const operationName = (example: Example) => /^query (\w+)/m.exec(example.query)![1];

/** Polls `probe` until it returns a value `accept`s; fails with `what` and the last value after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The result pane's content: the response editor's Monaco model (what the pane displays). */
async function responseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const monaco = (globalThis as { __MONACO?: { editor: { getModels(): { uri: unknown; getValue(): string }[] } } })
      .__MONACO;
    const model = monaco?.editor.getModels().find((m) => String(m.uri).endsWith("-response.json"));
    if (!model) throw new Error("GraphiQL's response editor was not found");
    return model.getValue();
  });
}

async function editorValue(page: Page, suffix: string): Promise<string> {
  return page.evaluate((end) => {
    const monaco = (globalThis as { __MONACO?: { editor: { getModels(): { uri: unknown; getValue(): string }[] } } })
      .__MONACO;
    return (
      monaco?.editor
        .getModels()
        .find((m) => String(m.uri).endsWith(end))
        ?.getValue() ?? ""
    );
  }, suffix);
}

/** Clicks the run button and waits until the result pane holds an answer for `rootField`. */
async function run(page: Page, rootField: string): Promise<{ data: Json; errors?: unknown[] }> {
  await page.getByRole("button", { name: /^Execute query/ }).click();
  const text = await waitFor(
    `a result for ${rootField} in the result pane`,
    () => responseText(page),
    (value) => {
      try {
        const data = (JSON.parse(value) as { data?: Json | null }).data;
        return typeof data === "object" && data !== null && rootField in data;
      } catch {
        return false;
      }
    },
  );
  return JSON.parse(text) as { data: Json; errors?: unknown[] };
}

/** The text the result pane shows on screen (Monaco renders spaces as no-break spaces). */
async function visibleResult(page: Page): Promise<string> {
  return (await page.locator(".graphiql-response").innerText()).replace(/\u00a0/g, " ");
}

/**
 * The result pane's text once it shows `expected`: Monaco draws its lines on the frames after its
 * model changes or it is shown again, so a read right after may still find only the first line.
 */
async function resultShowing(page: Page, expected: string): Promise<string> {
  return waitFor(
    `the result pane to show ${expected}`,
    () => visibleResult(page),
    (pane) => pane.includes(expected),
  );
}

async function showPlugin(page: Page, name: string): Promise<void> {
  const show = page.getByRole("button", { name: `Show ${name}` });
  if (await show.count()) await show.click();
  await page.locator(".graphiql-plugin").waitFor();
}

async function openExample(page: Page, example: Example): Promise<void> {
  await showPlugin(page, "Examples");
  await page.locator(".graphiql-plugin").getByRole("button", { name: example.title }).click();
  await waitFor(
    `the ${example.title} example in the editor`,
    () => editorValue(page, "-operation.graphql"),
    (value) => value === example.query,
  );
  // The example's tab is the active one (an earlier tab may carry the same operation name).
  await page.locator(".graphiql-tab-active", { hasText: operationName(example) }).waitFor();
}

suite(title, () => {
  const graph = new Graph();
  let browser: OpenBrowser;
  let page: Page;
  const requests: Request[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
    await graph.start();
    browser = await openChromium({ viewport: { width: 1440, height: 900 } });
    // Every request of the page and of its workers.
    browser.context.on("request", (request) => requests.push(request));
    page = browser.page;
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      // Monaco's fallback when a worker cannot start (it then runs, or hangs, on the page's thread).
      if (/web worker/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await graph.stop();
  });

  it("serves the explorer to a browser at the GraphQL URL and loads the schema", async () => {
    const introspection = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && /IntrospectionQuery/.test(response.request().postData() ?? ""),
    );
    // As an analyst would open it: with a token in the fragment, so the schema (introspection) loads.
    const response = await page.goto(`${graph.gatewayUrl}#token=${token("analyst")}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toBe("text/html; charset=utf-8");
    expect((await introspection).status()).toBe(200);
    await page.locator(".graphiql-query-editor .view-lines").waitFor();
    await expect(page.title()).resolves.toContain("ITSM Service Graph");
    // First visit: the DESIGN query is ready in the first tab.
    await page.locator(".graphiql-tab", { hasText: operationName(DESIGN_EXAMPLE) }).waitFor();
    expect(await editorValue(page, "-operation.graphql")).toBe(DESIGN_EXAMPLE.query);
  });

  it("runs the DESIGN query and shows the sample's services and agreements", async () => {
    const result = await run(page, "services");
    expect(result.errors).toBeUndefined();
    const services = (result.data.services as { nodes: { code: string; agreements: { number: string }[] }[] }).nodes;
    const codes = sampleServices.map((s) => s.code).sort();
    expect(services.map((s) => s.code)).toEqual(codes.slice(0, 20));
    const email = services.find((s) => s.code === "EMAIL")!;
    const covering = sampleAgreements.filter((a) => a.coverage.some((c) => c.serviceCode === "EMAIL"));
    expect(covering.length).toBeGreaterThan(0);
    expect(email.agreements.map((a) => a.number)).toEqual(covering.map((a) => a.number).sort());
    const text = await responseText(page);
    expect(text).toContain('"code": "EMAIL"');
    expect(text).toContain(`"number": "${covering[0].number}"`);
    // And the pane really shows it: its first lines are on screen.
    const pane = await resultShowing(page, '"data"');
    expect(pane).toContain(`"${codes[0]}"`);
    mkdirSync(join(__dirname, "artifacts"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it("opens a README example in a new tab and runs it", async () => {
    const example = exampleTitled("A customer's active agreements");
    await openExample(page, example);
    expect(await page.locator(".graphiql-tab").count()).toBe(2);
    expect(await editorValue(page, "-operation.graphql")).toBe(example.query);
    const result = await run(page, "customerByCode");
    expect(result.errors).toBeUndefined();
    const customer = result.data.customerByCode as { name: string; agreements: { number: string }[] };
    expect(customer.name).toBe(sampleCustomers.find((c) => c.code === "ACME_RETAIL")!.name);
    const expected = sampleAgreements.filter((a) => a.status === "ACTIVE" && a.customerCodes.includes("ACME_RETAIL"));
    expect(customer.agreements.map((a) => a.number).sort()).toEqual(expected.map((a) => a.number).sort());
    await resultShowing(page, customer.name);
  });

  it("fills in today + 90 days for the expiring-agreements example", async () => {
    const example = exampleTitled("Agreements expiring within 90 days");
    await openExample(page, example);
    const horizon = localDateInDays(90);
    expect(JSON.parse(await editorValue(page, "-variables.json"))).toEqual({ before: horizon });
    const result = await run(page, "agreements");
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.agreements as { totalCount: number; nodes: { number: string }[] };
    // The sample's end dates are relative to the day it was seeded (today).
    const expected = sampleAgreements.filter(
      (a) => a.status === "ACTIVE" && a.effectiveToDays !== null && daysFrom(new Date(), a.effectiveToDays) <= horizon,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(nodes.map((a) => a.number)).toEqual(expected.map((a) => a.number).sort());
    expect(totalCount).toBe(expected.length);
  });

  it("answers every example without errors", async () => {
    for (const example of EXAMPLES) {
      const variables = example.variables ? (JSON.parse(example.variables()) as Json) : undefined;
      const response = await graph.query(example.query, variables, ANALYST);
      expect({ example: example.title, status: response.status, errors: response.errors }).toEqual({
        example: example.title,
        status: 200,
        errors: undefined,
      });
    }
  });

  it("autocompletes fields from the schema (in the GraphQL worker)", async () => {
    // A field no editor holds yet, so only the schema can suggest it, with its type.
    const introspected = await graph.query<{
      __type: { fields: { name: string; type: { name: string | null; ofType: { name: string | null } | null } }[] };
    }>('{ __type(name: "Service") { fields { name type { name ofType { name } } } } }', undefined, ANALYST);
    const lifecycle = introspected.data!.__type.fields.find((f) => f.name === "lifecycle")!;
    const typeName = lifecycle.type.name ?? lifecycle.type.ofType!.name!;
    await page.getByRole("button", { name: "New tab" }).click();
    await page.locator(".graphiql-query-editor .view-lines").click();
    await page.keyboard.insertText("{ services { nodes { lifecy");
    await page.keyboard.press("Control+Space");
    const suggestion = page.locator(".suggest-widget .monaco-list-row", { hasText: typeName });
    await suggestion.filter({ hasText: "lifecycle" }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press("Enter");
    await waitFor(
      "the completed field",
      () => editorValue(page, "-operation.graphql"),
      (value) => value.includes("{ services { nodes { lifecycle"),
    );
  });

  it("shows the schema's field descriptions in the docs", async () => {
    const introspected = await graph.query<{ __type: { fields: { name: string; description: string }[] } }>(
      '{ __type(name: "Query") { fields { name description } } }',
      undefined,
      ANALYST,
    );
    const description = introspected.data!.__type.fields.find((f) => f.name === "services")!.description;
    expect(description).toBeTruthy();
    await showPlugin(page, "Documentation Explorer");
    await page
      .locator(".graphiql-plugin a", { hasText: /^Query$/ })
      .first()
      .click();
    await page.locator(".graphiql-plugin").getByText(description).first().waitFor();
  });

  it("sends the headers typed in the Headers editor", async () => {
    await openExample(page, DESIGN_EXAMPLE);
    await page.getByRole("button", { name: "Headers", exact: true }).click();
    await page.locator(".graphiql-editor-tool .view-lines").last().click();
    await page.keyboard.press("ControlOrMeta+A");
    const editorToken = token("editor", [], { subject: "explorer-e2e" });
    await page.keyboard.insertText(`{"Authorization": "Bearer ${editorToken}"}`);
    const sent = page.waitForRequest(
      (request) => request.method() === "POST" && /services/.test(request.postData() ?? ""),
    );
    await run(page, "services");
    const headers = (await sent).headers();
    expect(headers.authorization).toBe(`Bearer ${editorToken}`);
    expect(headers["content-type"]).toBe("application/json");
  });

  it("keeps the query history in localStorage", async () => {
    await showPlugin(page, "History");
    const history = page.locator(".graphiql-plugin");
    for (const example of [DESIGN_EXAMPLE, exampleTitled("A customer's active agreements")]) {
      await history.getByText(operationName(example)).first().waitFor();
    }
    // (A string, evaluated in the page: the test's TypeScript has no DOM types.)
    const stored = (await page.evaluate<string | null>('localStorage.getItem("graphiql:queries")')) ?? "";
    expect(stored).toContain(operationName(DESIGN_EXAMPLE));
  });

  it("shows the result as a table, rows from a chosen list, and downloads it as CSV", async () => {
    await openExample(page, DESIGN_EXAMPLE);
    const result = await run(page, "services");
    type Agreement = { number: string; customers: { name: string }[] };
    const services = (result.data.services as { nodes: { code: string; name: string; agreements: Agreement[] }[] })
      .nodes;
    expect(services.length).toBeGreaterThan(1);
    await page.getByRole("tab", { name: "Table" }).click();
    const table = page.locator(".itsm-result-table");
    await table.waitFor();
    // One row per service, in the result's order; nested objects and lists as dotted columns.
    const headers = await table.locator("thead th").allInnerTexts();
    expect(headers.slice(0, 3)).toEqual(["#", "code", "name"]);
    expect(headers).toContain("agreements.number");
    expect(headers).toContain("agreements.provider.name");
    const codeColumn = headers.indexOf("code");
    const codes = await table.locator(`tbody tr td:nth-child(${codeColumn + 1})`).allInnerTexts();
    expect(codes).toEqual(services.map((s) => s.code));
    await expect(page.locator(".itsm-table-size").innerText()).resolves.toMatch(
      new RegExp(`^${services.length} rows × ${headers.length - 1} columns$`),
    );
    await page.screenshot({ path: join(ARTIFACTS, "explorer-table.png") });

    // The CSV of the same rows: BOM, a header, every service once, a service's agreements joined.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ServicesWithAgreements-services.nodes.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    const parsed = parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(headers.slice(1));
    expect(parsed.data.map((row) => [row.code, row.name, row["agreements.number"]])).toEqual(
      services.map((s) => [s.code, s.name, s.agreements.map((a) => a.number).join("; ")]),
    );

    // Rows from the agreements instead: one row per (service, agreement), the service's columns repeated.
    await page.getByLabel("Rows from").selectOption("services.nodes.agreements");
    await page.locator(".itsm-table-size", { hasText: /rows/ }).waitFor();
    const expected = services.flatMap((s) =>
      s.agreements.length === 0 ? [[s.code, ""]] : s.agreements.map((a) => [s.code, a.number]),
    );
    await waitFor(
      "one row per agreement",
      () => page.locator(".itsm-result-table tbody tr").count(),
      (count) => count === expected.length,
    );
    const unnested = await page.locator(".itsm-result-table thead th").allInnerTexts();
    const rows = await page
      .locator(".itsm-result-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td: DomNode) => td.textContent ?? "")));
    const at = (name: string) => unnested.indexOf(name);
    expect(rows.map((row) => [row[at("code")], row[at("agreements.number")]])).toEqual(expected);

    // Back to JSON: the editor is shown again.
    await page.getByRole("tab", { name: "JSON" }).click();
    await resultShowing(page, '"data"');
  });

  it("shows staff a service level heatmap of the last six months that matches serviceLevelReport", async () => {
    const periods = lastMonths(new Date());
    // The dashboard opens in a tab of its own (the explorer stays open in the first).
    const view = await browser.context.newPage();
    type Node = { status: string; target: { id: string } };
    const report = async (period: string, customerId?: string) => {
      const statuses = new Map<string, string>();
      let after: string | null = null;
      do {
        const response: Awaited<ReturnType<typeof graph.query>> = await graph.query(
          `query ($period: String!, $customerId: ID, $after: String) {
            serviceLevelReport(period: $period, filter: { customerId: $customerId }, first: 100, after: $after) {
              nodes { status target { id } } pageInfo { hasNextPage endCursor } } }`,
          { period, customerId, after },
          ANALYST,
        );
        expect(response.errors).toBeUndefined();
        const answer = (
          response.data as {
            serviceLevelReport: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          }
        ).serviceLevelReport;
        for (const node of answer.nodes) statuses.set(node.target.id, node.status);
        after = answer.pageInfo.hasNextPage ? answer.pageInfo.endCursor : null;
      } while (after);
      return statuses;
    };
    /** Every cell of the heatmap: target id → the status shown in each period. */
    const heatmap = () =>
      view.locator(".heatmap tbody tr[data-target]").evaluateAll((trs) =>
        trs.map((tr) => ({
          target: tr.getAttribute("data-target") ?? "",
          cells: Array.from(tr.querySelectorAll("[role=gridcell]"), (td: DomNode) => ({
            period: td.getAttribute("data-period") ?? "",
            status: td.getAttribute("data-status") ?? "",
            letter: td.textContent ?? "",
          })),
        })),
      );
    const expectMatches = async (customerId?: string) => {
      const answers = await Promise.all(periods.map((period) => report(period, customerId)));
      const targets = new Set(answers.flatMap((answer) => [...answer.keys()]));
      const shown = await heatmap();
      expect(shown.map((row) => row.target).sort()).toEqual([...targets].sort());
      for (const row of shown) {
        expect(row.cells.map((cell) => cell.period)).toEqual(periods);
        expect({ target: row.target, statuses: row.cells.map((cell) => cell.status) }).toEqual({
          target: row.target,
          statuses: answers.map((answer) => answer.get(row.target) ?? "ABSENT"),
        });
      }
      // Readable without colour: each status has its own letter.
      const letters = { MET: "M", AT_RISK: "R", BREACHED: "B", NO_DATA: "–", ABSENT: "" };
      for (const cell of shown.flatMap((row) => row.cells))
        expect(cell.letter).toBe(letters[cell.status as keyof typeof letters]);
      return shown;
    };

    // From the explorer's link, which carries the token along (in a tab of its own: the explorer stays open).
    const href = await page.getByRole("link", { name: "Service level dashboard" }).getAttribute("href");
    const target = new URL(href!, page.url());
    expect(target.pathname).toBe("/explorer/dashboard");
    expect(target.hash).toMatch(/^#token=/);
    view.on("pageerror", (error) => problems.push(`dashboard page error: ${error.message}`));
    view.on(
      "console",
      (message) => message.type() === "error" && problems.push(`dashboard console: ${message.text()}`),
    );
    await view.goto(target.href);
    // Six periods' reports, a few seconds each on the sample (see bench/README for the report's cost).
    await view.locator(".heatmap, .notice.error").first().waitFor({ timeout: 180_000 });
    expect(await view.locator(".notice.error").allInnerTexts()).toEqual([]);
    const months = view.locator(".heatmap thead th[data-period]");
    expect(await months.count()).toBe(6);
    expect(await months.evaluateAll((ths) => ths.map((th) => th.getAttribute("data-period")))).toEqual(periods);
    const all = await expectMatches();
    // The sample has a mix of statuses in these months.
    const statuses = new Set(all.flatMap((row) => row.cells.map((cell) => cell.status)));
    expect(statuses.has("MET") && statuses.has("BREACHED")).toBe(true);
    await expect(view.getByRole("list", { name: "Legend" }).innerText()).resolves.toMatch(
      /Met[\s\S]*At risk[\s\S]*Breached[\s\S]*No data/,
    );

    // Keyboard: the grid is one tab stop; arrow keys move; the focused cell shows its figures.
    await view.locator('.heatmap [role=gridcell][tabindex="0"]').focus();
    await view.keyboard.press("ArrowDown");
    await view.keyboard.press("ArrowLeft");
    const focused = view.locator(".heatmap :focus");
    await expect(focused.getAttribute("data-row")).resolves.toBe("1");
    await expect(focused.getAttribute("data-column")).resolves.toBe("4");
    const tooltip = view.getByRole("tooltip");
    await tooltip.waitFor();
    const tip = await tooltip.innerText();
    expect(tip).toContain(periods[4]);
    if (all[1].cells[4].status !== "ABSENT") expect(tip).toMatch(/Status: [\s\S]*Achieved: /);
    if (all[1].cells[4].status !== "ABSENT" && all[1].cells[4].status !== "NO_DATA") expect(tip).toContain("target");
    mkdirSync(ARTIFACTS, { recursive: true });
    await view.screenshot({ path: join(ARTIFACTS, "explorer-dashboard.png") });

    // One customer: the cells are that customer's figures.
    const customers = await graph.query<{ customerByCode: { id: string } }>(
      '{ customerByCode(code: "ACME_RETAIL") { id } }',
      undefined,
      ANALYST,
    );
    const acme = customers.data!.customerByCode.id;
    await view.getByRole("combobox", { name: "Customer", exact: true }).selectOption(acme);
    await view.locator(`.heatmap[data-customer="${acme}"], .notice.error`).first().waitFor({ timeout: 180_000 });
    expect(await view.locator(".notice.error").allInnerTexts()).toEqual([]);
    const acmeRows = await expectMatches(acme);
    expect(acmeRows.length).toBeGreaterThan(0);
    expect(acmeRows.length).toBeLessThan(all.length);
  }, 480_000);

  it("loads everything from the gateway itself, without errors", async () => {
    const origin = new URL(graph.gatewayUrl).origin;
    // data: URLs and the CSV download's blob: URL are made in the page, not fetched from anywhere.
    const fetched = requests.filter((r) => !/^(data|blob):/.test(r.url()));
    expect(fetched.map((r) => r.url()).filter((u) => new URL(u).origin !== origin)).toEqual([]);
    // The page, its scripts, its stylesheet and Monaco's workers came from /explorer/, all found.
    for (const worker of ["editor", "json", "graphql"]) {
      const pattern = new RegExp(`/explorer/${worker}\\.worker-\\w+\\.js$`);
      expect({ worker, requested: fetched.some((r) => pattern.test(r.url())) }).toEqual({ worker, requested: true });
    }
    const failed: string[] = [];
    for (const request of fetched) {
      // A request still without an answer after 10 s counts as failed (rather than hanging the test).
      const response = await Promise.race([
        request.response(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]);
      const status = response?.status() ?? 0;
      if (status === 0 || status >= 400)
        failed.push(`${request.method()} ${request.url()} → ${status || "no response"}`);
    }
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
  });
});
