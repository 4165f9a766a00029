import type { ChildProcess } from "node:child_process";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "@itsm/kit/testing";
import { as, post, ROOT, SUBGRAPH_NAMES, TEST_DRIVER } from "./support/graph";

/** In the MariaDB run, each launch gets fresh databases migrated and seeded at start-up. */
async function databaseEnv(): Promise<NodeJS.ProcessEnv> {
  if (TEST_DRIVER !== "mariadb") return {};
  const env: NodeJS.ProcessEnv = { MIGRATE_ON_START: "true", SEED_ON_START: "true" };
  for (const name of SUBGRAPH_NAMES)
    env[`${name.toUpperCase()}_DATABASE_URL`] = await createTestDatabase(`launch_${name}`);
  return env;
}

/** The test environment less its identity provider: as a developer runs `npm start`. */
function withoutIdentityProvider(): NodeJS.ProcessEnv {
  const { AUTH_HS256_SECRET: _secret, AUTH_ISSUER: _issuer, AUTH_AUDIENCE: _audience, ...env } = process.env;
  return env;
}

/** `npm run token -- …` with the launcher's DATA_DIR: the token it prints. */
function devToken(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, "scripts", "token.mjs"), ...args], {
    cwd: ROOT,
    env: { ...withoutIdentityProvider(), DATA_DIR: dataDir },
    encoding: "utf8",
  }).trim();
}

/** Starts `npm start`'s launcher on free ports; resolves with the gateway URL it prints. */
async function startLauncher(dataDir: string): Promise<{ launcher: ChildProcess; url: string; output: () => string }> {
  const databases = await databaseEnv();
  const launcher = spawn(process.execPath, [join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT,
    env: {
      ...withoutIdentityProvider(),
      ...databases,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      PORT: "0",
      CATALOG_PORT: "0",
      CUSTOMERS_PORT: "0",
      AGREEMENTS_PORT: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ITSM Service Graph is up: (\S+)/.exec(output);
      if (match) resolve({ launcher, url: match[1], output: () => output });
    };
    launcher.stdout!.on("data", onData);
    launcher.stderr!.on("data", onData);
    launcher.on("exit", (code) => reject(new Error(`launcher exited (${code}) before the graph was up:\n${output}`)));
  });
}

function childPids(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

describe("the launcher behind npm start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "itsm-launcher-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts the gateway and every subgraph, and SIGTERM stops every one of them", async () => {
    const { launcher, url, output } = await startLauncher(dataDir);
    const pids = childPids(launcher.pid!);
    expect(pids).toHaveLength(SUBGRAPH_NAMES.length + 1); // the gateway and every subgraph
    // Development tokens: a secret of its own in DATA_DIR (owner-only), and how to get a token.
    expect(statSync(join(dataDir, "dev-auth-secret")).mode & 0o777).toBe(0o600);
    await waitUntil(() => output().includes("npm run token -- --role analyst"));
    expect(output()).toContain("npm run token -- --role analyst");
    // …and a link that opens the explorer with an analyst's token, which the gateway accepts.
    await waitUntil(() => /#token=\S+/.test(output()));
    const linked = /The explorer as an analyst \(for 12 h\): \S+#token=(\S+)/.exec(output())?.[1];
    const viaLink = await post(url, "{ __schema { queryType { name } } }", undefined, {
      authorization: `Bearer ${linked}`,
    });
    expect(viaLink.errors).toBeUndefined();

    const token = devToken(dataDir, "--role", "analyst", "--subject", "launcher-e2e", "--expires", "5m");
    const headers = { authorization: `Bearer ${token}` };
    const response = await post<{ customers: { totalCount: number }; agreements: { totalCount: number } }>(
      url,
      "{ customers { totalCount } agreements { totalCount } }",
      undefined,
      headers,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.agreements.totalCount).toBeGreaterThan(0);
    // Introspection is for staff: the token is verified as an analyst's.
    const introspection = await post(url, "{ __schema { queryType { name } } }", undefined, headers);
    expect(introspection.errors).toBeUndefined();
    // A token signed with any other secret is refused.
    const forged = await post(url, "{ services { totalCount } }", undefined, as("analyst"));
    expect(forged.status).toBe(401);

    const exited = new Promise<number | null>((resolve) => launcher.once("exit", resolve));
    launcher.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await waitUntil(() => pids.every((pid) => !alive(pid)))).toBe(true);
  });

  it("leaves no orphans when the launcher itself is killed", async () => {
    const { launcher } = await startLauncher(dataDir);
    const pids = childPids(launcher.pid!);
    expect(pids).toHaveLength(SUBGRAPH_NAMES.length + 1); // the gateway and every subgraph
    launcher.kill("SIGKILL");
    expect(await waitUntil(() => pids.every((pid) => !alive(pid)))).toBe(true);
  });
});
