import { loadGatewayConfig } from "./config";
import { runService } from "@itsm/runtime/process";
import { join } from "node:path";

// The committed supergraph, relative to this package's dist/ folder.
const DEFAULT_SUPERGRAPH = join(__dirname, "..", "..", "schema", "supergraph.graphql");

// The server is imported once tracing (if configured) is set up, so its HTTP modules are traced.
runService("gateway", async () => {
  const { GatewayServer } = await import("./server.js");
  return new GatewayServer(loadGatewayConfig(DEFAULT_SUPERGRAPH)).listen();
});
