import { loadGatewayConfig } from "./config";
import { runService } from "@itsm/runtime/process";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";

// The committed supergraph, relative to this package's dist/ folder.
const DEFAULT_SUPERGRAPH = join(__dirname, "..", "..", "schema", "supergraph.graphql");

// The server is imported once tracing (if configured) is set up, so its HTTP modules are traced.
runService("gateway", async () => {
  const config = loadGatewayConfig(DEFAULT_SUPERGRAPH);
  // A V8 option Node does not take from NODE_OPTIONS; V8 reads it at every full collection.
  if (config.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
  const { GatewayServer } = await import("./server.js");
  return new GatewayServer(config).listen();
});
