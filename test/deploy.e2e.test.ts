// The deployment artefacts (deploy/) pass their offline checks, and the checks do refuse broken
// ones: a Kubernetes object that does not match its schema, a probe on the wrong path, an invalid
// compose.yaml. (The deployable folder itself is built and started by `node deploy/check.mjs
// --bundle`, a CI step of its own: it compiles better-sqlite3.)
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./support/graph";

const run = promisify(execFile);
const CHECK = join(ROOT, "deploy", "check.mjs");
let work: string;

async function check(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CHECK, ...args], { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "itsm-deploy-check-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("the committed manifests and compose.yaml pass", async () => {
  const { code, output } = await check();
  expect(output).toMatch(/checked 22 Kubernetes objects/);
  expect(output).toMatch(/no problems/);
  expect(code).toBe(0);
});

it("refuses manifests that break the Kubernetes schema or our probes, and an invalid compose.yaml", async () => {
  const { stdout } = await run(process.execPath, [join(ROOT, "deploy", "kubernetes.mjs")], { cwd: ROOT });
  const manifest = join(work, "broken.yaml");
  writeFileSync(
    manifest,
    stdout
      .replace("replicas: 2", "replicas: two")
      .replace(/readinessProbe:\n(\s+)httpGet:\n(\s+)path: \/ready/, "readinessProbe:\n$1httpGet:\n$2path: /health")
      .replace(/(- name: NODE_OPTIONS\n\s+value: )--max-semi-space-size=32/, "$1--max-old-space-size=512"),
  );
  const compose = join(work, "compose.yaml");
  writeFileSync(
    compose,
    readFileSync(join(ROOT, "deploy", "compose.yaml"), "utf8")
      .replace("retries: 30", "retries: many")
      .replace('probe", "4000", "/health"', 'probe", "4000", "/metrics"')
      .replace("NODE_OPTIONS: --max-semi-space-size=32", "LOG_LEVEL: info"),
  );
  const { code, output } = await check("--manifest", manifest, "--compose", compose);
  expect(code).toBe(1);
  expect(output).toMatch(/Deployment\/catalog: does not match the Kubernetes schema: .*replicas must be integer/);
  expect(output).toMatch(/catalog: readiness is not on \/ready/);
  expect(output).toMatch(/compose \/services\/mariadb\/healthcheck\/retries: must be number/);
  expect(output).toMatch(/compose gateway: health check not on \/health/);
  expect(output).toMatch(/gateway: NODE_OPTIONS is --max-old-space-size=512, not --max-semi-space-size=32/);
  expect(output).toMatch(/compose gateway: NODE_OPTIONS is unset, not --max-semi-space-size=32/);
});
