// Hive Gateway's configuration file: `npx hive-gateway supergraph` in this folder finds it. Our
// settings come from the environment, as for our gateway (see README "Running under Hive Gateway");
// add Hive Gateway's own options (caching, rate limiting, Hive reporting, …) here.
import { defineConfig } from "@graphql-hive/gateway";
import { itsmGatewayConfig } from "./dist/index.js";

export const gatewayConfig = defineConfig({
  ...itsmGatewayConfig(),
});
