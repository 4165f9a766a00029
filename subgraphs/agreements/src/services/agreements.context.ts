import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyOf, loader, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { AgreementCommands } from "./agreement.commands";
import { AgreementService } from "./agreement.service";
import type { AgreementScope } from "./partner-scope.service";
import { PartnerScopeService } from "./partner-scope.service";
import { ReferenceChecker } from "./reference.checker";

/** The agreements subgraph's services, created once per process around its data source. */
export interface AgreementsServices {
  agreements: AgreementService;
  commands: AgreementCommands;
  scopes: PartnerScopeService;
  dataSource: DataSource;
}

export function createAgreementsServices(dataSource: DataSource, config: SubgraphConfig): AgreementsServices {
  const customers = new SubgraphClient(
    "customers",
    config.peerUrls.customers,
    config.peerTimeoutMs,
    config.internalSecret,
  );
  const references = new ReferenceChecker(
    new SubgraphClient("catalog", config.peerUrls.catalog, config.peerTimeoutMs, config.internalSecret),
    customers,
  );
  return {
    agreements: new AgreementService(dataSource),
    commands: new AgreementCommands(new Transactor(dataSource), references),
    scopes: new PartnerScopeService(customers),
    dataSource,
  };
}

/**
 * Per-request loaders: every relation is fetched in one batch per request, whatever the page size.
 * Loaders that read agreement rows (or their parties) close over the caller's scope.
 */
export function createAgreementsLoaders(
  { agreements, dataSource }: AgreementsServices,
  scope: () => Promise<AgreementScope>,
) {
  return {
    agreementHistory: loader((ids: readonly string[]) => historyOf(dataSource.manager, "Agreement", ids)),
    versionsByNumber: loader(async (numbers: readonly string[]) => agreements.versionsOf(numbers, await scope())),
    agreementById: loader(async (ids: readonly string[]) => agreements.byIds(ids, await scope())),
    agreementByNumber: loader(async (numbers: readonly string[]) => agreements.byNumbers(numbers, await scope())),
    customerIdsByAgreement: loader(async (ids: readonly string[]) => agreements.customerIdsOf(ids, await scope())),
    coverageByAgreement: loader((ids: readonly string[]) => agreements.coverageOf(ids)),
    targetsByAgreement: loader((ids: readonly string[]) => agreements.targetsOf(ids)),
    responsibilitiesByAgreement: loader((ids: readonly string[]) => agreements.responsibilitiesOf(ids)),
    // The id lists below are not scoped themselves: every id is loaded through agreementById, which is.
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
  /** The agreements the caller may read; derived once per request (a partner's needs the customers subgraph). */
  scope(): Promise<AgreementScope>;
}

export function createAgreementsContext(services: AgreementsServices, identity: Identity): AgreementsContext {
  let scope: Promise<AgreementScope> | undefined;
  const scopeOnce = () => (scope ??= services.scopes.scopeOf(identity));
  return { ...services, identity, scope: scopeOnce, loaders: createAgreementsLoaders(services, scopeOnce) };
}
