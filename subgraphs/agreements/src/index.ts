import { createLogger } from "@itsm/runtime";
import { runService } from "@itsm/runtime/process";
import { loadAgreementsConfig } from "./agreements.config";

// The server is imported once tracing (if configured) is set up, so its HTTP modules are traced.
runService("agreements", async () => {
  const { createServer, createLifecycleScheduler } = await import("./server.js");
  const config = loadAgreementsConfig();
  const logger = createLogger(config.name, config.logLevel);
  const server = await createServer(config, logger);
  const running = await server.listen();
  // Started once the server answers; stopped (lease given up) before it closes.
  const scheduler = createLifecycleScheduler(server, { intervalSeconds: config.lifecycleIntervalSeconds, logger });
  scheduler.start();
  return { url: running.url, stop: () => scheduler.stop().then(() => running.stop()) };
});
