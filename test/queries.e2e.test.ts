import { as, Graph, startedForSuite } from "./support/graph";
import {
  daysFrom,
  sampleAgreements,
  sampleComponents,
  sampleCustomers,
  sampleProviders,
  sampleServices,
} from "./support/sample";

const graph = startedForSuite(new Graph());
// These read everything (agreements, customers, every lifecycle): a staff role that writes nothing.
const ANALYST = as("analyst");

const customerName = (code: string) => sampleCustomers.find((c) => c.code === code)!.name;
const providerName = (code: string) => sampleProviders.find((p) => p.code === code)!.name;
const active = sampleAgreements.filter((a) => a.status === "ACTIVE");

type Named = { name: string };
interface DesignService {
  code: string;
  name: string;
  agreements: {
    number: string;
    type: string;
    status: string;
    provider: Named;
    customers: Named[];
    targets: { metric: string; comparator: string; value: number; unit: string }[];
    responsibilities: { party: string; description: string }[];
  }[];
}

describe("the DESIGN.md query", () => {
  it("returns services with their agreements, provider, customers, targets and responsibilities", async () => {
    const response = await graph.query<{ services: { nodes: DesignService[] } }>(
      `
      { services(first: 20) { nodes { code name
          agreements { number type status provider { name } customers { name }
            targets { metric comparator value unit }
            responsibilities { party description } } } } }`,
      undefined,
      ANALYST,
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const services = response.data!.services.nodes;
    expect(services.map((s) => s.code)).toEqual(
      sampleServices
        .map((s) => s.code)
        .sort()
        .slice(0, 20),
    );
    for (const service of services) {
      const covering = sampleAgreements.filter((a) => a.coverage.some((c) => c.serviceCode === service.code));
      expect(service.agreements.map((a) => a.number)).toEqual(covering.map((a) => a.number).sort());
      for (const agreement of service.agreements) {
        const expected = covering.find((a) => a.number === agreement.number)!;
        expect(agreement.type).toBe(expected.type);
        expect(agreement.status).toBe(expected.status);
        expect(agreement.provider.name).toBe(providerName(expected.providerCode));
        expect(agreement.customers.map((c) => c.name).sort()).toEqual(expected.customerCodes.map(customerName).sort());
        expect(agreement.targets).toHaveLength(expected.targets.length);
        expect(agreement.responsibilities.map((r) => r.description).sort()).toEqual(
          expected.responsibilities.map((r) => r.description).sort(),
        );
        expect(new Set(agreement.responsibilities.map((r) => r.party))).toEqual(new Set(["PROVIDER", "CUSTOMER"]));
      }
    }
    const email = services.find((s) => s.code === "EMAIL")!;
    const serviceBased = email.agreements.find((a) => a.customers.length > 1)!;
    expect(serviceBased.targets).toContainEqual(
      expect.objectContaining({ metric: "AVAILABILITY", comparator: "AT_LEAST", unit: "PERCENT" }),
    );
  });
});

describe("cross-subgraph questions analysts ask", () => {
  it("a customer's active agreements with their services and targets", async () => {
    const response = await graph.query<{
      customerByCode: {
        name: string;
        agreements: { number: string; services: { code: string }[]; targets: { service: { code: string } }[] }[];
      };
    }>(
      `{ customerByCode(code: "ACME_RETAIL") { name
          agreements(status: [ACTIVE]) { number services { code } targets { service { code } metric value unit priority } } } }`,
      undefined,
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    const customer = response.data!.customerByCode;
    expect(customer.name).toBe(customerName("ACME_RETAIL"));
    const expected = active.filter((a) => a.customerCodes.includes("ACME_RETAIL"));
    expect(customer.agreements.map((a) => a.number)).toEqual(expected.map((a) => a.number).sort());
    for (const agreement of customer.agreements) {
      const sample = expected.find((a) => a.number === agreement.number)!;
      expect(agreement.services.map((s) => s.code).sort()).toEqual(sample.coverage.map((c) => c.serviceCode).sort());
      expect(agreement.targets.map((t) => t.service.code).sort()).toEqual(
        sample.targets.map((t) => t.serviceCode).sort(),
      );
    }
  });

  it("agreements expiring within 90 days", async () => {
    const horizon = daysFrom(new Date(), 90);
    const response = await graph.query<{
      agreements: { totalCount: number; nodes: { number: string; effectiveTo: string; provider: Named }[] };
    }>(
      `query Expiring($before: LocalDate!) {
        agreements(filter: { status: [ACTIVE], expiringBefore: $before }) {
          totalCount nodes { number effectiveTo provider { name } customers { name } services { code } } } }`,
      { before: horizon },
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    const expected = active.filter((a) => a.effectiveToDays !== null && a.effectiveToDays <= 90);
    expect(expected.length).toBeGreaterThan(0);
    const { nodes, totalCount } = response.data!.agreements;
    expect(nodes.map((a) => a.number)).toEqual(expected.map((a) => a.number).sort());
    expect(totalCount).toBe(expected.length);
    for (const node of nodes) expect(node.effectiveTo <= horizon).toBe(true);
  });

  it("LIVE services that no ACTIVE SLA covers", async () => {
    const response = await graph.query<{
      services: { nodes: { code: string; agreements: { number: string }[] }[] };
    }>(
      `{ services(first: 100, filter: { lifecycle: [LIVE] }) {
          nodes { code agreements(status: [ACTIVE], type: [SLA]) { number } } } }`,
      undefined,
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    const uncovered = response.data!.services.nodes.filter((s) => s.agreements.length === 0).map((s) => s.code);
    const coveredBySla = new Set(
      active.filter((a) => a.type === "SLA").flatMap((a) => a.coverage.map((c) => c.serviceCode)),
    );
    const expected = sampleServices
      .filter((s) => s.lifecycle === "LIVE" && !coveredBySla.has(s.code))
      .map((s) => s.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(uncovered).toEqual(expected);
  });

  it("the OLAs and contracts underpinning an SLA", async () => {
    const sla = active.find(
      (a) => a.type === "SLA" && sampleAgreements.filter((u) => u.underpins.includes(a.number)).length >= 2,
    )!;
    const response = await graph.query<{
      agreementByNumber: {
        underpinnedBy: { number: string; type: string; provider: Named; underpins: { number: string }[] }[];
      };
    }>(
      `query Underpinning($number: String!) { agreementByNumber(number: $number) { number title
          underpinnedBy { number type status provider { name } underpins { number }
            targets { service { code } metric comparator value unit priority } } } }`,
      { number: sla.number },
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    const expected = sampleAgreements.filter((u) => u.underpins.includes(sla.number));
    const underpinnedBy = response.data!.agreementByNumber.underpinnedBy;
    expect(underpinnedBy.map((u) => u.number)).toEqual(expected.map((u) => u.number).sort());
    for (const u of underpinnedBy) {
      const sample = expected.find((e) => e.number === u.number)!;
      expect(["OLA", "UNDERPINNING_CONTRACT"]).toContain(u.type);
      expect(u.provider.name).toBe(providerName(sample.providerCode));
      expect(u.underpins.map((x) => x.number)).toContain(sla.number);
    }
  });

  it("all services depending, transitively, on a component", async () => {
    const component = sampleComponents.find((c) => c.key === "dc-frankfurt")!;
    const response = await graph.query<{
      components: { nodes: { name: string; kind: string; impactedServices: { code: string }[] }[] };
    }>(
      `query Impact($search: String!) { components(filter: { search: $search }) {
          nodes { name kind services { code } impactedServices { code lifecycle criticality } } } }`,
      { search: component.name },
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    const node = response.data!.components.nodes.find((n) => n.name === component.name)!;
    const impacted = new Set(sampleServices.filter((s) => s.components.includes(component.key)).map((s) => s.code));
    for (let grew = true; grew;) {
      grew = false;
      for (const s of sampleServices) {
        if (!impacted.has(s.code) && s.dependsOn.some((d) => impacted.has(d))) {
          impacted.add(s.code);
          grew = true;
        }
      }
    }
    expect(node.impactedServices.map((s) => s.code)).toEqual([...impacted].sort());
  });

  it("a provider's agreements with their customers", async () => {
    const response = await graph.query<{
      providerByCode: {
        name: string;
        agreements: { number: string; customers: { code: string; contacts: unknown[] }[] }[];
      };
    }>(
      `{ providerByCode(code: "CORP_IT") { name kind
          agreements { number type status customers { code name kind contacts { name role email } } } } }`,
      undefined,
      ANALYST,
    );
    expect(response.errors).toBeUndefined();
    const provider = response.data!.providerByCode;
    const expected = sampleAgreements.filter((a) => a.providerCode === "CORP_IT");
    expect(provider.agreements.map((a) => a.number)).toEqual(expected.map((a) => a.number).sort());
    for (const agreement of provider.agreements) {
      const sample = expected.find((a) => a.number === agreement.number)!;
      expect(agreement.customers.map((c) => c.code).sort()).toEqual([...sample.customerCodes].sort());
      for (const customer of agreement.customers) {
        const contacts = sampleCustomers.find((c) => c.code === customer.code)!.contacts;
        expect(customer.contacts).toHaveLength(contacts.length);
      }
    }
  });

  it("pages through all services with first/after, visiting each exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: Awaited<ReturnType<typeof graph.query>> = await graph.query(
        `query Page($after: String) { services(first: 5, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } nodes { code } } }`,
        { after },
        ANALYST,
      );
      expect(response.errors).toBeUndefined();
      const page = (response.data as { services: PageOfServices }).services;
      expect(page.totalCount).toBe(sampleServices.length);
      expect(page.edges.map((e) => e.node.code)).toEqual(page.nodes.map((n) => n.code));
      seen.push(...page.nodes.map((n) => n.code));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(sampleServices.map((s) => s.code).sort());
    expect(pages).toBe(Math.ceil(sampleServices.length / 5));
  });
});

interface PageOfServices {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { code: string } }[];
  nodes: { code: string }[];
}

describe("bad arguments get clear errors with codes", () => {
  it("unknown id → NOT_FOUND naming the id", async () => {
    const response = await graph.query('{ agreement(id: "does-not-exist") { number } }', undefined, ANALYST);
    expect(response.data?.agreement).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      message: 'Agreement "does-not-exist" does not exist',
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("malformed cursor → BAD_USER_INPUT", async () => {
    const response = await graph.query('{ customers(after: "not-a-cursor") { totalCount } }', undefined, ANALYST);
    expect(response.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
  });

  it("first over the maximum → BAD_USER_INPUT naming the limit", async () => {
    const response = await graph.query("{ agreements(first: 500) { totalCount } }", undefined, ANALYST);
    expect(response.errors?.[0]).toMatchObject({
      message: '"first" must be between 0 and 100 (got 500)',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("an unknown enum value is rejected by the gateway before execution, with HTTP 400", async () => {
    const response = await graph.query(
      "{ services(filter: { lifecycle: [ZOMBIE] }) { totalCount } }",
      undefined,
      ANALYST,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("an invalid date is rejected by the owning subgraph, which the error names", async () => {
    const literal = await graph.query(
      '{ agreements(filter: { expiringBefore: "next tuesday" }) { totalCount } }',
      undefined,
      ANALYST,
    );
    expect(literal.errors?.[0]).toMatchObject({
      message: "Value is not a valid LocalDate: next tuesday",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", serviceName: "agreements" },
    });
    const variable = await graph.query(
      "query ($d: LocalDate) { agreements(filter: { expiringBefore: $d }) { totalCount } }",
      { d: "2026-13-45" },
      ANALYST,
    );
    expect(variable.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", serviceName: "agreements" });
    expect(variable.errors?.[0].message).toContain("2026-13-45");
  });

  it("an unknown operationName → 400 OPERATION_RESOLUTION_FAILURE (the stock gateway answers 500)", async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...ANALYST },
      body: JSON.stringify({ query: "query A { services { totalCount } }", operationName: "B" }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({
      message: 'Unknown operation named "B".',
      extensions: { code: "OPERATION_RESOLUTION_FAILURE" },
    });
  });

  it("a body that is not JSON → 400 with a code", async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});
