import { runService } from "@itsm/runtime/process";
import { loadAgreementsConfig } from "./agreements.config";

// The server (and the runtime's main entry, which loads node:http) is imported once tracing (if
// configured) is set up, so its HTTP modules are traced: only config and the process runner load before.
runService("agreements", async () => {
  const { createServer, createLifecycleScheduler, createWebhookWorker } = await import("./server.js");
  const { createLogger } = await import("@itsm/runtime");
  const config = loadAgreementsConfig();
  const logger = createLogger(config.name, config.logLevel);
  const server = await createServer(config, logger);
  const running = await server.listen();
  // Started once the server answers; stopped (leases given up) before it closes.
  const scheduler = createLifecycleScheduler(server, { intervalSeconds: config.lifecycleIntervalSeconds, logger });
  const webhooks = createWebhookWorker(server, config.webhooks, { logger });
  scheduler.start();
  webhooks.start();
  return {
    url: running.url,
    stop: () => Promise.all([scheduler.stop(), webhooks.stop()]).then(() => running.stop()),
  };
});
