import type { Identity, SubgraphConfig } from "@itsm/kit";
import { createLogger, historyLoader, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { CatalogueClient } from "./catalogue/catalogue.client";
import type { Catalogue } from "./catalogue/catalogue.model";
import { IncidentClockService } from "./incidents/incident-clock.service";
import { IncidentCommands } from "./incidents/incident.commands";
import { IncidentService } from "./incidents/incident.service";
import { MeasurementCommands } from "./measurements/measurement.commands";
import { MeasurementService } from "./measurements/measurement.service";
import { OutageCommands } from "./outages/outage.commands";
import { OutageService } from "./outages/outage.service";
import { createPerformanceLoaders } from "./performance/performance.loaders";
import { PerformanceQueries } from "./performance/performance.queries";
import type { Viewer } from "./performance/performance.scope";
import { viewerOf } from "./performance/performance.scope";
import { PerformanceService } from "./performance/performance.service";
import { PerformanceStore } from "./performance/performance.store";
import { ReferenceChecker } from "./references/reference.checker";
import { RecordWriter } from "./records/record.writer";
import type { CustomerScope } from "./scope/record.scope";
import { CustomerScopeService } from "./scope/record.scope";

/** The operations subgraph's services, created once per process around its data source. */
export interface OperationsServices {
  outages: OutageService;
  incidents: IncidentService;
  measurements: MeasurementService;
  outageCommands: OutageCommands;
  incidentCommands: IncidentCommands;
  measurementCommands: MeasurementCommands;
  scopes: CustomerScopeService;
  catalogueClient: CatalogueClient;
  performance: PerformanceService;
  performanceStore: PerformanceStore;
  transactor: Transactor;
  now: () => Date;
  dataSource: DataSource;
  /** The most targets one report may compute in its request (beyond: the stored figures, or SERVICE_UNAVAILABLE). */
  inRequestTargetLimit: number;
}

/** What the services can be given instead of their defaults (tests fix the clock). */
export interface OperationsOptions {
  /** The current instant: what a running period is measured up to. */
  now?: () => Date;
  /** The most targets one report may compute in its request (default IN_REQUEST_TARGET_LIMIT). */
  inRequestTargetLimit?: number;
}

/**
 * Computing a target's figures in a request costs about a millisecond (2.6 s for 3,000 at
 * `--scale 10000`, on this subgraph's one thread): a report over more than this many waits for the
 * stored figures the job keeps instead of holding every other request up for minutes.
 */
export const IN_REQUEST_TARGET_LIMIT = 2000;

export function createOperationsServices(
  dataSource: DataSource,
  config: SubgraphConfig,
  { now = () => new Date(), inRequestTargetLimit = IN_REQUEST_TARGET_LIMIT }: OperationsOptions = {},
): OperationsServices {
  const peer = (name: "catalog" | "customers" | "agreements") =>
    new SubgraphClient(name, config.peerUrls[name], config.peerTimeoutMs, config.internalSecret);
  const customers = peer("customers");
  const references = new ReferenceChecker(peer("catalog"), customers);
  const transactor = new Transactor(dataSource);
  const catalogueClient = new CatalogueClient(peer("agreements"));
  const clocks = new IncidentClockService(dataSource, transactor);
  const performance = new PerformanceService(new PerformanceQueries(dataSource), clocks, now);
  const performanceStore = new PerformanceStore(dataSource, transactor, performance, now);
  // Every record written marks the stored figures of the services it touches stale, in its transaction.
  const writer = new RecordWriter(transactor, (manager, serviceIds) => performanceStore.markStale(manager, serviceIds));
  const logger = createLogger(config.name, config.logLevel);
  return {
    outages: new OutageService(dataSource),
    incidents: new IncidentService(dataSource),
    measurements: new MeasurementService(dataSource),
    outageCommands: new OutageCommands(writer, references),
    incidentCommands: new IncidentCommands(writer, references, catalogueClient, clocks, logger),
    measurementCommands: new MeasurementCommands(writer, references),
    scopes: new CustomerScopeService(customers),
    catalogueClient,
    performance,
    performanceStore,
    transactor,
    now,
    dataSource,
    inRequestTargetLimit,
  };
}

/**
 * Per-request loaders: every relation is fetched in one batch per request, whatever the page size.
 * Loaders of incidents and measurements close over the caller's customer scope; anonymous callers
 * resolve no record at all (their `_entities` answer null).
 */
export function createOperationsLoaders(
  { outages, incidents, measurements, dataSource, performance }: OperationsServices,
  identity: Identity,
  scope: () => Promise<CustomerScope>,
  catalogue: () => Promise<Catalogue>,
  viewer: () => Promise<Viewer>,
) {
  const signedIn = identity.role !== "anonymous";
  return {
    ...createPerformanceLoaders(performance, catalogue, viewer),
    outageById: loader((ids: readonly string[]) =>
      signedIn ? outages.byIds(ids) : Promise.resolve(ids.map(() => null)),
    ),
    impactedServiceIdsByOutage: loader((ids: readonly string[]) => outages.impactedServiceIdsOf(ids)),
    incidentById: loader(async (ids: readonly string[]) => incidents.byIds(ids, await scope())),
    pausesByIncident: loader((ids: readonly string[]) => incidents.pausesOf(ids)),
    measurementById: loader(async (ids: readonly string[]) => measurements.byIds(ids, await scope())),
    outageHistory: historyLoader(dataSource, "Outage"),
    incidentHistory: historyLoader(dataSource, "Incident"),
    measurementHistory: historyLoader(dataSource, "Measurement"),
  };
}

export type OperationsLoaders = ReturnType<typeof createOperationsLoaders>;

/** What every operations resolver receives. */
export interface OperationsContext extends OperationsServices {
  loaders: OperationsLoaders;
  identity: Identity;
  /** The customers whose records the caller may read; derived once per request (a partner's needs the customers subgraph). */
  scope(): Promise<CustomerScope>;
  /** The agreements' service level catalogue, its revision asked once per request. */
  catalogue(): Promise<Catalogue>;
  /** The catalogue's current revision, asked once per request. */
  catalogueRevision(): Promise<string>;
  /** The caller as performance sees it (staff, or a partner and its customers). */
  viewer(): Promise<Viewer>;
}

export function createOperationsContext(services: OperationsServices, identity: Identity): OperationsContext {
  let scope: Promise<CustomerScope> | undefined;
  let catalogue: Promise<Catalogue> | undefined;
  let revision: Promise<string> | undefined;
  const scopeOnce = () => (scope ??= services.scopes.scopeOf(identity));
  const revisionOnce = () => (revision ??= services.catalogueClient.revision());
  const catalogueOnce = () => (catalogue ??= revisionOnce().then((r) => services.catalogueClient.at(r)));
  const viewer = async () => viewerOf(await scopeOnce());
  return {
    ...services,
    identity,
    scope: scopeOnce,
    catalogue: catalogueOnce,
    catalogueRevision: revisionOnce,
    viewer,
    loaders: createOperationsLoaders(services, identity, scopeOnce, catalogueOnce, viewer),
  };
}
