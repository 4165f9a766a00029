import type { GatewayCLIConfig } from "@graphql-hive/gateway";
import { loadGatewayConfig } from "@itsm/gateway/dist/config";
import { requireInternalSecret } from "@itsm/runtime";
import { join } from "node:path";
import { useItsmIdentity } from "./identity.plugin";

export { useItsmIdentity } from "./identity.plugin";

// The committed supergraph, relative to this package's dist/ folder.
const DEFAULT_SUPERGRAPH = join(__dirname, "..", "..", "..", "schema", "supergraph.graphql");

/**
 * Hive Gateway's configuration for our graph, from the same variables as our gateway: the
 * supergraph (`SUPERGRAPH_PATH`), where each subgraph is (`<SUBGRAPH>_URL`), `HOST`/`PORT`,
 * authentication (`AUTH_*`, `ANONYMOUS_ACCESS`), `INTERNAL_AUTH_SECRET`, the depth and token limits
 * and the subgraph timeout. Everything else is Hive Gateway's to configure on top.
 */
export function itsmGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayCLIConfig {
  const config = loadGatewayConfig(DEFAULT_SUPERGRAPH, env);
  const internalSecret = requireInternalSecret(config);
  return {
    supergraph: config.supergraphPath,
    transportEntries: Object.fromEntries(
      Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }]),
    ),
    host: config.host,
    port: config.port,
    maxDepth: config.limits.maxDepth,
    maxTokens: config.limits.maxTokens,
    blockFieldSuggestions: true,
    upstreamTimeout: config.subgraphTimeoutMs,
    plugins: () => [useItsmIdentity({ authentication: config.authentication, internalSecret })],
  };
}
