import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { DataSource, EntityManager, EntityTarget, MigrationInterface, ObjectLiteral } from "typeorm";
import type { DataSourceSpec } from "./data/data-source";
import { openDataSource, seedIfEmpty } from "./data/data-source";
import { runMigrationsLocked } from "./data/migration-lock";
import type { SubgraphConfig } from "./config";
import type { SubgraphName, ReadyReport, Logger, Identity, RunningService } from "@itsm/runtime";
import {
  requireInternalSecret,
  StartupError,
  ErrorCode,
  close,
  createGraphQLHttpServer,
  listen,
  RequestRefused,
  Metrics,
  operationLogPlugin,
  createLogger,
  ANONYMOUS,
  identityOf,
  identityVerifier,
} from "@itsm/runtime";
import { createSubgraphErrorFormatter } from "./errors";
import { instrumentQueries } from "./data/instrumented-queries";
import { Gauge } from "prom-client";
import { partialErrorsPlugin } from "./schema/partial-errors";
import { compiledExecution } from "./schema/compiled-execution";

export interface SubgraphServerOptions<TContext extends object> {
  config: SubgraphConfig;
  logger: Logger;
  schema: GraphQLSchema;
  dataSource: DataSource;
  /** Builds a fresh per-request context for the caller (its DataLoaders live for one request only). */
  context: (identity: Identity) => TContext;
}

/** One subgraph process: Apollo Server over its federated schema and its data source. */
export class SubgraphServer<TContext extends object> {
  readonly apollo: ApolloServer<TContext>;
  private http: Server | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly options: SubgraphServerOptions<TContext>) {
    this.metrics = new Metrics(options.config.name);
    observePool(this.metrics, options.dataSource);
    instrumentQueries(options.dataSource, this.metrics);
    this.apollo = new ApolloServer<TContext>({
      // Query operations run compiled (graphql-jit), mutations on graphql-js: see compiled-execution.ts.
      gateway: compiledExecution(options.schema),
      formatError: createSubgraphErrorFormatter(options.logger, options.config.name),
      includeStacktraceInErrorResponses: false,
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        // No cache hints are used: without this plugin no resolver of any field is wrapped per call.
        ApolloServerPluginCacheControlDisabled(),
        operationLogPlugin(options.logger, this.metrics),
        partialErrorsPlugin<TContext>(),
      ],
    });
  }

  readonly metrics: Metrics;

  /** Ready when the database answers. */
  async ready(): Promise<ReadyReport> {
    try {
      await this.options.dataSource.query("SELECT 1");
      return { ready: true, checks: { database: "ok" } };
    } catch (error) {
      return { ready: false, checks: { database: `unavailable: ${(error as Error).message}` } };
    }
  }

  get dataSource(): DataSource {
    return this.options.dataSource;
  }

  /** A context as a request of this caller would get it (for in-process tests through `executeOperation`). */
  createContext(identity: Identity = ANONYMOUS): TContext {
    return this.options.context(identity);
  }

  /** Starts Apollo Server once, however many callers ask. */
  start(): Promise<void> {
    this.started ??= this.apollo.start();
    return this.started;
  }

  /** Runs one operation in-process for the caller given, with a fresh request context (contract tests, scripts). */
  async execute(query: string, variables?: Record<string, unknown>, identity: Identity = ANONYMOUS) {
    await this.start();
    const response = await this.apollo.executeOperation(
      { query, variables },
      { contextValue: this.options.context(identity) },
    );
    if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this graph");
    return response.body.singleResult;
  }

  async listen(): Promise<RunningService> {
    const { config, logger } = this.options;
    const verify = identityVerifier(requireInternalSecret(config));
    await this.start();
    this.http = createGraphQLHttpServer({
      apollo: this.apollo,
      // Verified before the body is read; the context then takes the identity the signature vouches for.
      authenticate: (req) => {
        try {
          return identityOf(req, verify);
        } catch (error) {
          throw new RequestRefused(401, ErrorCode.UNAUTHENTICATED, (error as Error).message);
        }
      },
      context: async (_req, identity) => this.options.context(identity),
      maxBodyBytes: config.maxBodyBytes,
      logger,
      metrics: this.metrics,
      ready: () => this.ready(),
    });
    const url = await listen(this.http, config.port, config.host);
    logger.info({ url }, `${config.name} subgraph ready at ${url}`);
    return { url, stop: () => this.stop() };
  }

  /** Stops accepting requests, lets open ones finish, then closes the database. */
  async stop(): Promise<void> {
    if (this.http) await close(this.http);
    if (this.started) await this.apollo.stop();
    if (this.options.dataSource.isInitialized) await this.options.dataSource.destroy();
  }
}

/** What makes one subgraph: its tables and migrations, its sample, its schema and how requests see its data. */
export interface SubgraphSpec<TContext extends object = object> {
  name: SubgraphName;
  entities: DataSourceSpec["entities"];
  /** Migrations for MySQL/MariaDB, oldest first. */
  migrations: (new () => MigrationInterface)[];
  /** Loaded into an empty database; `marker` is the table whose emptiness means "not seeded". */
  sample: { marker: EntityTarget<ObjectLiteral>; seed: (manager: EntityManager) => Promise<void> };
  /** Adds a large synthetic dataset of `scale` services' worth (benchmarks), reporting progress. */
  synthetic: (manager: EntityManager, scale: number, progress: (message: string) => void) => Promise<void>;
  buildSchema: () => Promise<GraphQLSchema>;
  /** Wires the services around the data source once, and returns the per-request context factory. */
  contextFactory: (dataSource: DataSource, config: SubgraphConfig) => (identity: Identity) => TContext;
}

/**
 * Opens a subgraph's database: the embedded one synchronised from the entities, or MySQL/MariaDB
 * at the head of its migrations (run now if MIGRATE_ON_START, else pending ones stop the start).
 * Every failure is a one-line StartupError naming the variable to fix.
 */
export async function openDatabase(spec: SubgraphSpec, config: SubgraphConfig, logger: Logger): Promise<DataSource> {
  const dataSource = await openDataSource(config, spec);
  if (!config.databaseUrl) return dataSource;
  try {
    if (config.migrateOnStart) {
      const ran = await runMigrationsLocked(dataSource, (message) => logger.info(message));
      if (ran.length > 0) logger.info({ migrations: ran.map((m) => m.name) }, `ran ${ran.length} migration(s)`);
    } else if (await dataSource.showMigrations()) {
      throw new StartupError(
        `the ${config.name} database has pending migrations: run "npm run migrate" or set MIGRATE_ON_START=true (database: ${config.databaseUrlVariable})`,
      );
    }
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Opens the subgraph's database (loading the sample into an empty one if asked) and builds its server; starts nothing. */
export async function createSubgraphServer<TContext extends object>(
  spec: SubgraphSpec<TContext>,
  config: SubgraphConfig,
  logger: Logger = createLogger(config.name, config.logLevel),
): Promise<SubgraphServer<TContext>> {
  const dataSource = await openDatabase(spec, config, logger);
  try {
    if (config.seedOnStart && (await seedIfEmpty(dataSource, spec.sample.marker, spec.sample.seed))) {
      logger.info(`loaded the ${config.name} sample data`);
    }
    return new SubgraphServer({
      config,
      logger,
      dataSource,
      schema: await spec.buildSchema(),
      context: spec.contextFactory(dataSource, config),
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Exposes the MySQL/MariaDB connection pool's usage as gauges (the embedded database has no pool). */
function observePool(metrics: Metrics, dataSource: DataSource): void {
  if (dataSource.options.type !== "mysql" && dataSource.options.type !== "mariadb") return;
  // mysql2 keeps its pool's state in these fields; it has no public accessor for them.
  type PoolState = {
    _allConnections?: { length: number };
    _freeConnections?: { length: number };
    _connectionQueue?: { length: number };
  };
  new Gauge({
    name: "db_pool_connections",
    help: "Database connections of the pool, by state (open, idle, waiting requests).",
    labelNames: ["state"],
    registers: [metrics.registry],
    collect() {
      const pool = (dataSource.driver as unknown as { pool?: PoolState }).pool;
      this.set({ state: "open" }, pool?._allConnections?.length ?? 0);
      this.set({ state: "idle" }, pool?._freeConnections?.length ?? 0);
      this.set({ state: "waiting" }, pool?._connectionQueue?.length ?? 0);
    },
  });
}
