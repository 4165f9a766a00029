import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { as, Graph, SUBGRAPH_NAMES, TEST_DRIVER } from "./support/graph";
import { runScript } from "./support/scripts";

const EDITOR = as("editor");
const folder = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

// The MySQL/MariaDB refusal does not need a graph: it runs on both drivers.
test("backup and restore refuse the MySQL/MariaDB mode and point to its tools", async () => {
  const dir = folder("itsm-backup-mysql-");
  try {
    const env = { DATA_DIR: dir, CUSTOMERS_DATABASE_URL: "mysql://itsm:pw@127.0.0.1:1/itsm_customers" };
    const backup = await runScript("backup.mjs", [join(dir, "out")], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/CUSTOMERS_DATABASE_URL .*mariadb-dump --single-transaction or mariabackup/);
    const restore = await runScript("restore.mjs", [join(dir, "out")], env);
    expect(restore.code).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Backup is for the embedded databases; the MariaDB run's databases are backed up with mariadb-dump (README).
const embedded = TEST_DRIVER === "mariadb" ? describe.skip : describe;

embedded("backup under a write load, then restore (embedded databases only)", () => {
  const source = new Graph({ keepData: true });
  const backupDir = join(folder("itsm-backup-"), "backup");
  const restoreDir = folder("itsm-restore-");
  let restored: Graph | undefined;

  beforeAll(() => source.start(), 120_000);
  afterAll(async () => {
    await source.stop();
    await restored?.stop();
    for (const dir of [source.dataDir, join(backupDir, ".."), restoreDir])
      rmSync(dir, { recursive: true, force: true });
  });

  test("every write acknowledged before the backup started is in the restored graph, which starts and answers", async () => {
    // A loop of writes through the gateway in two subgraphs, recording when each was acknowledged.
    const acknowledged: { code: string; kind: "service" | "customer"; at: number }[] = [];
    let writing = true;
    let n = 0;
    const writer = (async () => {
      while (writing) {
        const code = `BKP_${process.pid}_${++n}`;
        const kind = n % 2 ? "service" : "customer";
        const response =
          kind === "service"
            ? await source.query(
                `mutation ($input: CreateServiceInput!) { createService(input: $input) { code } }`,
                {
                  input: {
                    code,
                    name: `Service ${code}`,
                    description: "Written while a backup runs.",
                    category: "Business Applications",
                    type: "CUSTOMER_FACING",
                    lifecycle: "LIVE",
                    criticality: "LOW",
                    owner: "Backup test",
                    monthlyCost: { amount: "1", currency: "EUR" },
                  },
                },
                EDITOR,
              )
            : await source.query(
                `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { code } }`,
                {
                  input: {
                    code,
                    name: `Customer ${code}`,
                    description: "Written while a backup runs.",
                    kind: "INTERNAL",
                  },
                },
                EDITOR,
              );
        if (response.errors) throw new Error(`write refused: ${JSON.stringify(response.errors)}`);
        acknowledged.push({ code, kind, at: Date.now() });
      }
    })();
    const settle = async () => {
      writing = false;
      await writer;
    };
    try {
      while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));
      const backupStarted = Date.now();
      const backup = await runScript("backup.mjs", [backupDir], { DATA_DIR: source.dataDir });
      const backupEnded = Date.now();
      expect(backup).toMatchObject({ code: 0 });
      // A few more writes after the backup: these must not be in it.
      const afterBackup = acknowledged.length;
      while (acknowledged.length < afterBackup + 4) await new Promise((r) => setTimeout(r, 20));
      await settle();

      const before = acknowledged.filter((w) => w.at < backupStarted);
      const after = acknowledged.filter((w) => w.at > backupEnded && acknowledged.indexOf(w) >= afterBackup);
      expect(before.length).toBeGreaterThanOrEqual(10);
      expect(after.length).toBeGreaterThan(0);

      const manifest = JSON.parse(readFileSync(join(backupDir, "manifest.json"), "utf8"));
      expect(manifest.files.map((f: { subgraph: string }) => f.subgraph).sort()).toEqual([...SUBGRAPH_NAMES].sort());
      for (const file of manifest.files) expect(file.bytes).toBeGreaterThan(0);

      // The graph still runs: its databases are open, so restoring over them is refused.
      const busy = await runScript("restore.mjs", [backupDir, "--force"], { DATA_DIR: source.dataDir });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/stop the graph first/);

      // A damaged copy of the backup is refused before anything is written.
      const damaged = join(backupDir, "..", "damaged");
      cpSync(backupDir, damaged, { recursive: true });
      appendFileSync(join(damaged, "agreements.sqlite"), "x");
      const refused = await runScript("restore.mjs", [damaged], { DATA_DIR: restoreDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/agreements: .* does not match the manifest/);

      const restore = await runScript("restore.mjs", [backupDir], { DATA_DIR: restoreDir });
      expect(restore).toMatchObject({ code: 0 });
      // Restoring again would overwrite the databases: refused without --force.
      const again = await runScript("restore.mjs", [backupDir], { DATA_DIR: restoreDir });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/--force/);

      restored = await new Graph({ dataDir: restoreDir, keepData: true }).start();
      const present = async (w: { code: string; kind: string }) => {
        const field = w.kind === "service" ? "serviceByCode" : "customerByCode";
        const response = await restored!.query<Record<string, { code: string } | null>>(
          `query ($code: String!) { ${field}(code: $code) { code } }`,
          { code: w.code },
          EDITOR,
        );
        if (response.errors?.[0]?.extensions?.code === "NOT_FOUND") return false;
        expect(response.errors).toBeUndefined();
        return response.data?.[field]?.code === w.code;
      };
      const missing = [];
      for (const w of before) if (!(await present(w))) missing.push(w.code);
      expect(missing).toEqual([]);
      for (const w of after) expect(await present(w)).toBe(false);
      // The sample is there too, across the subgraphs: an agreement with its provider and services.
      const answer = await restored.query<{ agreements: { totalCount: number } }>(
        `{ agreements(first: 1) { totalCount } }`,
        undefined,
        EDITOR,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.agreements.totalCount).toBeGreaterThan(0);
    } finally {
      await settle().catch(() => undefined);
    }
  }, 240_000);
});
