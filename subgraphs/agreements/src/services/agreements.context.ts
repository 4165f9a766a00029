import { loader } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { AgreementService } from "./agreement.service";

/** The agreements subgraph's services, created once per process around its data source. */
export interface AgreementsServices {
  agreements: AgreementService;
}

export function createAgreementsServices(dataSource: DataSource): AgreementsServices {
  return { agreements: new AgreementService(dataSource) };
}

/** Per-request loaders: every relation is fetched in one batch per request, whatever the page size. */
export function createAgreementsLoaders({ agreements }: AgreementsServices) {
  return {
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
}

export function createAgreementsContext(services: AgreementsServices): AgreementsContext {
  return { ...services, loaders: createAgreementsLoaders(services) };
}
