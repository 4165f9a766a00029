import { runService } from "@itsm/runtime/process";
import { loadOperationsConfig } from "./operations.config";

// The server is imported once tracing (if configured) is set up, so its HTTP modules are traced.
runService("operations", async () => {
  const { createServer, createPerformanceRefresher } = await import("./server.js");
  const { createLogger } = await import("@itsm/runtime");
  const config = loadOperationsConfig();
  const logger = createLogger(config.name, config.logLevel);
  const server = await createServer(config, logger);
  const running = await server.listen();
  // Started once the server answers; stopped (lease given up) before it closes.
  const refresher = createPerformanceRefresher(server, { intervalSeconds: config.performanceRefreshSeconds, logger });
  refresher.start();
  return { url: running.url, stop: () => refresher.stop().then(() => running.stop()) };
});
