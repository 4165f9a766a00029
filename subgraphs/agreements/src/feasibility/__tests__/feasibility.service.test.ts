import type { Identity } from "@itsm/kit";
import { sampleId } from "@itsm/kit";
import { dataOf, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { sampleAgreements } from "../../sample/agreements.sample";
import { AgreementsHarness, coverage, failure } from "../../__tests__/support/agreements";
import { sampleClosureOf } from "../../__tests__/support/fake-peers";

const t = new AgreementsHarness();

const FEASIBILITY = `feasibility { status composedValue explanation
  weakestLinks { service { id } agreement { number } chain { number } value unit }
  missingUnderpinnings { id }
  uncoveredHours { timeZone weekly { day from to } hoursPerWeek dates description } }`;

interface FeasibilityView {
  status: string;
  composedValue: number | null;
  explanation: string;
  weakestLinks: {
    service: { id: string };
    agreement: { number: string } | null;
    chain: { number: string }[];
    value: number;
    unit: string;
  }[];
  missingUnderpinnings: { id: string }[];
  uncoveredHours: { weekly: { day: string; from: string; to: string }[]; hoursPerWeek: number } | null;
}

interface TargetWithFeasibility {
  metric: string;
  priority: string | null;
  service: { id: string };
  feasibility: FeasibilityView | null;
}

async function targetsOf(
  number: string,
  identity: Identity = TEST_IDENTITIES.analyst,
): Promise<TargetWithFeasibility[]> {
  const result = await t.query(
    `query ($number: String!) { agreementByNumber(number: $number) {
       targets { metric priority service { id } ${FEASIBILITY} } } }`,
    { number },
    identity,
  );
  return dataOf<{ targets: TargetWithFeasibility[] }>(result, "agreementByNumber").targets;
}

/** The availability a sample agreement sets for a service, read from the sample definition. */
function availabilityIn(number: string, serviceCode: string): number {
  const agreement = sampleAgreements.find((a) => a.number === number)!;
  const target = agreement.targets.find((x) => x.serviceCode === serviceCode && x.metric === "AVAILABILITY");
  if (!target) throw new Error(`${number} sets no availability for ${serviceCode}`);
  return target.value;
}

describe("feasibility of the sample", () => {
  it("composes the ERP SLA's availability from the OLAs and the contract behind its dependencies", async () => {
    const erp = (await targetsOf("SLA-2025-006")).find((x) => x.metric === "AVAILABILITY")!;
    // Independently from the sample: ERP itself has no underpinning; its dependencies (catalog) are
    // hosted, databases, backup and sign-in by OLA-2025-008, and the WAN by OLA-2025-003, which is
    // only as good as NetCo's contract UC-2026-001 behind it.
    expect(new Set(sampleClosureOf("ERP"))).toEqual(new Set(["DB_PLATFORM", "HOSTING", "IDENTITY", "BACKUP", "WAN"]));
    const factors = [
      availabilityIn("OLA-2025-008", "HOSTING"),
      availabilityIn("OLA-2025-008", "DB_PLATFORM"),
      availabilityIn("OLA-2025-008", "BACKUP"),
      availabilityIn("OLA-2025-008", "IDENTITY"),
      Math.min(availabilityIn("OLA-2025-003", "WAN"), availabilityIn("UC-2026-001", "WAN")),
    ];
    const expected = factors.reduce((product, value) => product * (value / 100), 1) * 100;
    const promised = availabilityIn("SLA-2025-006", "ERP");
    expect(erp.feasibility?.composedValue).toBeCloseTo(expected, 6);
    expect(expected).toBeLessThan(promised);
    expect(erp.feasibility?.status).toBe("UNSUPPORTED");
    expect(erp.feasibility?.weakestLinks).toHaveLength(5);
    expect(erp.feasibility?.weakestLinks[0]).toMatchObject({
      service: { id: sampleId.service("WAN") },
      chain: [{ number: "OLA-2025-003" }, { number: "UC-2026-001" }],
      value: Math.min(availabilityIn("OLA-2025-003", "WAN"), availabilityIn("UC-2026-001", "WAN")),
      unit: "PERCENT",
    });
    expect(erp.feasibility?.missingUnderpinnings).toEqual([]);
    expect(erp.feasibility?.uncoveredHours).toBeNull();
  });

  it("finds the hours NetCo does not cover behind the 24x7 network OLA (a time target, through the chain)", async () => {
    const lan = (await targetsOf("OLA-2025-003")).find((x) => x.metric === "RESOLUTION_TIME" && x.priority === "P2")!;
    expect(lan.feasibility).toMatchObject({ status: "UNSUPPORTED", composedValue: 6 });
    expect(lan.feasibility?.weakestLinks[0].agreement).toEqual({ number: "UC-2026-001" });
    expect(lan.feasibility?.uncoveredHours?.hoursPerWeek).toBe(168 - 6 * 13);
    expect(lan.feasibility?.uncoveredHours?.weekly).toContainEqual({ day: "SUN", from: "00:00", to: "24:00" });
    expect(lan.feasibility?.explanation).toContain("Mon–Sat 00:00–07:00 and 20:00–24:00; Sun 00:00–24:00");
  });

  it("is UNKNOWN, naming what has no underpinning, and null for metrics it does not judge", async () => {
    const webshop = await targetsOf("SLA-2024-007");
    const availability = webshop.find(
      (x) => x.metric === "AVAILABILITY" && x.service.id === sampleId.service("WEBSHOP"),
    )!;
    expect(availability.feasibility?.status).toBe("UNKNOWN");
    expect(availability.feasibility?.missingUnderpinnings).toContainEqual({ id: sampleId.service("ERP") });
    const payroll = await targetsOf("SLA-2024-009");
    expect(payroll.find((x) => x.metric === "CUSTOMER_SATISFACTION")?.feasibility).toBeNull();
  });

  it("lists every UNSUPPORTED target for staff, by agreement number, a page at a time", async () => {
    const query = `query ($after: String) { unsupportedTargets(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { target { id metric agreement { number } } feasibility { status } } } }`;
    const seen: { target: { id: string; agreement: { number: string } }; feasibility: { status: string } }[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const result = await t.query(query, { after });
      expect(result.errors).toBeUndefined();
      const page = result.data?.unsupportedTargets as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: typeof seen;
      };
      total = page.totalCount;
      seen.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((x) => x.target.id)).size).toBe(total);
    expect(seen.every((x) => x.feasibility.status === "UNSUPPORTED")).toBe(true);
    const numbers = seen.map((x) => x.target.agreement.number);
    expect(numbers).toEqual([...numbers].sort());
    expect(numbers).toEqual(expect.arrayContaining(["SLA-2025-006", "OLA-2025-003"]));

    const partner = await t.query(query, { after: null }, partnerIdentity("FINANCE"));
    expect(failure(partner, "FORBIDDEN")).toBeDefined();
  });

  it("shows a partner its own SLA's verdict without naming the OLAs behind it", async () => {
    const [erp] = (await targetsOf("SLA-2025-006", partnerIdentity("FINANCE"))).filter(
      (x) => x.metric === "AVAILABILITY",
    );
    expect(erp.feasibility?.status).toBe("UNSUPPORTED");
    expect(erp.feasibility?.weakestLinks.map((l) => l.agreement)).toEqual([null, null, null, null, null]);
    expect(erp.feasibility?.weakestLinks[0].chain).toEqual([]);
  });
});

describe("activation warns, and does not refuse", () => {
  it("answers activateAgreement with the targets its underpinnings cannot keep", async () => {
    const hosting = sampleId.service("HOSTING");
    const draft = await t.completeDraft({ services: [coverage(hosting)] }, () => [
      { metric: "AVAILABILITY", comparator: "AT_LEAST", value: 99.95, unit: "PERCENT" },
    ]);
    let revision = draft.revision;
    for (const number of ["OLA-2025-008", "OLA-2025-003"]) {
      const linked = await t.ok("linkUnderpinning", {
        agreementId: draft.id,
        underpinningId: sampleId.agreement(number),
        expectedRevision: revision,
      });
      revision = linked.revision;
    }
    const result = await t.server.execute(
      `mutation ($input: AgreementRefInput!) { activateAgreement(input: $input) {
         status feasibilityFindings { metric ${FEASIBILITY} } } }`,
      { input: { id: draft.id, expectedRevision: revision } },
      TEST_IDENTITIES.editor,
    );
    expect(result.errors).toBeUndefined();
    const activated = result.data?.activateAgreement as {
      status: string;
      feasibilityFindings: { metric: string; feasibility: FeasibilityView }[];
    };
    expect(activated.status).toBe("ACTIVE");
    const expected = (availabilityIn("OLA-2025-008", "HOSTING") / 100) * availabilityIn("OLA-2025-003", "WAN");
    expect(activated.feasibilityFindings).toHaveLength(1);
    expect(activated.feasibilityFindings[0].metric).toBe("AVAILABILITY");
    expect(activated.feasibilityFindings[0].feasibility.status).toBe("UNSUPPORTED");
    expect(activated.feasibilityFindings[0].feasibility.composedValue).toBeCloseTo(expected, 6);
  });
});
