// The example partner portal (examples/partner-portal) in headless Chromium against the real
// graph, with the gateway enforcing the portal's trusted-documents manifest: a partner signs in
// with a token and sees its own SLAs, their targets and their document — nothing of anyone else's.
import type { ChildProcess } from "node:child_process";
import { fork } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { OpenBrowser } from "./support/browser";
import { ARTIFACTS, haveChromium, openChromium } from "./support/browser";
import { as, Graph, ROOT, stopProcess, token } from "./support/graph";
import { sampleAgreements, sampleCustomers } from "./support/sample";

const PORTAL = join(ROOT, "examples", "partner-portal");
const MANIFEST = join(PORTAL, "persisted-query-manifest.json");
const PARTNER = "ACME_RETAIL";

const suite = haveChromium || process.env.CI ? describe : describe.skip;

const own = sampleAgreements.filter((a) => a.type === "SLA" && a.customerCodes.includes(PARTNER));
const others = sampleAgreements.filter((a) => !own.includes(a));
const otherCustomers = sampleCustomers.filter((c) => c.code !== PARTNER);

/** Starts the portal's own server (server.mjs) on a free port in front of the gateway. */
function startPortal(gatewayOrigin: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(PORTAL, "server.mjs"), [], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", GATEWAY_URL: gatewayOrigin },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message.type === "ready" && message.url) resolve({ child, url: message.url });
    });
    child.on("exit", (code) => reject(new Error(`the portal's server exited (${code}):\n${output}`)));
  });
}

suite("the partner portal in Chromium", () => {
  let graph: Graph;
  let portal: { child: ChildProcess; url: string } | undefined;
  let browser: OpenBrowser;
  let page: Page;
  const graphqlBodies: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(MANIFEST) || !existsSync(join(PORTAL, "dist", "app.js"))) {
      throw new Error(
        `${PORTAL} is not built: run \`npx turbo run build\` (its build writes the manifest and the bundle)`,
      );
    }
    // The gateway trusts exactly the manifest the portal's build generated.
    graph = new Graph({ env: { TRUSTED_DOCUMENTS_PATH: MANIFEST } });
    await graph.start();
    portal = await startPortal(new URL(graph.gatewayUrl).origin);
    browser = await openChromium({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = browser.page;
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql") graphqlBodies.push(request.postData() ?? "");
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (portal) await stopProcess(portal.child);
    await graph?.stop();
  });

  it("signs a partner in with a pasted token and lists its own SLAs, nothing of another customer's", async () => {
    expect(own.length).toBeGreaterThan(0);
    await page.goto(portal!.url);
    await page.getByLabel("Paste your access token").fill(token("partner", [PARTNER]));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "My agreements" }).waitFor();
    const numbers = await page
      .locator("table.agreements tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-number")));
    expect(numbers.sort()).toEqual(own.map((a) => a.number).sort());
    const text = await page.locator("main").innerText();
    for (const agreement of others) expect(text).not.toContain(agreement.number);
    for (const customer of otherCustomers) expect(text).not.toContain(customer.name);
  });

  it("sends only the manifest's operations, by id — the gateway refuses anything else from a partner", async () => {
    expect(graphqlBodies.length).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { operations: { id: string }[] };
    const ids = new Set(manifest.operations.map((o) => o.id));
    for (const body of graphqlBodies) {
      const request = JSON.parse(body) as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
      expect(request.query).toBeUndefined();
      expect(ids.has(request.extensions?.persistedQuery?.sha256Hash ?? "")).toBe(true);
    }
    const freeForm = await page.evaluate(
      async (bearer) => {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
          body: JSON.stringify({ query: "{ agreements { totalCount } }" }),
        });
        return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      },
      token("partner", [PARTNER]),
    );
    expect(freeForm.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ID_REQUIRED");
    // That refusal (HTTP 400) is logged by the browser: expected, not a problem of the portal.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes("status of 400")));
  });

  it("shows one agreement with its targets, and downloads its PDF", async () => {
    const agreement = own[0];
    await page.getByRole("link", { name: agreement.number }).click();
    await page.getByRole("heading", { name: agreement.title }).waitFor();
    const rows = page.locator("table.targets tbody tr");
    await expect(rows.count()).resolves.toBe(agreement.targets.length);
    const text = await page.locator("main").innerText();
    for (const target of agreement.targets) expect(text).toContain(target.description);
    for (const customer of otherCustomers) expect(text).not.toContain(customer.name);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${agreement.number}-v${agreement.version}.pdf`);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");
    await page.locator("output", { hasText: /SHA-256 of the terms: [0-9a-f]{64}/ }).waitFor();

    // This month's performance of each target, as the graph reports it for this partner's figures.
    const today = new Date();
    const period = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
    type Performance = {
      achieved: number | null;
      status: string;
      errorBudget: { allowed: number; consumed: number; remaining: number } | null;
    };
    const answer = await graph.query<{
      customerByCode: { id: string };
    }>(`{ customerByCode(code: "${PARTNER}") { id } }`, undefined, as("analyst"));
    const figures = await graph.query<{
      agreementByNumber: { targets: { id: string; performance: Performance | null }[] };
    }>(
      `query ($number: String!, $period: String!, $customerId: ID) { agreementByNumber(number: $number) {
        targets { id performance(period: $period, customerId: $customerId) {
          achieved status errorBudget { allowed consumed remaining } } } } }`,
      { number: agreement.number, period, customerId: answer.data!.customerByCode.id },
      as("analyst"),
    );
    expect(figures.errors).toBeUndefined();
    const two = (value: number) => String(Math.round(value * 100) / 100);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const label = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");
    const measured = figures.data!.agreementByNumber.targets;
    expect(measured.length).toBe(agreement.targets.length);
    await expect(page.locator("main").innerText()).resolves.toContain(`Performance in ${period}`);
    for (const target of measured) {
      const row = page.locator(`table.targets tbody tr[data-target="${target.id}"]`);
      const shown = {
        achieved: await row.locator("td.achieved").innerText(),
        status: await row.locator("td.performance").innerText(),
        budget: await row.locator("td.budget").innerText(),
      };
      const p = target.performance;
      // Achieved in the target's terms (`99.95 %`, `57.14 % of tickets in time`), the budget in minutes or tickets.
      expect({ target: target.id, ...shown }).toEqual({
        target: target.id,
        achieved: p?.achieved == null ? "—" : expect.stringMatching(new RegExp(`^${escape(two(p.achieved))}( |$)`)),
        status: p ? label(p.status) : "—",
        budget: p?.errorBudget
          ? expect.stringMatching(
              new RegExp(
                `^${escape(two(p.errorBudget.consumed))} of ${escape(two(p.errorBudget.allowed))} (min|tickets) spent, ` +
                  `${escape(two(p.errorBudget.remaining))} left$`,
              ),
            )
          : "—",
      });
    }
    // The sample has figures this month for the partner's first SLA.
    expect(measured.some((t) => t.performance && t.performance.status !== "NO_DATA")).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "partner-portal.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
