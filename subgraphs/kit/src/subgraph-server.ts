import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { IncomingMessage, Server } from "node:http";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { DataSourceSpec } from "./data/data-source";
import { createDataSource, seedIfEmpty } from "./data/data-source";
import type { SubgraphConfig } from "./config";
import { createErrorFormatter } from "./errors";
import { close, createGraphQLHttpServer, listen } from "./http";
import type { Logger } from "./log";
import { createLogger } from "./log";

export interface SubgraphServerOptions<TContext extends object> {
  config: SubgraphConfig;
  logger: Logger;
  schema: GraphQLSchema;
  dataSource: DataSource;
  /** Builds a fresh per-request context (its DataLoaders live for one request only). */
  context: (req?: IncomingMessage) => TContext;
}

/** A started service: where it listens and how to stop it. */
export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** One subgraph process: Apollo Server over its federated schema and its data source. */
export class SubgraphServer<TContext extends object> {
  readonly apollo: ApolloServer<TContext>;
  private http: Server | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly options: SubgraphServerOptions<TContext>) {
    this.apollo = new ApolloServer<TContext>({
      schema: options.schema,
      formatError: createErrorFormatter(options.logger),
      includeStacktraceInErrorResponses: false,
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    });
  }

  get dataSource(): DataSource {
    return this.options.dataSource;
  }

  /** A context as a request would get it (for in-process tests through `executeOperation`). */
  createContext(req?: IncomingMessage): TContext {
    return this.options.context(req);
  }

  /** Starts Apollo Server once, however many callers ask. */
  start(): Promise<void> {
    this.started ??= this.apollo.start();
    return this.started;
  }

  /** Runs one operation in-process with a fresh request context (contract tests, scripts). */
  async execute(query: string, variables?: Record<string, unknown>) {
    await this.start();
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue: this.options.context() });
    if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this graph");
    return response.body.singleResult;
  }

  async listen(): Promise<RunningService> {
    const { config, logger } = this.options;
    await this.start();
    this.http = createGraphQLHttpServer({
      apollo: this.apollo,
      context: async (req) => this.options.context(req),
      maxBodyBytes: config.maxBodyBytes,
      logger,
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

/** What makes one subgraph: its tables, its sample, its schema and how requests see its data. */
export interface SubgraphSpec<TContext extends object> {
  entities: DataSourceSpec["entities"];
  /** Loaded into an empty database; `marker` is the table whose emptiness means "not seeded". */
  sample: { marker: EntityTarget<ObjectLiteral>; seed: (manager: EntityManager) => Promise<void> };
  buildSchema: () => Promise<GraphQLSchema>;
  /** Wires the services around the data source once, and returns the per-request context factory. */
  contextFactory: (dataSource: DataSource) => () => TContext;
}

/** Opens the subgraph's database (loading the sample into an empty one) and builds its server; starts nothing. */
export async function createSubgraphServer<TContext extends object>(
  spec: SubgraphSpec<TContext>,
  config: SubgraphConfig,
  logger: Logger = createLogger(config.name, config.logLevel),
): Promise<SubgraphServer<TContext>> {
  const dataSource = await createDataSource(config, { entities: spec.entities }).initialize();
  try {
    if (await seedIfEmpty(dataSource, spec.sample.marker, spec.sample.seed)) {
      logger.info(`loaded the ${config.name} sample data`);
    }
    return new SubgraphServer({
      config,
      logger,
      dataSource,
      schema: await spec.buildSchema(),
      context: spec.contextFactory(dataSource),
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
