import { loadSubgraphConfig } from "@itsm/kit/config";
import { runService } from "@itsm/runtime/process";

// The server is imported once tracing (if configured) is set up, so its HTTP modules are traced.
runService("operations", async () => {
  const { createServer } = await import("./server.js");
  return (await createServer(loadSubgraphConfig("operations"))).listen();
});
