import { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  createErrorFormatter,
  ConfigError,
  requireInternalSecret,
  identitySigner,
  close,
  createGraphQLHttpServer,
  listen,
  RequestRefused,
  requestIdOf,
  createLogger,
  Metrics,
  operationLogPlugin,
  startOperationLog,
} from "@itsm/runtime";
import type { GatewayConfig } from "./config";
import type { Logger, ReadyReport } from "@itsm/runtime";
import type { SupergraphSdlHook } from "@apollo/gateway";
import { existsSync, readFileSync, unwatchFile, watchFile } from "node:fs";
import { Counter, Histogram } from "prom-client";
import type { Server } from "node:http";
import { join } from "node:path";
import { addressKey, createAuthenticator } from "./authentication";
import { explorerRoutes } from "./explorer";
import { documentRoutes, loopbackExecutor, withDocumentOperations } from "./documents";
import { introspectionPlugin } from "./introspection.plugin";
import { schemaSuggestionsPlugin } from "./schema-suggestions.plugin";
import { wellFormedTextPlugin } from "./well-formed-text.plugin";
import { loadTrustedDocuments, trustedDocumentsPlugin } from "./trusted-documents.plugin";
import { operationResolutionPlugin } from "./operation-resolution.plugin";
import type { RateLimiter } from "./security";
import { operationLimits, rateLimiter } from "./security";
import type { GatewayContext } from "./subgraph-data-source";
import { DEFAULT_FETCH_POLICY, keepPeerServiceName, SubgraphDataSource } from "./subgraph-data-source";
import { LearntPlans } from "./plan-learning";
import { passThroughShortcut } from "./single-fetch";

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

/**
 * The supergraph, and a watch on its file: a changed file is swapped in for new requests (requests
 * in flight finish on the old one); a file that does not load is refused with a log line, and the
 * current supergraph stays.
 */
function watchSupergraph(path: string, logger: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = readSupergraph(path);
    // The last content looked at: a refused file is logged once, not at every poll.
    let seen = initial;
    const check = () => {
      let next: string;
      try {
        next = readFileSync(path, "utf8");
      } catch (error) {
        logger.error({ path, err: error }, "cannot read the changed supergraph; keeping the current one");
        return;
      }
      if (next === seen) return;
      seen = next;
      try {
        update(next);
        logger.info({ path }, "supergraph reloaded");
      } catch (error) {
        logger.error({ path, err: error }, "the changed supergraph is invalid; keeping the current one");
      }
    };
    watchFile(path, { interval: 500 }, check);
    return { supergraphSdl: initial, cleanup: async () => unwatchFile(path, check) };
  };
}

/** The gateway over the committed supergraph; subgraph URLs come from the supergraph unless overridden. */
export class GatewayServer {
  readonly apollo: ApolloServer<GatewayContext>;
  private http: Server | undefined;

  constructor(
    private readonly config: GatewayConfig,
    private readonly logger: Logger = createLogger("gateway", config.logLevel),
    /** The bundled explorer (`npm run build` writes it to dist/explorer beside this file). */
    private readonly explorerDir: string = join(__dirname, "explorer"),
  ) {
    this.metrics = new Metrics("gateway");
    const fetchMetrics = {
      fetchSeconds: new Histogram({
        name: "gateway_subgraph_fetch_duration_seconds",
        help: "Time of one fetch from a subgraph, by subgraph and outcome (ok, unavailable).",
        labelNames: ["subgraph", "outcome"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [this.metrics.registry],
      }),
      fetchErrors: new Counter({
        name: "gateway_subgraph_fetch_errors_total",
        help: "Subgraph fetches that failed, by subgraph and reason (unreachable, circuit_open).",
        labelNames: ["subgraph", "reason"],
        registers: [this.metrics.registry],
      }),
    };
    this.learntPlans = new LearntPlans({
      singleFetch: config.singleFetchPassthrough,
      compiled: config.compiledPlans,
    });
    // @apollo/gateway reads this switch only from the environment, when it is constructed.
    if (!config.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = "true";
    const gateway = new ApolloGateway({
      supergraphSdl: watchSupergraph(config.supergraphPath, logger),
      buildService: ({ name, url }) => {
        const target = config.subgraphUrls[name] ?? url;
        if (!target) throw new Error(`subgraph ${name} has no URL: set ${name.toUpperCase()}_URL`);
        this.subgraphs.set(name, target);
        const policy = { ...DEFAULT_FETCH_POLICY, timeoutMs: config.subgraphTimeoutMs };
        const source = new SubgraphDataSource(name, target, logger, policy, fetchMetrics);
        this.dataSources.set(name, source);
        return source;
      },
      experimental_didResolveQueryPlan: this.passThrough ? this.learntPlans.learn : undefined,
    });
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) =>
      this.learntPlans.schemaChanged(apiSchema, coreSupergraphSdl),
    );
    const limits = operationLimits(config.limits);
    const trusted = config.trustedDocumentsPath
      ? withDocumentOperations(loadTrustedDocuments(config.trustedDocumentsPath))
      : undefined;
    this.trusted = trusted;
    // The pass-through starts the log of the requests it hands over to Apollo Server: it goes on.
    const operationLog = operationLogPlugin<GatewayContext>(logger, this.metrics, (c) => c.contextValue.operationLog);
    this.apollo = new ApolloServer<GatewayContext>({
      gateway,
      formatError: createErrorFormatter(logger, "gateway", [keepPeerServiceName]),
      includeStacktraceInErrorResponses: false,
      // On for staff even in production; introspectionPlugin refuses partners and anonymous callers.
      introspection: config.limits.introspection,
      // Not Apollo's switch (by environment, validation errors only): schemaSuggestionsPlugin, by role.
      hideSchemaDetailsFromClientErrors: false,
      parseOptions: { maxTokens: config.limits.maxTokens },
      validationRules: limits.validationRules,
      allowBatchedHttpRequests: true,
      // Browsers get the bundled explorer (explorerRoutes), never Apollo's CDN-loaded landing page.
      plugins: [
        ...(trusted ? [trustedDocumentsPlugin(trusted)] : []),
        introspectionPlugin(),
        schemaSuggestionsPlugin(config.limits.introspection),
        wellFormedTextPlugin(),
        operationResolutionPlugin(),
        ApolloServerPluginLandingPageDisabled(),
        operationLog,
        ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      ],
    });
  }

  readonly metrics: Metrics;
  /** The URL of each subgraph of the current supergraph, by name. */
  private readonly subgraphs = new Map<string, string>();
  /** The data source of each subgraph, by name: the single-fetch pass-through fetches through them. */
  private readonly dataSources = new Map<string, SubgraphDataSource>();
  /** Whether the pass-through runs: for single fetches, compiled plans or both. */
  private get passThrough(): boolean {
    return this.config.singleFetchPassthrough || this.config.compiledPlans;
  }
  private readonly learntPlans: LearntPlans;
  private readonly trusted: ReturnType<typeof withDocumentOperations> | undefined;
  private started = false;
  private limiter: RateLimiter | undefined;

  /** Ready when the supergraph is loaded and every subgraph's /health answers. */
  async ready(): Promise<ReadyReport> {
    const checks: Record<string, string> = { supergraph: this.started ? "ok" : "not loaded" };
    await Promise.all(
      [...this.subgraphs].map(async ([name, url]) => {
        try {
          const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(2_000) });
          checks[name] = response.ok ? "ok" : `answered ${response.status}`;
        } catch {
          checks[name] = "unreachable";
        }
      }),
    );
    return { ready: Object.values(checks).every((c) => c === "ok"), checks };
  }

  async listen(): Promise<RunningGateway> {
    const signFor = identitySigner(requireInternalSecret(this.config));
    await this.apollo.start();
    this.started = true;
    const explorer = explorerRoutes(this.explorerDir);
    const documents = documentRoutes(loopbackExecutor(() => this.http));
    const authenticator = await createAuthenticator(this.config.authentication);
    if (!authenticator.verifies) {
      this.logger.warn(
        "no identity provider is configured (AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_HS256_SECRET): every caller is anonymous and bearer tokens are refused",
      );
    }
    const limiter = rateLimiter(this.config.limits, this.logger);
    this.limiter = limiter;
    await limiter.connected();
    const rateLimit = limiter.consume;
    this.http = createGraphQLHttpServer({
      apollo: this.apollo,
      // Before the body is read: authenticate, then rate-limit (refused tokens count against the address).
      authenticate: async (req) => {
        let caller;
        try {
          caller = await authenticator.authenticate(req);
        } catch (error) {
          if (error instanceof RequestRefused) await rateLimit(addressKey(req));
          throw error;
        }
        await rateLimit(caller.rateKey);
        return caller.identity;
      },
      context: async (req, identity) => ({
        requestId: requestIdOf(req),
        identity,
        signedIdentity: signFor(identity),
      }),
      maxBodyBytes: this.config.maxBodyBytes,
      compressAboveBytes: this.config.compressAboveBytes,
      logger: this.logger,
      routes: async (req, res, url) => explorer(req, res, url) || documents(req, res, url),
      maxBatch: this.config.limits.maxBatch,
      metrics: this.metrics,
      ready: () => this.ready(),
      shortcut: this.passThrough
        ? passThroughShortcut({
            plans: this.learntPlans,
            dataSource: (name) => this.dataSources.get(name),
            trusted: this.trusted,
            startOperationLog: (requestId) => startOperationLog(this.logger, this.metrics, requestId),
            logger: this.logger,
          })
        : undefined,
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
    await this.limiter?.close();
    await this.apollo.stop();
  }
}
