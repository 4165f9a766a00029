import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_IDENTITIES } from "@itsm/kit/testing";
import { post, ROOT, signedAs, startProcess, stopProcess, TEST_DRIVER } from "./support/graph";

// Straight to the subgraph, signed as the gateway signs an analyst's request (fresh each time: it expires).
const analyst = () => signedAs(TEST_IDENTITIES.analyst);

const describeOnMariaDb = TEST_DRIVER === "mariadb" ? describe : describe.skip;
const MARIADB = join(ROOT, "scripts", "mariadb.mjs");
const mariadb = (...args: string[]) => execFileSync(process.execPath, [MARIADB, ...args], { encoding: "utf8" }).trim();

describeOnMariaDb("when the database goes away while a subgraph runs", () => {
  const dir = mkdtempSync(join(tmpdir(), "itsm-recovery-"));
  afterAll(() => {
    try {
      mariadb("stop", "--dir", dir);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers SERVICE_UNAVAILABLE, stays up, and recovers by itself when the database is back", async () => {
    // A server of its own, so stopping it disturbs no other test.
    const serverUrl = mariadb("start", "--dir", dir);
    const port = new URL(serverUrl).port;
    const catalog = await startProcess("catalog", {
      ...process.env,
      CATALOG_DATABASE_URL: new URL("itsm_catalog", serverUrl).toString(),
      CATALOG_PORT: "0",
      MIGRATE_ON_START: "true",
      SEED_ON_START: "true",
      LOG_LEVEL: "silent",
    });
    try {
      const query = "{ services { totalCount } }";
      const before = await post<{ services: { totalCount: number } }>(catalog.url, query, undefined, analyst());
      expect(before.errors).toBeUndefined();

      mariadb("stop", "--dir", dir);
      const during = await post(catalog.url, query, undefined, analyst());
      expect(during.errors?.[0]).toMatchObject({
        message: "The catalog database is unavailable; retry shortly",
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
      expect(catalog.child.exitCode).toBeNull();

      mariadb("start", "--dir", dir, "--port", port);
      let after = await post<{ services: { totalCount: number } }>(catalog.url, query, undefined, analyst());
      for (let attempt = 0; after.errors && attempt < 50; attempt++) {
        await new Promise((r) => setTimeout(r, 200));
        after = await post(catalog.url, query, undefined, analyst());
      }
      expect(after.errors).toBeUndefined();
      expect(after.data?.services.totalCount).toBe(before.data?.services.totalCount);
    } finally {
      await stopProcess(catalog.child);
    }
  });
});
