import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { createErrorFormatter } from "@itsm/kit/errors";
import type { GatewayConfig } from "@itsm/kit/config";
import { ConfigError } from "@itsm/kit/config";
import { close, createGraphQLHttpServer, listen } from "@itsm/kit/http";
import type { Logger } from "@itsm/kit/log";
import { createLogger } from "@itsm/kit/log";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { explorerRoutes } from "./explorer";
import { operationResolutionPlugin } from "./operation-resolution.plugin";
import { SubgraphDataSource } from "./subgraph-data-source";

/** A started gateway: where it listens and how to stop it. */
export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read the supergraph at SUPERGRAPH_PATH=${path}: ${(error as Error).message}`);
  }
}

/** The gateway over the committed supergraph; subgraph URLs come from the supergraph unless overridden. */
export class GatewayServer {
  readonly apollo: ApolloServer;
  private http: Server | undefined;

  constructor(
    private readonly config: GatewayConfig,
    private readonly logger: Logger = createLogger("gateway", config.logLevel),
    /** The bundled explorer (`npm run build` writes it to dist/explorer beside this file). */
    private readonly explorerDir: string = join(__dirname, "explorer"),
  ) {
    const gateway = new ApolloGateway({
      supergraphSdl: readSupergraph(config.supergraphPath),
      buildService: ({ name, url }) => {
        const target = config.subgraphUrls[name] ?? url;
        if (!target) throw new Error(`subgraph ${name} has no URL: set ${name.toUpperCase()}_URL`);
        return new SubgraphDataSource(name, target, logger);
      },
    });
    this.apollo = new ApolloServer({
      gateway,
      formatError: createErrorFormatter(logger, "gateway"),
      includeStacktraceInErrorResponses: false,
      // Browsers get the bundled explorer (explorerRoutes), never Apollo's CDN-loaded landing page.
      plugins: [operationResolutionPlugin(), ApolloServerPluginLandingPageDisabled()],
    });
  }

  async listen(): Promise<RunningGateway> {
    await this.apollo.start();
    this.http = createGraphQLHttpServer({
      apollo: this.apollo,
      context: async () => ({}),
      maxBodyBytes: this.config.maxBodyBytes,
      logger: this.logger,
      routes: explorerRoutes(this.explorerDir),
    });
    if (!existsSync(join(this.explorerDir, "index.html"))) {
      this.logger.warn({ explorerDir: this.explorerDir }, "the explorer was not built; GraphQL is served without it");
    }
    const url = await listen(this.http, this.config.port, this.config.host);
    this.logger.info({ url }, `gateway ready at ${url}`);
    return { url, stop: () => this.stop() };
  }

  async stop(): Promise<void> {
    if (this.http) await close(this.http);
    await this.apollo.stop();
  }
}
