import type { Identity, SubgraphConfig } from "@itsm/kit";
import { historyLoader, loader, OperationSelection, SubgraphClient, Transactor } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { AlertRecipientService } from "./alerts/alert-recipient.service";
import { AlertService } from "./alerts/alert.service";
import { PerformanceFiguresService } from "./alerts/performance-alert.service";
import { AgreementCommands } from "./agreements/agreement.commands";
import { AgreementService } from "./agreements/agreement.service";
import { CalendarCommands } from "./calendars/calendar.commands";
import { CalendarService } from "./calendars/calendar.service";
import { CatalogueService } from "./catalogue/catalogue.service";
import { ClaimCommands } from "./claims/claim.commands";
import { CoverageCommands } from "./coverage/coverage.commands";
import { CoverageService } from "./coverage/coverage.service";
import { FeasibilityService } from "./feasibility/feasibility.service";
import type { Clock } from "./lifecycle/lifecycle.clock";
import { systemClock } from "./lifecycle/lifecycle.clock";
import { LifecycleCommands } from "./lifecycle/lifecycle.commands";
import { ScheduleCommands } from "./lifecycle/schedule.commands";
import { PartyCommands } from "./parties/party.commands";
import { ReferenceChecker } from "./references/reference.checker";
import { RenewalCommands } from "./renewal/renewal.commands";
import { ResponsibilityCommands } from "./responsibilities/responsibility.commands";
import type { AgreementScope } from "./scope/agreement.scope";
import { PartnerScopeService } from "./scope/partner-scope.service";
import { TargetCommands } from "./targets/target.commands";
import type { ServiceLevelTarget } from "./targets/target.entity";
import { UnderpinningCommands } from "./underpinning/underpinning.commands";
import type { WebhookPolicy } from "./webhooks/webhook.commands";
import { WebhookCommands } from "./webhooks/webhook.commands";
import { WebhookService } from "./webhooks/webhook.service";
import type DataLoader from "dataloader";
import type { WebhookAttempt } from "./webhooks/webhook-attempt.entity";
import type { AgreementsOptions } from "./agreements.config";
import { SignatureCommands } from "./signatures/signature.commands";
import { SignatureService } from "./signatures/signature.service";

/** Every change the subgraph makes, by aggregate: each one transaction, revision-checked, audited. */
export interface AgreementsCommands {
  agreements: AgreementCommands;
  coverage: CoverageCommands;
  parties: PartyCommands;
  targets: TargetCommands;
  responsibilities: ResponsibilityCommands;
  underpinning: UnderpinningCommands;
  lifecycle: LifecycleCommands;
  /** The changes time makes (run by the lifecycle scheduler, as the actor `system`). */
  schedule: ScheduleCommands;
  renewal: RenewalCommands;
  claims: ClaimCommands;
  calendars: CalendarCommands;
  webhooks: WebhookCommands;
  signatures: SignatureCommands;
}

/** The agreements subgraph's services, created once per process around its data source. */
export interface AgreementsServices {
  agreements: AgreementService;
  calendars: CalendarService;
  coverage: CoverageService;
  catalogue: CatalogueService;
  alerts: AlertService;
  feasibility: FeasibilityService;
  recipients: AlertRecipientService;
  webhooks: WebhookService;
  signatures: SignatureService;
  commands: AgreementsCommands;
  scopes: PartnerScopeService;
  dataSource: DataSource;
  /** The one transactor of the process (the embedded database runs one transaction at a time). */
  transactor: Transactor;
  /** Where "today" comes from: the system clock, or one a test moves. */
  clock: Clock;
}

export function createAgreementsServices(
  dataSource: DataSource,
  config: SubgraphConfig & AgreementsOptions,
  clock: Clock = systemClock,
  webhookPolicy: WebhookPolicy = { allowPrivateNetworks: false },
): AgreementsServices {
  const customers = new SubgraphClient(
    "customers",
    config.peerUrls.customers,
    config.peerTimeoutMs,
    config.internalSecret,
  );
  const catalog = new SubgraphClient("catalog", config.peerUrls.catalog, config.peerTimeoutMs, config.internalSecret);
  const references = new ReferenceChecker(catalog, customers);
  const transactor = new Transactor(dataSource);
  const operations = new SubgraphClient(
    "operations",
    config.peerUrls.operations,
    config.peerTimeoutMs,
    config.internalSecret,
  );
  return {
    agreements: new AgreementService(dataSource),
    calendars: new CalendarService(dataSource),
    coverage: new CoverageService(dataSource),
    catalogue: new CatalogueService(dataSource),
    alerts: new AlertService(dataSource, clock, new PerformanceFiguresService(operations)),
    feasibility: new FeasibilityService(dataSource, catalog, clock),
    recipients: new AlertRecipientService(customers),
    webhooks: new WebhookService(dataSource),
    signatures: new SignatureService(dataSource),
    commands: {
      agreements: new AgreementCommands(transactor, references),
      coverage: new CoverageCommands(transactor, references),
      parties: new PartyCommands(transactor, references),
      targets: new TargetCommands(transactor),
      responsibilities: new ResponsibilityCommands(transactor),
      underpinning: new UnderpinningCommands(transactor),
      lifecycle: new LifecycleCommands(transactor, references, clock, {
        requireSignatures: config.requireSignatures ?? false,
      }),
      schedule: new ScheduleCommands(transactor, clock),
      renewal: new RenewalCommands(transactor, clock),
      claims: new ClaimCommands(transactor),
      calendars: new CalendarCommands(transactor),
      webhooks: new WebhookCommands(transactor, webhookPolicy),
      signatures: new SignatureCommands(transactor),
    },
    scopes: new PartnerScopeService(customers),
    dataSource,
    transactor,
    clock,
  };
}

/**
 * Per-request loaders: every relation is fetched in one batch per request, whatever the page size.
 * Loaders that read agreement rows (or their parties) close over the caller's scope; those that read
 * only the columns the request's operation selects (`selection`) serve those GraphQL fields only.
 */
export function createAgreementsLoaders(
  { agreements, calendars, coverage, recipients, webhooks, feasibility, signatures, dataSource }: AgreementsServices,
  scope: () => Promise<AgreementScope>,
  identity: Identity,
  selection: OperationSelection,
) {
  // One loader per page size asked for (`deliveries(first:)`), so each batch asks for one size.
  const attemptsByFirst = new Map<number, DataLoader<string, WebhookAttempt[]>>();
  return {
    // Asked of the customers subgraph as the caller, once per request for every alert listed.
    customerRecipients: loader((ids: readonly string[]) => recipients.contactsOf(ids, identity)),
    providerRecipient: loader((ids: readonly string[]) => recipients.providersOf(ids, identity)),
    agreementHistory: historyLoader(dataSource, "Agreement"),
    versionsByNumber: loader(async (numbers: readonly string[]) => agreements.versionsOf(numbers, await scope())),
    agreementById: loader(async (ids: readonly string[]) => agreements.byIds(ids, await scope())),
    agreementByNumber: loader(async (numbers: readonly string[]) => agreements.byNumbers(numbers, await scope())),
    customerIdsByAgreement: loader(async (ids: readonly string[]) => agreements.customerIdsOf(ids, await scope())),
    // Partial rows (the columns the operation selects), for Agreement.coverage and Agreement.services only.
    selectedCoverageByAgreement: loader((ids: readonly string[]) => agreements.selectedCoverageOf(ids, selection)),
    // Partial rows, for Agreement.targets only; wholeTargetsByAgreement for rules that judge targets.
    selectedTargetsByAgreement: loader((ids: readonly string[]) => agreements.selectedTargetsOf(ids, selection)),
    wholeTargetsByAgreement: loader((ids: readonly string[]) => agreements.targetsOf(ids)),
    responsibilitiesByAgreement: loader((ids: readonly string[]) => agreements.responsibilitiesOf(ids)),
    // The id lists below are not scoped themselves: every id is loaded through agreementById, which is.
    underpinningIdsByAgreement: loader((ids: readonly string[]) => agreements.underpinningIdsOf(ids)),
    underpinnedIdsByAgreement: loader((ids: readonly string[]) => agreements.underpinnedIdsOf(ids)),
    agreementIdsByService: loader((ids: readonly string[]) => agreements.agreementIdsCoveringServices(ids)),
    agreementIdsByCustomer: loader((ids: readonly string[]) => agreements.agreementIdsOfCustomers(ids)),
    agreementIdsByProvider: loader((ids: readonly string[]) => agreements.agreementIdsOfProviders(ids)),
    targetsByService: loader((ids: readonly string[]) => agreements.targetsForServices(ids)),
    // Not scoped: a target is resolved by id only through its agreement, which is (see schema.ts).
    targetById: loader((ids: readonly string[]) => agreements.targetsByIds(ids)),
    // Calendars are not confidential: every signed-in caller may read them.
    calendarById: loader((ids: readonly string[]) => calendars.byIds(ids)),
    calendarByCode: loader((codes: readonly string[]) => calendars.byCodes(codes)),
    calendarHistory: historyLoader(dataSource, "ServiceCalendar"),
    // Keyed by the target row itself: its fields are what the rules judge (one batch per request).
    feasibilityByTarget: loader((targets: readonly ServiceLevelTarget[]) => feasibility.of(targets)),
    activeChargesByService: loader((ids: readonly string[]) => coverage.activeChargesOf(ids)),
    webhookAttempts: (first: number) => {
      let byFirst = attemptsByFirst.get(first);
      if (!byFirst) {
        byFirst = loader((ids: readonly string[]) => webhooks.latestAttempts(ids, first));
        attemptsByFirst.set(first, byFirst);
      }
      return byFirst;
    },
    webhookBacklog: loader((ids: readonly string[]) => webhooks.backlogs(ids)),
    // Not scoped: read for agreements already loaded through agreementById (a partner's parties are filtered by the resolver).
    signaturesByAgreement: loader((ids: readonly string[]) => signatures.signaturesOf(ids)),
    documentSha256ByAgreement: loader((ids: readonly string[]) => signatures.documentSha256Of(ids)),
  };
}

export type AgreementsLoaders = ReturnType<typeof createAgreementsLoaders>;

/** What every agreements resolver receives. */
export interface AgreementsContext extends AgreementsServices {
  loaders: AgreementsLoaders;
  identity: Identity;
  /** The agreements the caller may read; derived once per request (a partner's needs the customers subgraph). */
  scope(): Promise<AgreementScope>;
  /** What the request's operation selects (filled by the executor): reads of only the columns it needs. */
  selection: OperationSelection;
}

export function createAgreementsContext(services: AgreementsServices, identity: Identity): AgreementsContext {
  let scope: Promise<AgreementScope> | undefined;
  const scopeOnce = () => (scope ??= services.scopes.scopeOf(identity));
  const selection = new OperationSelection();
  return {
    ...services,
    identity,
    scope: scopeOnce,
    selection,
    loaders: createAgreementsLoaders(services, scopeOnce, identity, selection),
  };
}
