// A stock Apollo Federation gateway, as the Apollo docs set one up: @apollo/gateway over the
// committed supergraph inside @apollo/server's startStandaloneServer, default settings throughout.
// The only additions are where the subgraphs run: the default data source (RemoteGraphQLDataSource)
// pointed at the harness's subgraphs instead of the URLs written in the supergraph; and the
// run's signed identity header on every subgraph call (the subgraphs refuse calls without one).
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readFileSync } from "node:fs";
import { failStart, gatewaySettings, reportReady } from "./env.mjs";

try {
  const { supergraphPath, subgraphUrls, subgraphHeaders, host, port } = gatewaySettings();
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, "utf8"),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: subgraphUrls[name] ?? url,
        willSendRequest({ request }) {
          for (const [header, value] of Object.entries(subgraphHeaders)) request.http?.headers.set(header, value);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host, port } });
  reportReady("apollo-stock", url, () => server.stop());
} catch (error) {
  failStart("apollo-stock", error);
}
