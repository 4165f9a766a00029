import { sampleId, toPageRequest } from "@itsm/kit";
import { TEST_IDENTITIES, TestServer } from "@itsm/kit/testing";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { sampleAgreements } from "../sample/agreements.sample";
import type { SampleAgreement } from "../sample/agreements.sample-types";
import { daysFrom } from "../sample/agreements.seed";
import { createServer } from "../server";
import type { AgreementCriteria } from "../agreements/agreement.filters";
import { AgreementService } from "../agreements/agreement.service";
import { ALL_AGREEMENTS } from "../scope/agreement.scope";

const subgraph = new TestServer("agreements", createServer);
let agreements: AgreementService;
beforeAll(() => {
  agreements = new AgreementService(subgraph.server.dataSource);
});

const ALL = toPageRequest({ first: 100 });

/** Numbers of the sample agreements matching `keep`, in number order (how `list` orders them). */
const numbers = (keep: (a: SampleAgreement) => boolean) =>
  sampleAgreements
    .filter(keep)
    .map((a) => a.number)
    .sort();

const unique = <T>(values: T[]) => [...new Set(values)];

describe("AgreementService.list", () => {
  it("pages through every agreement exactly once, in number order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await agreements.list(null, toPageRequest({ first: 4, after }), ALL_AGREEMENTS);
      expect(page.nodes.length).toBeLessThanOrEqual(4);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.nodes.map((a) => a.number));
      expect(await page.totalCount).toBe(sampleAgreements.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(numbers(() => true));
    expect(new Set(seen).size).toBe(sampleAgreements.length);
  });

  it("pages through a filtered list without leaving the filter", async () => {
    const filter = { status: [AgreementStatus.ACTIVE] };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await agreements.list(filter, toPageRequest({ first: 4, after }), ALL_AGREEMENTS);
      seen.push(...page.nodes.map((a) => a.number));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = numbers((a) => a.status === AgreementStatus.ACTIVE);
    expect(expected.length).toBeGreaterThan(4);
    expect(seen).toEqual(expected);
  });

  it("returns each agreement with its sample fields and stable ids", async () => {
    const today = new Date();
    const page = await agreements.list(null, ALL, ALL_AGREEMENTS);
    expect(
      page.nodes.map((a) => ({
        id: a.id,
        number: a.number,
        type: a.type,
        status: a.status,
        version: a.version,
        providerId: a.providerId,
        effectiveFrom: a.effectiveFrom,
        effectiveTo: a.effectiveTo,
      })),
    ).toEqual(
      [...sampleAgreements]
        .sort((a, b) => (a.number < b.number ? -1 : 1))
        .map((a) => ({
          id: sampleId.agreement(a.number),
          number: a.number,
          type: a.type,
          status: a.status,
          version: a.version,
          providerId: sampleId.provider(a.providerCode),
          effectiveFrom: daysFrom(today, a.effectiveFromDays),
          effectiveTo: a.effectiveToDays === null ? null : daysFrom(today, a.effectiveToDays),
        })),
    );
  });

  it("filters by status", async () => {
    for (const status of Object.values(AgreementStatus)) {
      const page = await agreements.list({ status: [status] }, ALL, ALL_AGREEMENTS);
      const expected = numbers((a) => a.status === status);
      expect(page.nodes.map((a) => a.number)).toEqual(expected);
      expect(await page.totalCount).toBe(expected.length);
    }
    const ended = await agreements.list(
      { status: [AgreementStatus.EXPIRED, AgreementStatus.TERMINATED] },
      ALL,
      ALL_AGREEMENTS,
    );
    const expectedEnded = numbers(
      (a) => a.status === AgreementStatus.EXPIRED || a.status === AgreementStatus.TERMINATED,
    );
    expect(expectedEnded.length).toBeGreaterThan(1);
    expect(ended.nodes.map((a) => a.number)).toEqual(expectedEnded);
  });

  it("filters by type", async () => {
    for (const type of Object.values(AgreementType)) {
      const page = await agreements.list({ type: [type] }, ALL, ALL_AGREEMENTS);
      const expected = numbers((a) => a.type === type);
      expect(expected.length).toBeGreaterThan(0);
      expect(page.nodes.map((a) => a.number)).toEqual(expected);
    }
  });

  // A filter by a reference: the codes a sample agreement names, and the criteria for one code.
  const byReference: [
    kind: string,
    codesOf: (a: SampleAgreement) => string[],
    criteria: (code: string) => AgreementCriteria,
  ][] = [
    ["provider", (a) => [a.providerCode], (code) => ({ providerId: sampleId.provider(code) })],
    ["customer", (a) => a.customerCodes, (code) => ({ customerId: sampleId.customer(code) })],
    ["covered service", (a) => a.coverage.map((c) => c.serviceCode), (code) => ({ serviceId: sampleId.service(code) })],
  ];
  it.each(byReference)("filters by %s", async (_kind, codesOf, criteria) => {
    const codes = unique(sampleAgreements.flatMap(codesOf));
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes) {
      const page = await agreements.list(criteria(code), ALL, ALL_AGREEMENTS);
      const expected = numbers((a) => codesOf(a).includes(code));
      expect(page.nodes.map((a) => a.number)).toEqual(expected);
      expect(await page.totalCount).toBe(expected.length);
    }
    expect((await agreements.list(criteria("NO_SUCH_CODE"), ALL, ALL_AGREEMENTS)).nodes).toEqual([]);
  });

  it("filters by end date, open-ended agreements never matching", async () => {
    const today = new Date();
    const page = await agreements.list({ expiringBefore: daysFrom(today, 90) }, ALL, ALL_AGREEMENTS);
    const expected = numbers((a) => a.effectiveToDays !== null && a.effectiveToDays <= 90);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.nodes.map((a) => a.number)).toEqual(expected);
    expect(await page.totalCount).toBe(expected.length);
    expect(expected.length).toBeLessThan(numbers((a) => a.effectiveToDays !== null).length);

    const farFuture = await agreements.list({ expiringBefore: daysFrom(today, 100_000) }, ALL, ALL_AGREEMENTS);
    expect(farFuture.nodes.map((a) => a.number)).toEqual(numbers((a) => a.effectiveToDays !== null));
    expect(numbers((a) => a.effectiveToDays === null).length).toBeGreaterThan(0);
  });

  it("includes agreements ending on the given date and excludes those ending the day after", async () => {
    const today = new Date();
    const ends = unique(sampleAgreements.map((a) => a.effectiveToDays).filter((d): d is number => d !== null));
    for (const end of ends) {
      const onTheDay = await agreements.list({ expiringBefore: daysFrom(today, end) }, ALL, ALL_AGREEMENTS);
      expect(onTheDay.nodes.map((a) => a.number)).toEqual(
        numbers((a) => a.effectiveToDays !== null && a.effectiveToDays <= end),
      );
      const dayBefore = await agreements.list({ expiringBefore: daysFrom(today, end - 1) }, ALL, ALL_AGREEMENTS);
      expect(dayBefore.nodes.map((a) => a.number)).toEqual(
        numbers((a) => a.effectiveToDays !== null && a.effectiveToDays < end),
      );
    }
  });

  it("searches number and title, case-insensitively", async () => {
    const contains = (text: string) => (a: SampleAgreement) =>
      a.number.toLowerCase().includes(text.toLowerCase()) || a.title.toLowerCase().includes(text.toLowerCase());
    for (const text of ["wan", "WAN", "sla-2026", "ola", "payroll"]) {
      const page = await agreements.list({ search: text }, ALL, ALL_AGREEMENTS);
      const expected = numbers(contains(text));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(sampleAgreements.length);
      expect(page.nodes.map((a) => a.number)).toEqual(expected);
    }
  });

  it("matches search text literally, wildcards included", async () => {
    expect((await agreements.list({ search: "%" }, ALL, ALL_AGREEMENTS)).nodes).toEqual([]);
    expect((await agreements.list({ search: "SLA_2026" }, ALL, ALL_AGREEMENTS)).nodes).toEqual([]);
    expect((await agreements.list({ search: "no agreement has this title" }, ALL, ALL_AGREEMENTS)).nodes).toEqual([]);
  });

  it("combines filters", async () => {
    const today = new Date();
    const filter = {
      status: [AgreementStatus.ACTIVE],
      type: [AgreementType.SLA],
      customerId: sampleId.customer("FINANCE"),
      expiringBefore: daysFrom(today, 400),
    };
    const page = await agreements.list(filter, ALL, ALL_AGREEMENTS);
    const expected = numbers(
      (a) =>
        a.status === AgreementStatus.ACTIVE &&
        a.type === AgreementType.SLA &&
        a.customerCodes.includes("FINANCE") &&
        a.effectiveToDays !== null &&
        a.effectiveToDays <= 400,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(numbers((a) => a.customerCodes.includes("FINANCE")).length);
    expect(page.nodes.map((a) => a.number)).toEqual(expected);
    expect(await page.totalCount).toBe(expected.length);
  });

  it("treats an empty list filter as matching nothing", async () => {
    for (const filter of [{ status: [] }, { type: [] }]) {
      const page = await agreements.list(filter, toPageRequest({ first: 10 }), ALL_AGREEMENTS);
      expect(page.nodes).toEqual([]);
      expect(await page.totalCount).toBe(0);
    }
  });
});

describe("AgreementService relations", () => {
  it("loads agreements by id and number, aligned with the keys, unknown keys to null", async () => {
    const [a, b] = [sampleAgreements[0].number, sampleAgreements[sampleAgreements.length - 1].number];
    expect(
      (await agreements.byIds([sampleId.agreement(b), "nope", sampleId.agreement(a)], ALL_AGREEMENTS)).map(
        (x) => x?.number ?? null,
      ),
    ).toEqual([b, null, a]);
    expect((await agreements.byNumbers(["nope", a], ALL_AGREEMENTS)).map((x) => x?.id ?? null)).toEqual([
      null,
      sampleId.agreement(a),
    ]);
  });

  it("groups the ids of each agreement's customers, and each customer's agreements", async () => {
    const ids = sampleAgreements.map((a) => sampleId.agreement(a.number));
    const customerIds = await agreements.customerIdsOf([...ids, "nope"], ALL_AGREEMENTS);
    expect(customerIds.map((group) => [...group].sort())).toEqual([
      ...sampleAgreements.map((a) => a.customerCodes.map(sampleId.customer).sort()),
      [],
    ]);
    const codes = unique(sampleAgreements.flatMap((a) => a.customerCodes));
    const agreementIds = await agreements.agreementIdsOfCustomers(codes.map(sampleId.customer));
    expect(agreementIds.map((group) => [...group].sort())).toEqual(
      codes.map((code) =>
        numbers((a) => a.customerCodes.includes(code))
          .map(sampleId.agreement)
          .sort(),
      ),
    );
  });

  it("groups each provider's agreement ids, [] for unknown providers", async () => {
    const codes = [...unique(sampleAgreements.map((a) => a.providerCode)), "NO_SUCH_PROVIDER"];
    const groups = await agreements.agreementIdsOfProviders(codes.map(sampleId.provider));
    expect(groups.map((group) => [...group].sort())).toEqual(
      codes.map((code) =>
        numbers((a) => a.providerCode === code)
          .map(sampleId.agreement)
          .sort(),
      ),
    );
  });

  it("links underpinning agreements in both directions", async () => {
    const ids = sampleAgreements.map((a) => sampleId.agreement(a.number));
    const underpinning = await agreements.underpinningIdsOf(ids);
    const underpinned = await agreements.underpinnedIdsOf(ids);
    sampleAgreements.forEach((a, i) => {
      expect([...underpinning[i]].sort()).toEqual(
        numbers((o) => o.underpins.includes(a.number))
          .map(sampleId.agreement)
          .sort(),
      );
      expect([...underpinned[i]].sort()).toEqual(a.underpins.map(sampleId.agreement).sort());
    });
  });
});

describe("Service.targets", () => {
  const serviceCodes = unique(sampleAgreements.flatMap((a) => a.targets.map((t) => t.serviceCode))).sort();
  const query = `query ($representations: [_Any!]!, $statuses: [AgreementStatus!]!) {
    _entities(representations: $representations) {
      ... on Service {
        id
        byDefault: targets { metric priority agreement { number status } }
        selected: targets(agreementStatus: $statuses) { metric priority agreement { number status } }
      }
    }
  }`;
  type Target = { metric: string; priority: string | null; agreement: { number: string; status: string } };
  type ServiceTargets = { id: string; byDefault: Target[]; selected: Target[] };
  const key = (t: Target) => `${t.agreement.number}|${t.metric}|${t.priority}`;

  /** The targets the sample sets for a service through agreements in one of `statuses`, as sorted keys. */
  const expectedKeys = (serviceCode: string, statuses: AgreementStatus[]) =>
    sampleAgreements
      .filter((a) => statuses.includes(a.status))
      .flatMap((a) =>
        a.targets
          .filter((t) => t.serviceCode === serviceCode)
          .map((t) =>
            key({ metric: t.metric, priority: t.priority, agreement: { number: a.number, status: a.status } }),
          ),
      )
      .sort();

  async function targetsOfEveryService(statuses: AgreementStatus[]): Promise<ServiceTargets[]> {
    const result = await subgraph.server.execute(
      query,
      {
        representations: serviceCodes.map((code) => ({ __typename: "Service", id: sampleId.service(code) })),
        statuses,
      },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    const services = result.data?._entities as ServiceTargets[];
    expect(services.map((s) => s.id)).toEqual(serviceCodes.map(sampleId.service));
    return services;
  }

  /** Checks that each service's targets (`listed`) are those of its `status` agreements in the sample; counts them. */
  function countOnlyOf(services: ServiceTargets[], listed: "byDefault" | "selected", status: AgreementStatus) {
    let total = 0;
    services.forEach((service, i) => {
      for (const target of service[listed]) expect(target.agreement.status).toBe(status);
      expect(service[listed].map(key).sort()).toEqual(expectedKeys(serviceCodes[i], [status]));
      total += service[listed].length;
    });
    return total;
  }

  it("defaults to the targets of ACTIVE agreements only", async () => {
    const services = await targetsOfEveryService([AgreementStatus.ACTIVE]);
    const total = countOnlyOf(services, "byDefault", AgreementStatus.ACTIVE);
    for (const service of services) expect(service.selected).toEqual(service.byDefault);
    expect(total).toBeGreaterThan(0);
    // Some sample targets belong to agreements that are not ACTIVE: the default must leave them out.
    const all = sampleAgreements.reduce((n, a) => n + a.targets.length, 0);
    expect(total).toBeLessThan(all);
  });

  it("returns only draft agreements' targets when asked for DRAFT", async () => {
    const services = await targetsOfEveryService([AgreementStatus.DRAFT]);
    const total = countOnlyOf(services, "selected", AgreementStatus.DRAFT);
    expect(total).toBe(
      sampleAgreements.filter((a) => a.status === AgreementStatus.DRAFT).reduce((n, a) => n + a.targets.length, 0),
    );
    expect(total).toBeGreaterThan(0);
  });

  it("returns the targets of every requested status", async () => {
    const statuses = Object.values(AgreementStatus);
    const services = await targetsOfEveryService(statuses);
    services.forEach((service, i) => {
      expect(service.selected.map(key).sort()).toEqual(expectedKeys(serviceCodes[i], statuses));
    });
    expect(services.reduce((n, s) => n + s.selected.length, 0)).toBe(
      sampleAgreements.reduce((n, a) => n + a.targets.length, 0),
    );
  });

  it("returns no targets for an empty status list", async () => {
    const services = await targetsOfEveryService([]);
    for (const service of services) expect(service.selected).toEqual([]);
  });
});
