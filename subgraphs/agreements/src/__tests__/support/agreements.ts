import type { Identity, SubgraphConfig, SubgraphServer } from "@itsm/kit";
import { sampleId } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import {
  dataOf,
  failHistoryWrites,
  failure,
  HISTORY_FIELDS,
  invalidPaths,
  snapshotTables,
  TEST_IDENTITIES,
  testConfig,
} from "@itsm/kit/testing";
import { daysFrom } from "../../sample/agreements.seed";
import { createServer } from "../../server";
import type { AgreementsOptions } from "../../agreements.config";
import type { AgreementsContext } from "../../agreements.context";
import type { Clock } from "../../lifecycle/lifecycle.clock";
import type { WebhookSettings } from "../../agreements.config";
import type { FakePeers } from "./fake-peers";
import { startFakePeers } from "./fake-peers";

export type Server = SubgraphServer<AgreementsContext>;
export type Result = Awaited<ReturnType<Server["execute"]>>;

export interface TargetView {
  id: string;
  service: { id: string };
  metric: string;
  comparator: string;
  value: number;
  unit: string;
  priority: string | null;
  period: string;
  description: string;
}

export interface AgreementView {
  id: string;
  number: string;
  title: string;
  description: string;
  type: string;
  status: string;
  version: number;
  revision: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  provider: { id: string };
  customers: { id: string }[];
  services: { id: string }[];
  coverage: {
    service: { id: string };
    description: string;
    serviceHours: string;
    monthlyCharge: { amount: string; currency: string } | null;
  }[];
  targets: TargetView[];
  responsibilities: { id: string; party: string; category: string; description: string }[];
  underpinnedBy: { id: string; number: string }[];
  underpins: { id: string; number: string }[];
  supersedes: { id: string } | null;
  supersededBy: { id: string } | null;
  history: HistoryRow[];
}

export const AGREEMENT = `id number title description type status version revision effectiveFrom effectiveTo
  provider { id } customers { id } services { id }
  coverage { service { id } description serviceHours monthlyCharge { amount currency } }
  targets { id service { id } metric comparator value unit priority period description }
  responsibilities { id party category description }
  underpinnedBy { id number } underpins { id number } supersedes { id } supersededBy { id }
  ${HISTORY_FIELDS}`;

const mutation = (name: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${AGREEMENT} } }`;

/** Every agreement mutation, selecting the whole agreement. */
export const M = {
  createAgreement: mutation("createAgreement", "CreateAgreementInput"),
  updateAgreement: mutation("updateAgreement", "UpdateAgreementInput"),
  addAgreementService: mutation("addAgreementService", "AddAgreementServiceInput"),
  removeAgreementService: mutation("removeAgreementService", "AgreementServiceInput"),
  addAgreementCustomer: mutation("addAgreementCustomer", "AgreementCustomerInput"),
  removeAgreementCustomer: mutation("removeAgreementCustomer", "AgreementCustomerInput"),
  setTarget: mutation("setTarget", "SetTargetInput"),
  removeTarget: mutation("removeTarget", "RemovePartInput"),
  addResponsibility: mutation("addResponsibility", "AddResponsibilityInput"),
  removeResponsibility: mutation("removeResponsibility", "RemovePartInput"),
  linkUnderpinning: mutation("linkUnderpinning", "AgreementUnderpinningInput"),
  unlinkUnderpinning: mutation("unlinkUnderpinning", "AgreementUnderpinningInput"),
  activateAgreement: mutation("activateAgreement", "AgreementRefInput"),
  terminateAgreement: mutation("terminateAgreement", "TerminateAgreementInput"),
  reviseAgreement: mutation("reviseAgreement", "AgreementRefInput"),
};
export type MutationName = keyof typeof M;

export const CLAIM = {
  claimServiceRetirement:
    "mutation ($id: ID!) { claimServiceRetirement(serviceId: $id) { granted blockingAgreements } }",
  releaseServiceRetirement: "mutation ($id: ID!) { releaseServiceRetirement(serviceId: $id) }",
  claimCustomerDeactivation:
    "mutation ($id: ID!) { claimCustomerDeactivation(customerId: $id) { granted blockingAgreements } }",
  releaseCustomerDeactivation: "mutation ($id: ID!) { releaseCustomerDeactivation(customerId: $id) }",
};

export const json = (value: unknown) => JSON.stringify(value);
export const today = () => new Date();
/** The calendar date `days` from today, as YYYY-MM-DD. */
export const day = (days: number) => daysFrom(today(), days);

export const CORP_IT = sampleId.provider("CORP_IT");
export const FINANCE = sampleId.customer("FINANCE");

/** A coverage input for `serviceId`. */
export const coverage = (serviceId: string, extra: Record<string, unknown> = {}) => ({
  serviceId,
  description: "The service as agreed.",
  serviceHours: "24x7",
  ...extra,
});

/**
 * The agreements subgraph under test, with a fake catalog and customers subgraph: set up around
 * the tests of the file that creates it. Every agreement and service a test makes is fresh.
 */
export class AgreementsHarness {
  server!: Server;
  /** The server's configuration (a second replica over the same database starts from it). */
  config!: SubgraphConfig;
  peers!: FakePeers;
  private counter = 0;

  /** `clock`: where the server reads "today" (the system clock unless a test moves one); `webhooks`: their settings; `requireSignatures`: REQUIRE_SIGNATURES. */
  constructor(private readonly options: { clock?: Clock; webhooks?: WebhookSettings } & AgreementsOptions = {}) {
    beforeAll(async () => {
      this.peers = await startFakePeers();
      const config: SubgraphConfig & { webhooks?: WebhookSettings } = await testConfig("agreements");
      config.webhooks = this.options.webhooks;
      config.peerUrls.catalog = this.peers.urls.catalog;
      config.peerUrls.customers = this.peers.urls.customers;
      config.peerUrls.operations = this.peers.urls.operations;
      this.config = config;
      const { requireSignatures } = this.options;
      this.server = await createServer({ ...config, requireSignatures }, undefined, this.options.clock);
    });
    afterAll(async () => {
      await this.server.stop();
      await this.peers.close();
    });
    beforeEach(() => this.peers.reset());
  }

  /** Runs a mutation, as an editor unless told. */
  execute(
    name: MutationName,
    input: Record<string, unknown>,
    identity: Identity = TEST_IDENTITIES.editor,
  ): Promise<Result> {
    return this.server.execute(M[name], { input }, identity);
  }

  /** Runs a query as an analyst (staff: every agreement, unscoped) unless told. */
  query(
    query: string,
    variables: Record<string, unknown> = {},
    identity: Identity = TEST_IDENTITIES.analyst,
  ): Promise<Result> {
    return this.server.execute(query, variables, identity);
  }

  /** Runs a mutation that must succeed, and returns the agreement it answers with. */
  async ok(name: MutationName, input: Record<string, unknown>): Promise<AgreementView> {
    return agreementOf(await this.execute(name, input), name);
  }

  /** Runs a mutation that must fail with `code` and leave every table as it was; returns its error. */
  async refused(name: MutationName, input: Record<string, unknown>, code: string) {
    const before = await this.snapshot();
    const error = failure(await this.execute(name, input), code);
    expect(await this.snapshot()).toEqual(before);
    return error;
  }

  async claim(name: keyof typeof CLAIM, id: string): Promise<unknown> {
    return dataOf(await this.server.execute(CLAIM[name], { id }, TEST_IDENTITIES.editor), name);
  }

  nextNumber(type = "SLA"): string {
    const prefix = type === "SLA" ? "SLA" : type === "OLA" ? "OLA" : "UC";
    return `${prefix}-TEST-${++this.counter}`;
  }

  /** A service the fake catalog knows (LIVE unless told), no agreement covers yet. */
  newService(lifecycle = "LIVE"): string {
    return this.peers.addService(`TEST_SERVICE_${++this.counter}`, lifecycle);
  }

  /** A customer the fake customers subgraph knows (ACTIVE unless told). */
  newCustomer(status = "ACTIVE"): string {
    return this.peers.addCustomer(`TEST_CUSTOMER_${++this.counter}`, status);
  }

  /** The input of a valid DRAFT: an SLA for FINANCE by CORP_IT covering a fresh service, unless told. */
  draftInput(input: Record<string, unknown> = {}): Record<string, unknown> {
    const type = (input.type as string | undefined) ?? "SLA";
    return {
      number: this.nextNumber(type),
      title: "Agreement under test",
      description: "An agreement made by a test.",
      type,
      effectiveFrom: day(-1),
      effectiveTo: day(365),
      providerId: CORP_IT,
      customerIds: type === "SLA" ? [FINANCE] : [],
      services: [coverage(this.newService())],
      ...input,
    };
  }

  async createDraft(input: Record<string, unknown> = {}): Promise<AgreementView> {
    return this.ok("createAgreement", this.draftInput(input));
  }

  /**
   * A DRAFT that activates: an availability target of 99.5 % for each covered service (unless
   * `targets` are given) and a responsibility of each party.
   */
  async completeDraft(
    input: Record<string, unknown> = {},
    targets?: (serviceId: string) => Record<string, unknown>[],
  ): Promise<AgreementView> {
    const draft = await this.createDraft(input);
    for (const { id: serviceId } of draft.services) {
      const wanted = targets?.(serviceId) ?? [
        { metric: "AVAILABILITY", comparator: "AT_LEAST", value: 99.5, unit: "PERCENT" },
      ];
      for (const target of wanted) {
        await this.ok("setTarget", { agreementId: draft.id, serviceId, description: "As agreed.", ...target });
      }
    }
    for (const party of ["PROVIDER", "CUSTOMER"]) {
      await this.ok("addResponsibility", {
        agreementId: draft.id,
        party,
        category: "SUPPORT",
        description: `The ${party.toLowerCase()} does its part.`,
      });
    }
    return this.read(draft.id);
  }

  /** An ACTIVE agreement (a complete draft, activated). */
  async activeAgreement(
    input: Record<string, unknown> = {},
    targets?: (serviceId: string) => Record<string, unknown>[],
  ): Promise<AgreementView> {
    const draft = await this.completeDraft(input, targets);
    return this.ok("activateAgreement", { id: draft.id, expectedRevision: draft.revision });
  }

  async read(id: string): Promise<AgreementView> {
    const result = await this.query(`query ($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`, { id });
    return agreementOf(result, "agreement");
  }

  /** Every row of every table a mutation may write, to compare before and after. */
  snapshot() {
    return snapshotTables(this.server.dataSource);
  }
}

export function agreementOf(result: Result, field: string): AgreementView {
  return dataOf(result, field);
}

export { failHistoryWrites, failure, HISTORY_FIELDS, invalidPaths };
