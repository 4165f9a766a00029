import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Graph, SUBGRAPH_NAMES } from "./support/graph";

const QUERY = `{ services(first: 100) { nodes { id code createdAt } }
  agreements(first: 100) { nodes { id number effectiveFrom createdAt } }
  customers(first: 100) { nodes { id code createdAt contacts { id } } } }`;

describe("the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "itsm-persist-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is created and seeded on first start, in WAL mode, and keeps its data across restarts", async () => {
    const first = await new Graph(dataDir, false).start();
    const before = await first.query(QUERY);
    expect(before.errors).toBeUndefined();
    await first.stop();

    for (const name of SUBGRAPH_NAMES) {
      const db = new Database(join(dataDir, `${name}.sqlite`), { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();
    }

    // Killed rather than stopped: nothing committed may be lost, and nothing is seeded twice.
    const second = await new Graph(dataDir, false).start();
    await second.kill("catalog");
    await second.startSubgraph("catalog");
    const after = await second.query(QUERY);
    await second.stop();
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });
});
