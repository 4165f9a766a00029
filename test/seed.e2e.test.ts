import { createTestDatabase } from "@itsm/kit/testing";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { as, Graph, ROOT, SUBGRAPH_NAMES, TEST_DRIVER } from "./support/graph";
import { sampleAgreements, sampleCustomers, sampleServices } from "./support/sample";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

const run = promisify(execFile);

/** Runs `npm run seed`'s script against the given databases; resolves with what it printed. */
async function seed(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(ROOT, "scripts", "db.mjs"), "seed", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  return stdout;
}

/** Fresh, empty databases for every subgraph (migrated, in the MariaDB run). */
async function freshDatabases(
  label: string,
): Promise<{ env: NodeJS.ProcessEnv; graph: () => Graph; cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), `itsm-seed-${label}-`));
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const databaseUrls = new Map<(typeof SUBGRAPH_NAMES)[number], string>();
  if (TEST_DRIVER === "mariadb") {
    for (const name of SUBGRAPH_NAMES) {
      const url = await createTestDatabase(`${label}_${name}`);
      databaseUrls.set(name, url);
      env[`${name.toUpperCase()}_DATABASE_URL`] = url;
    }
    await run(process.execPath, [join(ROOT, "scripts", "db.mjs"), "migrate"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
  }
  return {
    env,
    graph: () => new Graph({ dataDir, keepData: true, databaseUrls }),
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const COUNTS =
  "{ services { totalCount } customers { totalCount } agreements { totalCount } providers { totalCount } }";
type Counts = Record<"services" | "customers" | "agreements" | "providers", { totalCount: number }>;

describe("npm run seed", () => {
  it("loads the sample into empty databases, and a second run changes nothing", async () => {
    const target = await freshDatabases("sample");
    try {
      const first = await seed(target.env);
      for (const name of SUBGRAPH_NAMES) expect(first).toMatch(new RegExp(`${name}: loaded the sample in`));
      const second = await seed(target.env);
      for (const name of SUBGRAPH_NAMES) expect(second).toContain(`${name}: already has data: left unchanged`);

      const graph = await target.graph().start();
      try {
        const answer = await graph.query<Counts>(COUNTS, undefined, ANALYST);
        expect(answer.data?.services.totalCount).toBe(sampleServices.length);
        expect(answer.data?.customers.totalCount).toBe(sampleCustomers.length);
        expect(answer.data?.agreements.totalCount).toBe(sampleAgreements.length);
      } finally {
        await graph.stop();
      }
    } finally {
      target.cleanup();
    }
  });

  it("--scale N adds a synthetic dataset of N services, N customers and 2N agreements, with progress", async () => {
    const target = await freshDatabases("scale");
    try {
      const output = await seed(target.env, "--scale", "60");
      expect(output).toContain("catalog: catalog services: 60/60");
      expect(output).toContain("agreements: agreements: 120/120");
      const graph = await target.graph().start();
      try {
        const answer = await graph.query<Counts>(COUNTS, undefined, ANALYST);
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.services.totalCount).toBe(sampleServices.length + 60);
        expect(answer.data?.customers.totalCount).toBe(sampleCustomers.length + 60);
        expect(answer.data?.agreements.totalCount).toBe(sampleAgreements.length + 120);
        // The synthetic records reference each other across subgraphs.
        const agreement = await graph.query<{
          agreementByNumber: { provider: { code: string }; services: { code: string }[]; targets: unknown[] };
        }>(
          `{ agreementByNumber(number: "AGR-0000003") { provider { code } services { code } targets { metric } customers { code } } }`,
          undefined,
          ANALYST,
        );
        expect(agreement.errors).toBeUndefined();
        expect(agreement.data?.agreementByNumber.provider.code).toMatch(/^PRV\d{4}$/);
        expect(agreement.data?.agreementByNumber.services.every((s) => /^SVC\d{6}$/.test(s.code))).toBe(true);
        expect(agreement.data?.agreementByNumber.targets.length).toBeGreaterThan(0);
      } finally {
        await graph.stop();
      }
    } finally {
      target.cleanup();
    }
  });

  it("refuses a bad --scale with a clear message", async () => {
    await expect(seed({ DATA_DIR: ":memory:" }, "--scale", "lots")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--scale must be a whole number from 1 to 1000000 (got "lots")'),
    });
  });
});
