import Database from "better-sqlite3";
import { withoutBookkeeping } from "@itsm/kit/testing";
import mysql from "mysql2/promise";
import { join } from "node:path";
import type { Graph, SubgraphName } from "./graph";
import { TEST_DRIVER } from "./graph";

/** Every row of every table of a subgraph's database, in a stable order: to prove nothing changed. */
export async function dumpDatabase(graph: Graph, name: SubgraphName): Promise<Record<string, unknown[]>> {
  if (TEST_DRIVER === "sqlite") {
    const db = new Database(join(graph.dataDir, `${name}.sqlite`), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[];
      return Object.fromEntries(
        tables.map(({ name: table }) => [
          table,
          sorted(withoutBookkeeping(table, db.prepare(`SELECT * FROM "${table}"`).all() as object[])),
        ]),
      );
    } finally {
      db.close();
    }
  }
  const connection = await mysql.createConnection(graph.databaseUrls.get(name)!);
  try {
    const [tables] = await connection.query("SHOW TABLES");
    const dump: Record<string, unknown[]> = {};
    for (const row of tables as Record<string, string>[]) {
      const table = Object.values(row)[0];
      const [rows] = await connection.query(`SELECT * FROM \`${table}\``);
      dump[table] = sorted(withoutBookkeeping(table, rows as object[]));
    }
    return dump;
  } finally {
    await connection.end();
  }
}

function sorted(rows: unknown[]): unknown[] {
  return rows
    .map((row) => JSON.stringify(row))
    .sort()
    .map((row) => JSON.parse(row) as unknown);
}
