import { as, Graph, startedForSuite } from "./support/graph";
import { sampleAgreements, sampleServices } from "./support/sample";

// Promises the dependencies can keep, through the gateway: the catalog's real dependency closure,
// the agreements' underpinning chains, the verdicts on the sample.
const ANALYST = as("analyst");

type SampleAgreement = (typeof sampleAgreements)[number];

/** Every service `code` depends on at any depth, from the catalog sample. */
function closureOf(code: string): string[] {
  const found = new Set<string>();
  const walk = (c: string) => {
    for (const d of sampleServices.find((s) => s.code === c)?.dependsOn ?? []) {
      if (found.has(d)) continue;
      found.add(d);
      walk(d);
    }
  };
  walk(code);
  return [...found];
}

const byNumber = (number: string) => sampleAgreements.find((a) => a.number === number)!;
const activeBehind = (number: string) =>
  sampleAgreements.filter((a) => a.status === "ACTIVE" && a.underpins.includes(number));
const availability = (a: SampleAgreement, code: string) =>
  a.targets.find((t) => t.serviceCode === code && t.metric === "AVAILABILITY")?.value ?? null;

/** What an agreement can deliver for a service: its own availability, bounded by what is behind it. */
function bound(a: SampleAgreement, code: string): number | null {
  const own = availability(a, code);
  const deeper = activeBehind(a.number)
    .map((b) => bound(b, code))
    .filter((v): v is number => v !== null);
  const behind = deeper.length ? Math.max(...deeper) : null;
  if (own === null) return behind;
  return behind === null ? own : Math.min(own, behind);
}

interface Answer {
  agreementByNumber: {
    targets: {
      metric: string;
      service: { code: string };
      feasibility: {
        status: string;
        composedValue: number | null;
        weakestLinks: { service: { code: string }; agreement: { number: string } | null; value: number }[];
        missingUnderpinnings: { code: string }[];
      } | null;
    }[];
  };
}

const QUERY = `query ($number: String!) { agreementByNumber(number: $number) { targets { metric service { code }
  feasibility { status composedValue weakestLinks { service { code } agreement { number } value }
    missingUnderpinnings { code } } } } }`;

const graph = startedForSuite(new Graph());

describe("feasibility through the gateway", () => {
  it("composes the ERP SLA's availability along the catalog's dependency closure", async () => {
    const sla = byNumber("SLA-2025-006");
    const answer = await graph.query<Answer>(QUERY, { number: sla.number }, ANALYST);
    expect(answer.errors).toBeUndefined();
    const erp = answer.data!.agreementByNumber.targets.find((t) => t.metric === "AVAILABILITY")!;

    const services = ["ERP", ...closureOf("ERP")];
    const factors = services
      .map((code) => {
        const values = activeBehind(sla.number)
          .map((b) => bound(b, code))
          .filter((v): v is number => v !== null);
        return values.length ? Math.max(...values) : null;
      })
      .filter((v): v is number => v !== null);
    // ERP itself is the provider's own work; every dependency has an underpinning availability.
    expect(factors).toHaveLength(services.length - 1);
    const expected = factors.reduce((product, v) => product * (v / 100), 1) * 100;

    expect(erp.feasibility!.composedValue).toBeCloseTo(expected, 6);
    expect(erp.feasibility!.status).toBe(expected < availability(sla, "ERP")! ? "UNSUPPORTED" : "SUPPORTED");
    expect(new Set(erp.feasibility!.weakestLinks.map((l) => l.service.code))).toEqual(new Set(closureOf("ERP")));
    expect(erp.feasibility!.missingUnderpinnings).toEqual([]);
  });

  it("lists the sample's UNSUPPORTED targets for an analyst, and refuses a partner", async () => {
    const query = `{ unsupportedTargets(first: 100) { totalCount nodes { target { metric agreement { number } service { code } } } } }`;
    const answer = await graph.query<{
      unsupportedTargets: { totalCount: number; nodes: { target: { agreement: { number: string } } }[] };
    }>(query, {}, ANALYST);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.unsupportedTargets.totalCount).toBe(answer.data!.unsupportedTargets.nodes.length);
    expect(answer.data!.unsupportedTargets.nodes.map((n) => n.target.agreement.number)).toContain("SLA-2025-006");
    const partner = await graph.query(query, {}, as("partner", ["FINANCE"]));
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
