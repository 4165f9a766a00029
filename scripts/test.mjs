// npm test: build, lint, type-check, run every suite on the embedded database, then run the
// database-backed suites (subgraphs and end-to-end) again on MariaDB — the server at
// ITSM_TEST_MARIADB_URL, or a throwaway one started here when mariadbd is installed. Every step
// runs; any failure fails the run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The subgraphs' packages and the end-to-end tests (the list is the runtime's: read after the build).
const databaseBacked = async () => {
  const { SUBGRAPH_NAMES } = await import("@itsm/runtime/config");
  return [...SUBGRAPH_NAMES.map((name) => `@itsm/${name}`), "@itsm/e2e"];
};
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
let failed = false;

function run(title, command, args, extraEnv = {}) {
  console.log(`\n::: ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    failed = true;
    console.log(`::: ${title}: FAILED`);
  }
  return result.status === 0;
}

const hasMariaDb = spawnSync("mariadbd", ["--version"], { stdio: "ignore" }).status === 0;

if (run("build", "npx", ["turbo", "run", "build", "--output-logs=errors-only"])) {
  run("lint (ESLint, Prettier)", "npm", ["run", "--silent", "lint"]);
  // jest compiles the tests without checking their types (ts-jest isolatedModules): tsc does, for every package.
  run("type check (sources and tests)", "npx", ["turbo", "run", "typecheck", "--output-logs=errors-only"]);
  run("public API against the last release (npm run schema:diff)", "npm", ["run", "--silent", "schema:diff"]);
  run("tests on the embedded database (SQLite)", "npx", ["turbo", "run", "test", "--concurrency=1"], {
    ITSM_TEST_DB: "sqlite",
  });

  // Imported after the build: it uses the kit.
  const { startMariaDb, stopMariaDb } = await import("./mariadb.mjs");
  let serverUrl = process.env.ITSM_TEST_MARIADB_URL;
  let dir;
  if (!serverUrl && hasMariaDb) {
    dir = mkdtempSync(join(tmpdir(), "itsm-test-mariadb-"));
    serverUrl = (await startMariaDb({ dir })).url;
  }
  if (serverUrl) {
    try {
      const filters = (await databaseBacked()).map((p) => `--filter=${p}`);
      run("database-backed tests on MariaDB", "npx", ["turbo", "run", "test", "--concurrency=1", ...filters], {
        ITSM_TEST_DB: "mariadb",
        ITSM_TEST_MARIADB_URL: serverUrl,
      });
    } finally {
      if (dir) {
        stopMariaDb(dir);
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } else {
    console.log("\n::: MariaDB is not installed (apt-get install mariadb-server): its run of the suites was skipped");
  }
}
process.exit(failed ? 1 : 0);
