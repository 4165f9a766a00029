import { as, Graph, post, startedForSuite } from "./support/graph";
import type { GraphResponse, TokenRole } from "./support/graph";

// Access control through the gateway: every top-level query and mutation for every role, and a
// partner never seeing another partner's agreements, wherever they could appear.

type Caller = TokenRole | "anonymous";
const CALLERS: Caller[] = ["admin", "editor", "analyst", "partner", "anonymous"];
const NOWHERE = "00000000-0000-4000-8000-000000000000";

const graph = startedForSuite(new Graph());

/** Sample facts read as admin: a partner customer (A) and another one (B) with SLAs of their own. */
interface Sample {
  nonLiveService: { id: string; code: string };
  componentId: string;
  providerId: string;
  providerCode: string;
  partnerA: { code: string; id: string; agreements: Set<string> };
  partnerB: { code: string; id: string; agreements: Set<string> };
  /** An agreement of B's that A is not party to, with its id. */
  foreignAgreement: { id: string; number: string };
  internalAgreements: string[];
}
let sample: Sample;

function headersOf(caller: Caller, codes: string[] = []): Record<string, string> {
  return caller === "anonymous" ? {} : as(caller, caller === "partner" ? codes : []);
}

async function run<T = Record<string, unknown>>(
  caller: Caller,
  query: string,
  variables?: Record<string, unknown>,
  codes?: string[],
): Promise<GraphResponse<T>> {
  return post<T>(graph.gatewayUrl, query, variables, headersOf(caller, codes ?? [sample.partnerA.code]));
}

const codesOf = (response: GraphResponse) => (response.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  type Agreement = { id: string; number: string; type: string; customers: { id: string; code: string }[] };
  const answer = await post<{
    services: { nodes: { id: string; code: string; lifecycle: string }[] };
    components: { nodes: { id: string }[] };
    providers: { nodes: { id: string; code: string }[] };
    agreements: { nodes: Agreement[] };
  }>(
    graph.gatewayUrl,
    `{ services(first: 100) { nodes { id code lifecycle } }
       components(first: 1) { nodes { id } }
       providers(first: 1) { nodes { id code } }
       agreements(first: 100) { nodes { id number type customers { id code } } } }`,
    {},
    as("admin"),
  );
  expect(answer.errors).toBeUndefined();
  const data = answer.data!;
  const slas = data.agreements.nodes.filter((a) => a.type === "SLA");
  const agreementsOf = (code: string) =>
    new Set(slas.filter((a) => a.customers.some((c) => c.code === code)).map((a) => a.number));
  const customers = [...new Map(slas.flatMap((a) => a.customers).map((c) => [c.code, c])).values()];
  // A and B: two customers with SLAs, and an SLA of B's that A is not party to.
  let pair: [(typeof customers)[number], (typeof customers)[number], Agreement] | undefined;
  for (const a of customers) {
    for (const b of customers) {
      const foreign = slas.find(
        (s) => s.customers.some((c) => c.code === b.code) && !s.customers.some((c) => c.code === a.code),
      );
      if (a !== b && foreign && agreementsOf(a.code).size > 0) pair ??= [a, b, foreign];
    }
  }
  expect(pair).toBeDefined();
  const [a, b, foreign] = pair!;
  const nonLive = data.services.nodes.find((s) => s.lifecycle !== "LIVE")!;
  expect(nonLive).toBeDefined();
  sample = {
    nonLiveService: { id: nonLive.id, code: nonLive.code },
    componentId: data.components.nodes[0].id,
    providerId: data.providers.nodes[0].id,
    providerCode: data.providers.nodes[0].code,
    partnerA: { code: a.code, id: a.id, agreements: agreementsOf(a.code) },
    partnerB: { code: b.code, id: b.id, agreements: agreementsOf(b.code) },
    foreignAgreement: { id: foreign.id, number: foreign.number },
    internalAgreements: data.agreements.nodes.filter((x) => x.type !== "SLA").map((x) => x.number),
  };
  expect(sample.internalAgreements.length).toBeGreaterThan(0);
});

describe("every top-level query, for every role", () => {
  /** What each caller gets: "ok", or the one error code. */
  type Expected = Record<Caller, "ok" | "FORBIDDEN" | "UNAUTHENTICATED">;
  const everyone: Expected = { admin: "ok", editor: "ok", analyst: "ok", partner: "ok", anonymous: "ok" };
  const signedIn: Expected = { ...everyone, anonymous: "UNAUTHENTICATED" };
  const staff: Expected = { ...signedIn, partner: "FORBIDDEN" };
  const queries: [string, () => [string, Record<string, unknown>], Expected][] = [
    ["services", () => ["{ services(first: 5) { totalCount nodes { code } } }", {}], everyone],
    ["service", () => ["query ($id: ID!) { service(id: $id) { code } }", { id: NOWHERE }], everyone],
    ["serviceByCode", () => ['{ serviceByCode(code: "NO_SUCH") { code } }', {}], everyone],
    ["components", () => ["{ components(first: 5) { totalCount } }", {}], staff],
    ["component", () => ["query ($id: ID!) { component(id: $id) { name } }", { id: sample.componentId }], staff],
    ["customers", () => ["{ customers(first: 5) { totalCount } }", {}], signedIn],
    ["customer", () => ["query ($id: ID!) { customer(id: $id) { code } }", { id: sample.partnerA.id }], signedIn],
    [
      "customerByCode",
      () => ["query ($c: String!) { customerByCode(code: $c) { code } }", { c: sample.partnerA.code }],
      signedIn,
    ],
    ["providers", () => ["{ providers(first: 5) { totalCount } }", {}], staff],
    ["provider", () => ["query ($id: ID!) { provider(id: $id) { code } }", { id: sample.providerId }], staff],
    [
      "providerByCode",
      () => ["query ($c: String!) { providerByCode(code: $c) { code } }", { c: sample.providerCode }],
      staff,
    ],
    ["agreements", () => ["{ agreements(first: 5) { totalCount } }", {}], signedIn],
    ["agreement", () => ["query ($id: ID!) { agreement(id: $id) { number } }", { id: NOWHERE }], signedIn],
    ["agreementByNumber", () => ['{ agreementByNumber(number: "SLA-0000-000") { number } }', {}], signedIn],
    ["calendars", () => ["{ calendars(first: 5) { totalCount } }", {}], signedIn],
    ["calendarByCode", () => ['{ calendarByCode(code: "NO_SUCH") { code } }', {}], signedIn],
    ["serviceLevelReport", () => ['{ serviceLevelReport(period: "2026-01", first: 5) { totalCount } }', {}], signedIn],
    ["serviceLevelCatalogueRevision", () => ["{ serviceLevelCatalogueRevision }", {}], staff],
    ["outages", () => ["{ outages(first: 5) { totalCount } }", {}], signedIn],
    ["outage", () => ["query ($id: ID!) { outage(id: $id) { externalId } }", { id: NOWHERE }], signedIn],
    ["incidents", () => ["{ incidents(first: 5) { totalCount } }", {}], signedIn],
    ["incident", () => ["query ($id: ID!) { incident(id: $id) { externalId } }", { id: NOWHERE }], signedIn],
    ["measurements", () => ["{ measurements(first: 5) { totalCount } }", {}], signedIn],
    ["measurement", () => ["query ($id: ID!) { measurement(id: $id) { externalId } }", { id: NOWHERE }], signedIn],
  ];

  it.each(queries)("%s", async (_name, operation, expected) => {
    const [query, variables] = operation();
    for (const caller of CALLERS) {
      const response = await run(caller, query, variables);
      expect(response.status).toBe(200);
      const denial = codesOf(response).find((c) => c === "FORBIDDEN" || c === "UNAUTHENTICATED");
      expect([caller, denial ?? "ok"]).toEqual([caller, expected[caller]]);
    }
  });
});

describe("every mutation, for every role", () => {
  // Inputs that an authorised caller gets refused for other reasons (nothing exists, invalid),
  // so that the matrix changes nothing: writers get past authorization, others do not.
  const id = NOWHERE;
  const mutations: [string, string][] = [
    ["createComponent", `createComponent(input: { name: "x", kind: HARDWARE, description: "" }) { id }`],
    ["updateComponent", `updateComponent(input: { id: "${id}", expectedVersion: 1, name: "Nowhere" }) { id }`],
    [
      "createService",
      `createService(input: { code: "lower case", name: "x", description: "", category: "x", type: SUPPORTING,
        criticality: LOW, owner: "x", monthlyCost: { amount: "1.00", currency: "EUR" } }) { id }`,
    ],
    ["updateService", `updateService(input: { id: "${id}", expectedVersion: 1, name: "Nowhere" }) { id }`],
    ["setServiceLifecycle", `setServiceLifecycle(input: { id: "${id}", lifecycle: LIVE, expectedVersion: 1 }) { id }`],
    ["attachComponent", `attachComponent(input: { serviceId: "${id}", componentId: "${id}" }) { id }`],
    ["detachComponent", `detachComponent(input: { serviceId: "${id}", componentId: "${id}" }) { id }`],
    ["addServiceDependency", `addServiceDependency(input: { serviceId: "${id}", dependsOnId: "${id}" }) { id }`],
    ["removeServiceDependency", `removeServiceDependency(input: { serviceId: "${id}", dependsOnId: "${id}" }) { id }`],
    [
      "createCustomer",
      `createCustomer(input: { code: "lower case", name: "x", description: "", kind: EXTERNAL }) { id }`,
    ],
    ["updateCustomer", `updateCustomer(input: { id: "${id}", expectedVersion: 1, name: "Nowhere" }) { id }`],
    ["setCustomerStatus", `setCustomerStatus(input: { id: "${id}", status: INACTIVE, expectedVersion: 1 }) { id }`],
    [
      "addContact",
      `addContact(input: { customerId: "${id}", name: "N", email: "n@example.com", role: SERVICE_DESK }) { id }`,
    ],
    ["removeContact", `removeContact(input: { contactId: "${id}" }) { id }`],
    [
      "createProvider",
      `createProvider(input: { code: "lower case", name: "x", description: "", kind: INTERNAL }) { id }`,
    ],
    ["updateProvider", `updateProvider(input: { id: "${id}", expectedVersion: 1, name: "Nowhere" }) { id }`],
    [
      "createAgreement",
      `createAgreement(input: { number: "bad", title: "x", description: "", type: SLA, effectiveFrom: "2026-01-01",
        providerId: "${id}" }) { id }`,
    ],
    ["updateAgreement", `updateAgreement(input: { id: "${id}", expectedRevision: 1, title: "Nowhere" }) { id }`],
    [
      "addAgreementService",
      `addAgreementService(input: { agreementId: "${id}", serviceId: "${id}", description: "x", serviceHours: "24x7" }) { id }`,
    ],
    ["removeAgreementService", `removeAgreementService(input: { agreementId: "${id}", serviceId: "${id}" }) { id }`],
    ["addAgreementCustomer", `addAgreementCustomer(input: { agreementId: "${id}", customerId: "${id}" }) { id }`],
    ["removeAgreementCustomer", `removeAgreementCustomer(input: { agreementId: "${id}", customerId: "${id}" }) { id }`],
    [
      "setTarget",
      `setTarget(input: { agreementId: "${id}", serviceId: "${id}", metric: AVAILABILITY, comparator: AT_LEAST,
        value: 99.9, unit: PERCENT, description: "x" }) { id }`,
    ],
    ["removeTarget", `removeTarget(input: { id: "${id}" }) { id }`],
    [
      "addResponsibility",
      `addResponsibility(input: { agreementId: "${id}", party: PROVIDER, category: SUPPORT, description: "x" }) { id }`,
    ],
    ["removeResponsibility", `removeResponsibility(input: { id: "${id}" }) { id }`],
    ["linkUnderpinning", `linkUnderpinning(input: { agreementId: "${id}", underpinningId: "${id}" }) { id }`],
    ["unlinkUnderpinning", `unlinkUnderpinning(input: { agreementId: "${id}", underpinningId: "${id}" }) { id }`],
    ["activateAgreement", `activateAgreement(input: { id: "${id}" }) { id }`],
    [
      "signAgreement",
      `signAgreement(input: { agreementId: "${id}", party: CUSTOMER, signedBy: "x y", documentSha256: "${"0".repeat(64)}" }) { id }`,
    ],
    ["terminateAgreement", `terminateAgreement(input: { id: "${id}", expectedRevision: 1, reason: "x" }) { id }`],
    ["reviseAgreement", `reviseAgreement(input: { id: "${id}" }) { id }`],
    // renewal terms and reviews of an agreement that does not exist
    ["setRenewalTerms", `setRenewalTerms(input: { id: "${id}", renewal: NONE }) { id }`],
    ["setReviewDue", `setReviewDue(input: { id: "${id}", reviewDue: "2027-01-01" }) { id }`],
    ["giveNotice", `giveNotice(input: { id: "${id}", expectedRevision: 1, reason: "x" }) { id }`],
    // calendars: an unknown time zone (BAD_USER_INPUT for writers), an unknown calendar and agreement
    [
      "createCalendar",
      `createCalendar(input: { code: "NOWHERE", name: "x", timeZone: "Nowhere/Zone", windows: [{ days: [MON], from: "08:00", to: "18:00" }] }) { id }`,
    ],
    ["updateCalendar", `updateCalendar(input: { id: "${id}", expectedVersion: 1, name: "x" }) { id }`],
    [
      "setCoverageCalendar",
      `setCoverageCalendar(input: { agreementId: "${id}", serviceId: "${id}", calendarId: "${id}" }) { id }`,
    ],
    // webhooks (admin only): a URL that is not http(s) (BAD_USER_INPUT for an admin), an unknown webhook
    [
      "createWebhook",
      `createWebhook(input: { url: "ftp://example.com/hook", events: [AGREEMENT_ACTIVATED], secret: "${"s".repeat(32)}" }) { id }`,
    ],
    ["updateWebhook", `updateWebhook(input: { id: "${id}", url: "https://example.com/hook" }) { id }`],
    ["deleteWebhook", `deleteWebhook(input: { id: "${id}" }) { id }`],
    // operations: one record of each kind that refers to nothing that exists (INVALID_REFERENCE for writers)
    [
      "recordOutages",
      `recordOutages(input: { outages: [{ externalId: "x", serviceId: "${id}", kind: UNPLANNED, startedAt: "2026-01-01T00:00:00Z", description: "x" }] }) { created }`,
    ],
    [
      "recordIncidents",
      `recordIncidents(input: { incidents: [{ externalId: "x", serviceId: "${id}", customerId: "${id}", priority: P1, openedAt: "2026-01-01T00:00:00Z" }] }) { created }`,
    ],
    [
      "recordMeasurements",
      `recordMeasurements(input: { measurements: [{ externalId: "x", serviceId: "${id}", metric: CUSTOMER_SATISFACTION, month: "2026-01-01", value: 4 }] }) { created }`,
    ],
  ];

  it("covers every mutation of the graph", async () => {
    const answer = await post<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      graph.gatewayUrl,
      "{ __schema { mutationType { fields { name } } } }",
      {},
      as("analyst"),
    );
    const names = answer.data!.__schema.mutationType.fields.map((f) => f.name).sort();
    expect(mutations.map(([name]) => name).sort()).toEqual(names);
  });

  // A partner signs for its own customers (here: an agreement it cannot see, NOT_FOUND).
  const partnerMay = new Set(["signAgreement"]);
  // Where the graph's events go is the administrators' business (a URL and a signing secret).
  const adminOnly = new Set(["createWebhook", "updateWebhook", "deleteWebhook"]);

  it.each(mutations)("%s", async (name, selection) => {
    const expected: Record<Caller, string> = {
      admin: "allowed",
      editor: adminOnly.has(name) ? "FORBIDDEN" : "allowed",
      analyst: "FORBIDDEN",
      partner: partnerMay.has(name) ? "allowed" : "FORBIDDEN",
      anonymous: "UNAUTHENTICATED",
    };
    for (const caller of CALLERS) {
      const response = await run(caller, `mutation { ${selection} }`);
      const codes = codesOf(response);
      expect(codes).toHaveLength(1); // refused either way: nothing exists, or not allowed
      const outcome = codes[0] === "FORBIDDEN" || codes[0] === "UNAUTHENTICATED" ? codes[0] : "allowed";
      expect([caller, outcome]).toEqual([caller, expected[caller]]);
    }
  });
});

describe("a partner sees only its own customers' agreements", () => {
  const A = () => [sample.partnerA.code];

  it("lists only SLAs of its customers, with a totalCount to match", async () => {
    const answer = await run<{ agreements: { totalCount: number; nodes: { number: string; type: string }[] } }>(
      "partner",
      "{ agreements(first: 100) { totalCount nodes { number type } } }",
      {},
      A(),
    );
    expect(answer.errors).toBeUndefined();
    const numbers = answer.data!.agreements.nodes.map((n) => n.number);
    expect(new Set(numbers)).toEqual(sample.partnerA.agreements);
    expect(answer.data!.agreements.totalCount).toBe(sample.partnerA.agreements.size);
    const internal = await run<{ agreements: { totalCount: number; nodes: unknown[] } }>(
      "partner",
      "{ agreements(first: 100, filter: { type: [OLA, UNDERPINNING_CONTRACT] }) { totalCount nodes { number } } }",
      {},
      A(),
    );
    expect(internal.data!.agreements).toEqual({ totalCount: 0, nodes: [] });
  });

  it("never sees partner B's agreement by id or by number", async () => {
    const byId = await run<{ agreement: unknown }>(
      "partner",
      "query ($id: ID!) { agreement(id: $id) { number } }",
      { id: sample.foreignAgreement.id },
      A(),
    );
    expect(byId.data!.agreement).toBeNull();
    expect(codesOf(byId)).toEqual(["NOT_FOUND"]);
    const byNumber = await run<{ agreementByNumber: unknown }>(
      "partner",
      "query ($n: String!) { agreementByNumber(number: $n) { number } }",
      { n: sample.foreignAgreement.number },
      A(),
    );
    expect(byNumber.data!.agreementByNumber).toBeNull();
    // Partner B does see it: the agreement exists, it is only not A's.
    const asB = await run<{ agreement: { number: string } }>(
      "partner",
      "query ($id: ID!) { agreement(id: $id) { number } }",
      { id: sample.foreignAgreement.id },
      [sample.partnerB.code],
    );
    expect(asB.data!.agreement.number).toBe(sample.foreignAgreement.number);
  });

  it("never sees it through nested fields: services, providers, underpinnings, versions, parties", async () => {
    const answer = await run(
      "partner",
      `{ services(first: 100) { nodes { agreements(status: [DRAFT, ACTIVE, EXPIRED, TERMINATED]) { number type } } }
         agreements(first: 100) { nodes { number
           customers { code }
           provider { agreements { number type } }
           customers { agreements { number type } }
           underpinnedBy { number } underpins { number }
           versions { number } supersedes { number } supersededBy { number } } } }`,
      {},
      A(),
    );
    expect(answer.errors).toBeUndefined();
    const seen = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (typeof record.number === "string") seen.add(record.number);
        if (typeof record.type === "string") expect(record.type).toBe("SLA");
        Object.values(record).forEach(visit);
      }
    };
    visit(answer.data);
    expect([...seen].filter((n) => !sample.partnerA.agreements.has(n))).toEqual([]);
    const parties = JSON.stringify(answer.data);
    expect(parties).not.toContain(`"${sample.partnerB.code}"`);
  });

  it("sees only its own customer records and the LIVE catalogue", async () => {
    const answer = await run<{
      customers: { totalCount: number; nodes: { code: string }[] };
      services: { nodes: { lifecycle: string }[] };
      hidden: unknown;
    }>(
      "partner",
      `query ($id: ID!) { customers(first: 100) { totalCount nodes { code } }
         services(first: 100) { nodes { lifecycle } }
         hidden: service(id: $id) { code } }`,
      { id: sample.nonLiveService.id },
      A(),
    );
    expect(answer.data!.customers).toEqual({ totalCount: 1, nodes: [{ code: sample.partnerA.code }] });
    expect(new Set(answer.data!.services.nodes.map((s) => s.lifecycle))).toEqual(new Set(["LIVE"]));
    expect(answer.data!.hidden).toBeNull();
    const other = await run<{ customer: unknown }>(
      "partner",
      "query ($id: ID!) { customer(id: $id) { code } }",
      { id: sample.partnerB.id },
      A(),
    );
    expect(other.data!.customer).toBeNull();
    expect(codesOf(other)).toEqual(["NOT_FOUND"]);
  });

  it("is refused staff-only fields (history, cost) with FORBIDDEN", async () => {
    for (const query of [
      "{ services(first: 1) { nodes { monthlyCost { amount } } } }",
      "{ agreements(first: 1) { nodes { history { actor } } } }",
    ]) {
      expect(codesOf(await run("partner", query, {}, A()))).toContain("FORBIDDEN");
    }
  });
});

describe("anonymous callers", () => {
  it("read the LIVE catalogue and nothing else", async () => {
    const answer = await run<{ services: { totalCount: number; nodes: { lifecycle: string }[] } }>(
      "anonymous",
      "{ services(first: 100) { totalCount nodes { lifecycle } } }",
    );
    expect(answer.errors).toBeUndefined();
    expect(new Set(answer.data!.services.nodes.map((s) => s.lifecycle))).toEqual(new Set(["LIVE"]));
    const all = await run<{ services: { totalCount: number } }>("analyst", "{ services(first: 1) { totalCount } }");
    expect(answer.data!.services.totalCount).toBeLessThan(all.data!.services.totalCount);
    const agreements = await run("anonymous", "{ services(first: 3) { nodes { code agreements { number } } } }");
    expect(codesOf(agreements)).toContain("UNAUTHENTICATED");
  });
});

describe("the audit trail", () => {
  it("records the token's subject as the actor of a change", async () => {
    const created = await post<{ createComponent: { id: string; history: { actor: string }[] } }>(
      graph.gatewayUrl,
      'mutation { createComponent(input: { name: "Audit probe", kind: SOFTWARE, description: "x" }) { id history { actor } } }',
      {},
      as("editor", [], { subject: "jane.doe@northwind.example" }),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createComponent.history.map((h) => h.actor)).toEqual(["jane.doe@northwind.example"]);
  });
});
