import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyOf, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { IncidentCommands } from "./incidents/incident.commands";
import { IncidentService } from "./incidents/incident.service";
import { MeasurementCommands } from "./measurements/measurement.commands";
import { MeasurementService } from "./measurements/measurement.service";
import { OutageCommands } from "./outages/outage.commands";
import { OutageService } from "./outages/outage.service";
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
  dataSource: DataSource;
}

export function createOperationsServices(dataSource: DataSource, config: SubgraphConfig): OperationsServices {
  const peer = (name: "catalog" | "customers") =>
    new SubgraphClient(name, config.peerUrls[name], config.peerTimeoutMs, config.internalSecret);
  const customers = peer("customers");
  const references = new ReferenceChecker(peer("catalog"), customers);
  const writer = new RecordWriter(new Transactor(dataSource));
  return {
    outages: new OutageService(dataSource),
    incidents: new IncidentService(dataSource),
    measurements: new MeasurementService(dataSource),
    outageCommands: new OutageCommands(writer, references),
    incidentCommands: new IncidentCommands(writer, references),
    measurementCommands: new MeasurementCommands(writer, references),
    scopes: new CustomerScopeService(customers),
    dataSource,
  };
}

/**
 * Per-request loaders: every relation is fetched in one batch per request, whatever the page size.
 * Loaders of incidents and measurements close over the caller's customer scope; anonymous callers
 * resolve no record at all (their `_entities` answer null).
 */
export function createOperationsLoaders(
  { outages, incidents, measurements, dataSource }: OperationsServices,
  identity: Identity,
  scope: () => Promise<CustomerScope>,
) {
  const signedIn = identity.role !== "anonymous";
  return {
    outageById: loader((ids: readonly string[]) =>
      signedIn ? outages.byIds(ids) : Promise.resolve(ids.map(() => null)),
    ),
    impactedServiceIdsByOutage: loader((ids: readonly string[]) => outages.impactedServiceIdsOf(ids)),
    incidentById: loader(async (ids: readonly string[]) => incidents.byIds(ids, await scope())),
    pausesByIncident: loader((ids: readonly string[]) => incidents.pausesOf(ids)),
    measurementById: loader(async (ids: readonly string[]) => measurements.byIds(ids, await scope())),
    outageHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Outage", ids)),
    incidentHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Incident", ids)),
    measurementHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Measurement", ids)),
  };
}

export type OperationsLoaders = ReturnType<typeof createOperationsLoaders>;

/** What every operations resolver receives. */
export interface OperationsContext extends OperationsServices {
  loaders: OperationsLoaders;
  identity: Identity;
  /** The customers whose records the caller may read; derived once per request (a partner's needs the customers subgraph). */
  scope(): Promise<CustomerScope>;
}

export function createOperationsContext(services: OperationsServices, identity: Identity): OperationsContext {
  let scope: Promise<CustomerScope> | undefined;
  const scopeOnce = () => (scope ??= services.scopes.scopeOf(identity));
  return { ...services, identity, scope: scopeOnce, loaders: createOperationsLoaders(services, identity, scopeOnce) };
}
