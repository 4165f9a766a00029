import mysql from "mysql2/promise";
import { runScript } from "./scripts";

/**
 * Starts `npm run migrate`'s script in several processes at once, each on `urls[i]` (the same empty
 * agreements database, reached directly or through another cluster node), and checks that every
 * migration ran exactly once: one process applied them, the others waited for its migration lock
 * and found nothing pending, and none failed on a table another had created meanwhile.
 */
export async function expectMigrationsOnceFromConcurrentProcesses(urls: string[]): Promise<void> {
  const runs = await Promise.all(
    urls.map((url) => runScript("db.mjs", ["migrate"], { AGREEMENTS_DATABASE_URL: url, LOG_LEVEL: "silent" })),
  );
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  const outcomes = runs.map((run) => run.stdout.split("\n").find((line) => line.startsWith("agreements:"))!);
  const applied = outcomes.filter((line) => line.startsWith("agreements: applied"));
  expect(applied).toHaveLength(1);
  expect(outcomes.filter((line) => line === "agreements: up to date")).toHaveLength(urls.length - 1);
  const names = applied[0].replace("agreements: applied ", "").split(", ");
  const connection = await mysql.createConnection(urls[0]);
  try {
    const [rows] = await connection.query("SELECT name FROM migrations ORDER BY id");
    expect((rows as { name: string }[]).map((r) => r.name)).toEqual(names);
  } finally {
    await connection.end();
  }
}
