import { loadGatewayConfig } from "@itsm/kit/config";
import { runService } from "@itsm/kit/process";
import { join } from "node:path";
import { GatewayServer } from "./server";

// The committed supergraph, relative to this package's dist/ folder.
const DEFAULT_SUPERGRAPH = join(__dirname, "..", "..", "schema", "supergraph.graphql");

runService("gateway", () => new GatewayServer(loadGatewayConfig(DEFAULT_SUPERGRAPH)).listen());
