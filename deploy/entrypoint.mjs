#!/usr/bin/env node
// The image's entrypoint: `<process>` runs one of the graph's processes (gateway, catalog,
// customers, agreements, operations); `probe <port> <path>` exits 0 when that URL answers 2xx (for
// Compose health checks: the image has no curl).
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PROCESSES } from "./processes.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [command, ...args] = process.argv.slice(2);

if (command === "probe") {
  const [port, path = "/health"] = args;
  const ok = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3_000) }).then(
    (response) => response.ok,
    () => false,
  );
  process.exit(ok ? 0 : 1);
} else if (command in PROCESSES) {
  // Entries are relative to the deployable folder, one level above this file.
  await import(pathToFileURL(join(here, "..", PROCESSES[command].entry)).href);
} else {
  console.error(`usage: entrypoint.mjs <${Object.keys(PROCESSES).join("|")}> | probe <port> [path]`);
  process.exit(64);
}
