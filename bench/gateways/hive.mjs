// Hive Gateway (@graphql-hive/gateway) over the committed supergraph, run programmatically with
// createGatewayRuntime on node:http, default settings except: logs at warn, no landing page or
// GraphiQL, each subgraph's location overridden (transportEntries) to the harness's subgraphs, and
// the run's signed identity header on every subgraph call (the subgraphs refuse calls without one).
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { createServer } from "node:http";
import { failStart, gatewaySettings, reportReady } from "./env.mjs";

try {
  const { supergraphPath, subgraphUrls, subgraphHeaders, host, port } = gatewaySettings();
  const gateway = createGatewayRuntime({
    supergraph: supergraphPath,
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
    logging: "warn",
    landingPage: false,
    propagateHeaders: { fromClientToSubgraphs: () => subgraphHeaders },
    graphiql: false,
  });
  const server = createServer(gateway);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host}:${address.port}${gateway.graphqlEndpoint}`;
  reportReady("hive", url, async () => {
    await new Promise((resolve) => server.close(() => resolve()));
    await gateway.dispose();
  });
} catch (error) {
  failStart("hive", error);
}
