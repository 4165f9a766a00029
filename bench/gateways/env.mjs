// What every bench gateway runner reads from its environment, and how it reports that it is up.
import process from "node:process";

import { SUBGRAPH_NAMES } from "@itsm/runtime";

export { SUBGRAPH_NAMES };

/** Settings passed by bench/run.mjs: the supergraph, where each subgraph runs, where to listen. */
export function gatewaySettings() {
  const supergraphPath = process.env.SUPERGRAPH_PATH;
  if (!supergraphPath) throw new Error("SUPERGRAPH_PATH is not set");
  const subgraphUrls = {};
  // BENCH_SUBGRAPHS: the subgraphs of the supergraph served, when it is another build's (--baseline).
  const names = process.env.BENCH_SUBGRAPHS ? process.env.BENCH_SUBGRAPHS.split(",") : SUBGRAPH_NAMES;
  for (const name of names) {
    const url = process.env[`${name.toUpperCase()}_URL`];
    if (!url) throw new Error(`${name.toUpperCase()}_URL is not set`);
    subgraphUrls[name] = url;
  }
  return {
    supergraphPath,
    subgraphUrls,
    host: process.env.HOST || "127.0.0.1",
    /** Headers every subgraph call carries: the run's signed identity (the subgraphs refuse calls without it). */
    subgraphHeaders: JSON.parse(process.env.BENCH_SUBGRAPH_HEADERS || "{}"),
    port: Number(process.env.PORT || 0),
  };
}

/**
 * Tells the harness (over the IPC channel of fork) where the gateway listens, and makes the
 * process exit on SIGTERM/SIGINT or when the harness goes away.
 */
export function reportReady(name, url, stop) {
  let stopping = false;
  const shutdown = () => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    Promise.resolve()
      .then(stop)
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  process.on("disconnect", shutdown);
  process.send?.({ type: "ready", name, url });
}

/** Prints a start-up failure as one line and exits. */
export function failStart(name, error) {
  process.stderr.write(`${name}: failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
}
