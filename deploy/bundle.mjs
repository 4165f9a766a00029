#!/usr/bin/env node
// Builds the deployable folder the image holds: the built dist/ of every runtime workspace, the
// committed supergraph, the entrypoint, and production dependencies only (npm ci --omit=dev against
// the committed lock). The Dockerfile runs this very script; CI runs it too and starts a process
// from the result (deploy/check.mjs --bundle), since no Docker engine is at hand there.
// Usage: node deploy/bundle.mjs <folder>   (after `npx turbo run build`)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RUNTIME_WORKSPACES } from "./processes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = process.argv[2] && resolve(process.argv[2]);
if (!target) {
  console.error("usage: node deploy/bundle.mjs <folder>");
  process.exit(64);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const copy = (path) => cpSync(join(root, path), join(target, path), { recursive: true });
copy("package.json");
copy("package-lock.json");
// npm ci checks the lock against every workspace's package.json, so all are copied; only the
// runtime workspaces bring their code.
for (const workspace of JSON.parse(readFileSync(join(root, "package.json"), "utf8")).workspaces) {
  copy(join(workspace, "package.json"));
}
for (const workspace of RUNTIME_WORKSPACES) {
  if (!existsSync(join(root, workspace, "dist"))) {
    console.error(`${workspace}/dist is missing: build first (npx turbo run build)`);
    process.exit(1);
  }
  copy(join(workspace, "dist"));
}
copy("schema");
copy("deploy/entrypoint.mjs");
copy("deploy/processes.mjs");
execFileSync(
  "npm",
  [
    "ci",
    "--omit=dev",
    "--no-audit",
    "--no-fund",
    ...RUNTIME_WORKSPACES.flatMap((workspace) => ["--workspace", workspace]),
  ],
  { cwd: target, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
);
console.error(`deployable folder ready: ${target}`);
