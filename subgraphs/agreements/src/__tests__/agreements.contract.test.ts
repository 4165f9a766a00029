import { sampleId } from "@itsm/kit";
import { committedSdl, dataOf, ENTITIES_QUERY, TEST_IDENTITIES, TestServer } from "@itsm/kit/testing";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { Party } from "../responsibilities/responsibility.enums";
import { TargetMetric } from "../targets/target.enums";
import { sampleAgreements } from "../sample/agreements.sample";
import type { SampleAgreement } from "../sample/agreements.sample-types";
import { daysFrom } from "../sample/agreements.seed";
import { createServer } from "../server";
import type { TargetView } from "./support/agreements";

const subgraph = new TestServer("agreements", createServer);

/** Reads as an analyst: staff read every agreement, unscoped (the policy's tests are in agreement.access.test.ts). */
const asAnalyst = (query: string, variables?: Record<string, unknown>) =>
  subgraph.server.execute(query, variables, TEST_IDENTITIES.analyst);

const agreement = (number: string): SampleAgreement => {
  const found = sampleAgreements.find((a) => a.number === number);
  if (!found) throw new Error(`no sample agreement ${number}`);
  return found;
};

/** Numbers of the sample agreements matching `keep`, in number order (how every agreement list is ordered). */
const numbers = (keep: (a: SampleAgreement) => boolean) =>
  sampleAgreements
    .filter(keep)
    .map((a) => a.number)
    .sort();

const asNumbers = (list: string[]) => list.map((number) => ({ number }));

const covers = (serviceCode: string) => (a: SampleAgreement) => a.coverage.some((c) => c.serviceCode === serviceCode);

const METRIC_ORDER = Object.values(TargetMetric) as string[];
const PARTY_ORDER = [Party.PROVIDER, Party.CUSTOMER] as string[];
const MONEY_AMOUNT = /^-?\d+\.\d{2}$/;

describe("agreements subgraph contract", () => {
  it("serves the committed SDL through _service", async () => {
    const result = await asAnalyst("{ _service { sdl } }");
    expect(result.errors).toBeUndefined();
    expect((result.data as { _service: { sdl: string } })._service.sdl.trim()).toBe(committedSdl("agreements").trim());
  });

  it("resolves Agreement entities by id, unknown ids to null, in the order given", async () => {
    const [first, second] = [sampleAgreements[0], sampleAgreements[sampleAgreements.length - 1]];
    const result = await asAnalyst(ENTITIES_QUERY("Agreement", "id number type status"), {
      representations: [
        { __typename: "Agreement", id: sampleId.agreement(second.number) },
        { __typename: "Agreement", id: "no-such-agreement" },
        { __typename: "Agreement", id: sampleId.agreement(first.number) },
        { __typename: "Agreement", id: sampleId.agreement("SLA-1999-999") },
      ],
    });
    expect(dataOf(result, "_entities")).toEqual([
      { id: sampleId.agreement(second.number), number: second.number, type: second.type, status: second.status },
      null,
      { id: sampleId.agreement(first.number), number: first.number, type: first.type, status: first.status },
      null,
    ]);
  });

  it("resolves a Service to its key and adds the agreements covering it and their targets", async () => {
    const result = await asAnalyst(
      ENTITIES_QUERY("Service", "id agreements { number } targets { metric priority agreement { number status } }"),
      { representations: [{ __typename: "Service", id: sampleId.service("EMAIL") }] },
    );
    expect(result.errors).toBeUndefined();
    const [email] = result.data?._entities as [
      {
        id: string;
        agreements: { number: string }[];
        targets: { metric: string; priority: string | null; agreement: { number: string; status: string } }[];
      },
    ];
    expect(email.id).toBe(sampleId.service("EMAIL"));
    const covering = numbers(covers("EMAIL"));
    expect(covering.length).toBeGreaterThan(1);
    expect(email.agreements).toEqual(asNumbers(covering));

    // Targets default to those of ACTIVE agreements, ordered by metric, then priority ("all" first).
    const expected = sampleAgreements
      .filter((a) => a.status === AgreementStatus.ACTIVE)
      .flatMap((a) =>
        a.targets
          .filter((t) => t.serviceCode === "EMAIL")
          .map((t) => ({ metric: t.metric, priority: t.priority, agreement: { number: a.number, status: a.status } })),
      );
    expect(expected.length).toBeGreaterThan(0);
    const key = (t: { metric: string; priority: string | null; agreement: { number: string } }) =>
      `${t.metric}|${t.priority}|${t.agreement.number}`;
    expect(email.targets.map(key).sort()).toEqual(expected.map(key).sort());
    const order = (t: { metric: string; priority: string | null }) => [
      METRIC_ORDER.indexOf(t.metric),
      t.priority ?? "",
    ];
    expect(email.targets.map(order)).toEqual(
      [...expected]
        .sort(
          (a, b) =>
            METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric) ||
            (a.priority ?? "").localeCompare(b.priority ?? ""),
        )
        .map(order),
    );
  });

  it("filters a service's agreements by status and type", async () => {
    const result = await asAnalyst(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Service {
            active: agreements(status: [ACTIVE]) { number }
            underpinning: agreements(type: [OLA, UNDERPINNING_CONTRACT]) { number }
            activeSlas: agreements(status: [ACTIVE], type: [SLA]) { number }
          }
        }
      }`,
      { representations: [{ __typename: "Service", id: sampleId.service("WAN") }] },
    );
    expect(result.errors).toBeUndefined();
    const wan = covers("WAN");
    const expected = {
      active: asNumbers(numbers((a) => wan(a) && a.status === AgreementStatus.ACTIVE)),
      underpinning: asNumbers(numbers((a) => wan(a) && a.type !== AgreementType.SLA)),
      activeSlas: asNumbers(
        numbers((a) => wan(a) && a.status === AgreementStatus.ACTIVE && a.type === AgreementType.SLA),
      ),
    };
    expect(expected.underpinning.length).toBeGreaterThan(0);
    expect(expected.activeSlas.length).toBeGreaterThan(0);
    expect(result.data?._entities).toEqual([expected]);
  });

  it("resolves a Service no agreement covers to its key with no agreements and no targets", async () => {
    const result = await asAnalyst(ENTITIES_QUERY("Service", "id agreements { number } targets { id }"), {
      representations: [{ __typename: "Service", id: sampleId.service("NO_SUCH_SERVICE") }],
    });
    expect(dataOf(result, "_entities")).toEqual([
      { id: sampleId.service("NO_SUCH_SERVICE"), agreements: [], targets: [] },
    ]);
  });

  it("resolves Customers to their key and adds the agreements they are party to", async () => {
    const codes = ["FINANCE", "STADTWERKE_RHEINTAL", "VANDIJK_FRANCHISE", "NO_SUCH_CUSTOMER"];
    const result = await asAnalyst(
      ENTITIES_QUERY("Customer", "id active: agreements(status: [ACTIVE]) { number } all: agreements { number }"),
      { representations: codes.map((code) => ({ __typename: "Customer", id: sampleId.customer(code) })) },
    );
    expect(result.errors).toBeUndefined();
    const party = (code: string) => (a: SampleAgreement) => a.customerCodes.includes(code);
    expect(result.data?._entities).toEqual(
      codes.map((code) => ({
        id: sampleId.customer(code),
        active: asNumbers(numbers((a) => party(code)(a) && a.status === AgreementStatus.ACTIVE)),
        all: asNumbers(numbers(party(code))),
      })),
    );
    expect(numbers((a) => party("FINANCE")(a) && a.status === AgreementStatus.ACTIVE).length).toBeGreaterThan(1);
    expect(numbers(party("STADTWERKE_RHEINTAL")).length).toBeGreaterThan(0);
  });

  it("resolves Providers to their key and adds the agreements they are bound by", async () => {
    const codes = [...new Set(sampleAgreements.map((a) => a.providerCode))].sort();
    expect(codes.length).toBeGreaterThan(1);
    const result = await asAnalyst(
      ENTITIES_QUERY("Provider", "id agreements { number } olas: agreements(type: [OLA]) { number }"),
      {
        representations: [...codes, "NO_SUCH_PROVIDER"].map((code) => ({
          __typename: "Provider",
          id: sampleId.provider(code),
        })),
      },
    );
    expect(dataOf(result, "_entities")).toEqual(
      [...codes, "NO_SUCH_PROVIDER"].map((code) => ({
        id: sampleId.provider(code),
        agreements: asNumbers(numbers((a) => a.providerCode === code)),
        olas: asNumbers(numbers((a) => a.providerCode === code && a.type === AgreementType.OLA)),
      })),
    );
  });

  it("answers an unknown id or number with NOT_FOUND", async () => {
    const byId = await asAnalyst('{ agreement(id: "nope") { number } }');
    expect(byId.data?.agreement).toBeNull();
    expect(byId.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(byId.errors?.[0].message).toBe('Agreement "nope" does not exist');
    const byNumber = await asAnalyst('{ agreementByNumber(number: "SLA-1999-999") { id } }');
    expect(byNumber.data?.agreementByNumber).toBeNull();
    expect(byNumber.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(byNumber.errors?.[0].message).toBe('Agreement "SLA-1999-999" does not exist');
  });

  it("finds an agreement by id", async () => {
    const { number } = sampleAgreements[1];
    const result = await asAnalyst("query ($id: ID!) { agreement(id: $id) { id number } }", {
      id: sampleId.agreement(number),
    });
    expect(dataOf(result, "agreement")).toEqual({ id: sampleId.agreement(number), number });
  });

  describe.each(sampleAgreements.map((a) => [a.number]))("agreementByNumber(%s)", (number) => {
    const query = `query ($number: String!) {
      agreementByNumber(number: $number) {
        id number title description type status version effectiveFrom effectiveTo
        provider { id }
        customers { id }
        services { id }
        coverage { service { id } description serviceHours monthlyCharge { amount currency } }
        targets { service { id } metric comparator value unit priority period description agreement { number } }
        responsibilities { party category description }
        underpinnedBy { number }
        underpins { number }
      }
    }`;
    type Target = Omit<TargetView, "id"> & { agreement: { number: string } };
    type Result = {
      coverage: { service: { id: string }; monthlyCharge: { amount: unknown; currency: unknown } | null }[];
      targets: Target[];
      responsibilities: { party: string; category: string; description: string }[];
    } & Record<string, unknown>;

    let found: Result;
    const sample = agreement(number);
    beforeAll(async () => {
      const result = await asAnalyst(query, { number });
      expect(result.errors).toBeUndefined();
      found = result.data?.agreementByNumber as Result;
    });

    it("has the sample's fields, dates relative to today", () => {
      const today = new Date();
      expect(found).toMatchObject({
        id: sampleId.agreement(number),
        number,
        title: sample.title,
        description: sample.description,
        type: sample.type,
        status: sample.status,
        version: sample.version,
        effectiveFrom: daysFrom(today, sample.effectiveFromDays),
        effectiveTo: sample.effectiveToDays === null ? null : daysFrom(today, sample.effectiveToDays),
      });
    });

    it("names its provider, customers and services by their keys", () => {
      expect(found.provider).toEqual({ id: sampleId.provider(sample.providerCode) });
      expect(found.customers).toEqual(
        sample.customerCodes
          .map(sampleId.customer)
          .sort()
          .map((id) => ({ id })),
      );
      expect(found.services).toEqual(
        [...new Set(sample.coverage.map((c) => sampleId.service(c.serviceCode)))].sort().map((id) => ({ id })),
      );
    });

    it("lists its coverage with hours and monthly charges as exact two-decimal strings", () => {
      expect(found.coverage).toEqual(
        sample.coverage
          .map((c) => ({
            service: { id: sampleId.service(c.serviceCode) },
            description: c.description,
            serviceHours: c.serviceHours,
            monthlyCharge: c.monthlyCharge,
          }))
          .sort((a, b) => a.service.id.localeCompare(b.service.id)),
      );
      for (const { monthlyCharge } of found.coverage) {
        if (monthlyCharge === null) continue;
        expect(typeof monthlyCharge.amount).toBe("string");
        expect(monthlyCharge.amount).toMatch(MONEY_AMOUNT);
        expect(monthlyCharge.currency).toMatch(/^[A-Z]{3}$/);
      }
    });

    it("lists its targets per service, by metric, then priority", () => {
      const expected: Target[] = sample.targets.map((t) => ({
        service: { id: sampleId.service(t.serviceCode) },
        metric: t.metric,
        comparator: t.comparator,
        value: t.value,
        unit: t.unit,
        priority: t.priority,
        period: t.period,
        description: t.description,
        agreement: { number },
      }));
      const byContent = (a: Target, b: Target) => JSON.stringify(a).localeCompare(JSON.stringify(b));
      expect([...found.targets].sort(byContent)).toEqual([...expected].sort(byContent));
      const order = (t: Target) => [t.service.id, METRIC_ORDER.indexOf(t.metric), t.priority ?? ""];
      expect(found.targets.map(order)).toEqual(
        expected
          .map(order)
          .sort(
            (a, b) =>
              String(a[0]).localeCompare(String(b[0])) ||
              Number(a[1]) - Number(b[1]) ||
              String(a[2]).localeCompare(String(b[2])),
          ),
      );
    });

    it("lists the responsibilities of both parties, the provider's first", () => {
      const key = (r: { party: string; category: string; description: string }) =>
        `${r.party}|${r.category}|${r.description}`;
      expect(found.responsibilities.map(key).sort()).toEqual(sample.responsibilities.map(key).sort());
      expect(found.responsibilities.map((r) => [r.party, r.category])).toEqual(
        sample.responsibilities
          .map((r) => [r.party as string, r.category as string])
          .sort((a, b) => PARTY_ORDER.indexOf(a[0]) - PARTY_ORDER.indexOf(b[0]) || a[1].localeCompare(b[1])),
      );
      expect(new Set(found.responsibilities.map((r) => r.party))).toEqual(new Set(PARTY_ORDER));
    });

    it("links to what underpins it and to what it underpins, consistently with the sample", () => {
      expect(found.underpinnedBy).toEqual(asNumbers(numbers((a) => a.underpins.includes(number))));
      expect(found.underpins).toEqual(asNumbers([...sample.underpins].sort()));
    });
  });

  it("agrees on underpinning in both directions across a whole page", async () => {
    const result = await asAnalyst(
      "{ agreements(first: 100) { nodes { number type underpinnedBy { number } underpins { number } } } }",
    );
    expect(result.errors).toBeUndefined();
    const nodes = (
      result.data?.agreements as {
        nodes: { number: string; type: string; underpinnedBy: { number: string }[]; underpins: { number: string }[] }[];
      }
    ).nodes;
    expect(nodes.map((n) => n.number)).toEqual(numbers(() => true));
    const byNumber = new Map(nodes.map((n) => [n.number, n]));
    let links = 0;
    for (const node of nodes) {
      for (const { number } of node.underpins) {
        links += 1;
        expect(node.type).not.toBe(AgreementType.SLA);
        expect(byNumber.get(number)?.underpinnedBy.map((u) => u.number)).toContain(node.number);
      }
    }
    expect(links).toBe(sampleAgreements.reduce((n, a) => n + a.underpins.length, 0));
    expect(links).toBeGreaterThan(0);
  });

  it("filters by end date through a LocalDate variable", async () => {
    const before = daysFrom(new Date(), 90);
    const result = await asAnalyst(
      "query ($before: LocalDate) { agreements(first: 100, filter: { expiringBefore: $before }) { totalCount nodes { number effectiveTo } } }",
      { before },
    );
    expect(result.errors).toBeUndefined();
    const expected = numbers((a) => a.effectiveToDays !== null && a.effectiveToDays <= 90);
    expect(expected.length).toBeGreaterThan(0);
    const page = result.data?.agreements as { totalCount: number; nodes: { number: string; effectiveTo: string }[] };
    expect(page.nodes.map((n) => n.number)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    for (const node of page.nodes) expect(node.effectiveTo <= before).toBe(true);
  });

  it("rejects a malformed date before execution", async () => {
    const result = await asAnalyst('{ agreements(filter: { expiringBefore: "31.12.2026" }) { totalCount } }');
    expect(result.data?.agreements).toBeUndefined();
    expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers a page over the maximum and a malformed cursor with BAD_USER_INPUT", async () => {
    const tooMany = await asAnalyst("{ agreements(first: 101) { totalCount } }");
    expect(tooMany.data?.agreements).toBeNull();
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const badCursor = await asAnalyst('{ agreements(after: "garbage!") { totalCount } }');
    expect(badCursor.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
