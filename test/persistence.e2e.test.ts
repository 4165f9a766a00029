import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { as, Graph, SUBGRAPH_NAMES, TEST_DRIVER } from "./support/graph";

// Reads of everything (agreements, customers, every lifecycle) need a staff role.
const ANALYST = as("analyst");

const QUERY = `{ services(first: 100) { nodes { id code createdAt } }
  agreements(first: 100) { nodes { id number effectiveFrom createdAt } }
  customers(first: 100) { nodes { id code createdAt contacts { id } } } }`;

describe("the database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "itsm-persist-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is created and seeded on first start and keeps its data across restarts and crashes", async () => {
    const first = await new Graph({ dataDir, keepData: true }).start();
    const before = await first.query(QUERY, undefined, ANALYST);
    expect(before.errors).toBeUndefined();
    await first.stop();

    // The embedded database runs in WAL mode (set in the file itself, so it holds for every process).
    if (TEST_DRIVER === "sqlite") {
      for (const name of SUBGRAPH_NAMES) {
        const db = new Database(join(dataDir, `${name}.sqlite`), { readonly: true });
        expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
        db.close();
      }
    }

    // Killed rather than stopped: nothing committed may be lost, and nothing is seeded twice.
    const second = await new Graph({ dataDir, keepData: true, databaseUrls: first.databaseUrls }).start();
    await second.kill("catalog");
    await second.startSubgraph("catalog");
    const after = await second.query(QUERY, undefined, ANALYST);
    await second.stop();
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });
});
