import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyOf, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { AgreementCommands } from "./agreement.commands";
import { AgreementService } from "./agreement.service";
import { ReferenceChecker } from "./reference.checker";

/** The agreements subgraph's services, created once per process around its data source. */
export interface AgreementsServices {
  agreements: AgreementService;
  commands: AgreementCommands;
  dataSource: DataSource;
}

export function createAgreementsServices(dataSource: DataSource, config: SubgraphConfig): AgreementsServices {
  const references = new ReferenceChecker(
    new SubgraphClient("catalog", config.peerUrls.catalog, config.peerTimeoutMs, config.internalSecret),
    new SubgraphClient("customers", config.peerUrls.customers, config.peerTimeoutMs, config.internalSecret),
  );
  return {
    agreements: new AgreementService(dataSource),
    commands: new AgreementCommands(new Transactor(dataSource), references),
    dataSource,
  };
}

/** Per-request loaders: every relation is fetched in one batch per request, whatever the page size. */
export function createAgreementsLoaders({ agreements, dataSource }: AgreementsServices) {
  return {
    agreementHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Agreement", ids)),
    versionsByNumber: loader((numbers: readonly string[]) => agreements.versionsOf(numbers)),
    agreementById: loader((ids: readonly string[]) => agreements.byIds(ids)),
    agreementByNumber: loader((numbers: readonly string[]) => agreements.byNumbers(numbers)),
    customerIdsByAgreement: loader((ids: readonly string[]) => agreements.customerIdsOf(ids)),
    coverageByAgreement: loader((ids: readonly string[]) => agreements.coverageOf(ids)),
    targetsByAgreement: loader((ids: readonly string[]) => agreements.targetsOf(ids)),
    responsibilitiesByAgreement: loader((ids: readonly string[]) => agreements.responsibilitiesOf(ids)),
    underpinningIdsByAgreement: loader((ids: readonly string[]) => agreements.underpinningIdsOf(ids)),
    underpinnedIdsByAgreement: loader((ids: readonly string[]) => agreements.underpinnedIdsOf(ids)),
    agreementIdsByService: loader((ids: readonly string[]) => agreements.agreementIdsCoveringServices(ids)),
    agreementIdsByCustomer: loader((ids: readonly string[]) => agreements.agreementIdsOfCustomers(ids)),
    agreementIdsByProvider: loader((ids: readonly string[]) => agreements.agreementIdsOfProviders(ids)),
    targetsByService: loader((ids: readonly string[]) => agreements.targetsForServices(ids)),
  };
}

export type AgreementsLoaders = ReturnType<typeof createAgreementsLoaders>;

/** What every agreements resolver receives. */
export interface AgreementsContext extends AgreementsServices {
  loaders: AgreementsLoaders;
  identity: Identity;
}

export function createAgreementsContext(services: AgreementsServices, identity: Identity): AgreementsContext {
  return { ...services, identity, loaders: createAgreementsLoaders(services) };
}
