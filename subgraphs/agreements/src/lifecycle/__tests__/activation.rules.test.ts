import { AgreementType } from "../../agreements/agreement.enums";
import { Party } from "../../responsibilities/responsibility.enums";
import { Comparator, Priority, TargetMetric, TargetUnit } from "../../targets/target.enums";
import type { ComparedTarget } from "../../targets/target.rules";
import type { ActivationFacts } from "../activation.rules";
import { activationProblems } from "../activation.rules";

const TODAY = "2026-06-15";

const p1Resolution = (serviceId: string, value: number, unit: TargetUnit = TargetUnit.HOURS): ComparedTarget => ({
  serviceId,
  metric: TargetMetric.RESOLUTION_TIME,
  comparator: Comparator.AT_MOST,
  value,
  unit,
  priority: Priority.P1,
});

/** An SLA that may be activated: one covered service with a target, a customer, both parties' duties. */
function complete(overrides: Partial<ActivationFacts> = {}): ActivationFacts {
  return {
    agreement: { number: "SLA-1", type: AgreementType.SLA, effectiveTo: "2027-01-01" },
    coverage: [{ serviceId: "wan" }],
    customerIds: ["finance"],
    targets: [p1Resolution("wan", 4)],
    responsibilities: [{ party: Party.PROVIDER }, { party: Party.CUSTOMER }],
    counterparts: [],
    ...overrides,
  };
}

/** An OLA (no customers, open-ended) that may be activated. */
const completeOla = (overrides: Partial<ActivationFacts> = {}) =>
  complete({
    agreement: { number: "OLA-1", type: AgreementType.OLA, effectiveTo: null },
    customerIds: [],
    ...overrides,
  });

describe("activationProblems", () => {
  it("finds nothing wrong with a complete agreement", () => {
    expect(activationProblems(complete(), TODAY)).toEqual([]);
  });

  it("needs a covered service", () => {
    expect(activationProblems(complete({ coverage: [], targets: [] }), TODAY)).toEqual(["it covers no service"]);
  });

  it("needs a customer for an SLA, and none for an OLA", () => {
    expect(activationProblems(complete({ customerIds: [] }), TODAY)).toEqual(["an SLA needs at least one customer"]);
    expect(activationProblems(completeOla(), TODAY)).toEqual([]);
  });

  it("needs a target for every covered service", () => {
    const facts = complete({ coverage: [{ serviceId: "wan" }, { serviceId: "lan" }] });
    expect(activationProblems(facts, TODAY)).toEqual(['service "lan" has no service level target']);
  });

  it("needs a responsibility of each party", () => {
    expect(activationProblems(complete({ responsibilities: [{ party: Party.CUSTOMER }] }), TODAY)).toEqual([
      "no responsibility of the provider",
    ]);
    expect(activationProblems(complete({ responsibilities: [] }), TODAY)).toEqual([
      "no responsibility of the provider",
      "no responsibility of the customer",
    ]);
  });

  it("refuses an agreement that has already ended, not one ending today or open-ended", () => {
    const ending = (effectiveTo: string | null) =>
      complete({ agreement: { number: "SLA-1", type: AgreementType.SLA, effectiveTo } });
    expect(activationProblems(ending("2026-06-14"), TODAY)).toEqual(["it ended on 2026-06-14"]);
    expect(activationProblems(ending(TODAY), TODAY)).toEqual([]);
    expect(activationProblems(ending(null), TODAY)).toEqual([]);
  });

  it("holds an SLA's underpinnings to its targets (an OLA's 5 HOURS against the SLA's 240 MINUTES)", () => {
    const facts = complete({
      targets: [p1Resolution("wan", 240, TargetUnit.MINUTES)],
      counterparts: [
        { number: "OLA-OK", targets: [p1Resolution("wan", 4)] },
        { number: "OLA-LAX", targets: [p1Resolution("wan", 5)] },
      ],
    });
    expect(activationProblems(facts, TODAY)).toEqual([
      'OLA-LAX is less strict than SLA-1 for RESOLUTION_TIME P1 of service "wan" (AT_MOST 5 HOURS against AT_MOST 240 MINUTES)',
    ]);
  });

  it("holds an OLA to the targets of the SLAs it underpins", () => {
    const facts = completeOla({
      targets: [p1Resolution("wan", 5)],
      counterparts: [{ number: "SLA-1", targets: [p1Resolution("wan", 4)] }],
    });
    expect(activationProblems(facts, TODAY)).toEqual([
      'OLA-1 is less strict than SLA-1 for RESOLUTION_TIME P1 of service "wan" (AT_MOST 5 HOURS against AT_MOST 4 HOURS)',
    ]);
  });

  it("holds an OLA to the SLAs above it and the contracts behind it to the OLA (a chain)", () => {
    const facts = completeOla({
      targets: [p1Resolution("wan", 3)],
      counterparts: [
        { number: "SLA-1", targets: [p1Resolution("wan", 4)], behind: false },
        { number: "UC-1", targets: [p1Resolution("wan", 6)], behind: true },
      ],
    });
    expect(activationProblems(facts, TODAY)).toEqual([
      'UC-1 is less strict than OLA-1 for RESOLUTION_TIME P1 of service "wan" (AT_MOST 6 HOURS against AT_MOST 3 HOURS)',
    ]);
  });

  it("lists every problem at once, content first, strictness last", () => {
    const facts = complete({
      agreement: { number: "SLA-1", type: AgreementType.SLA, effectiveTo: "2026-01-01" },
      coverage: [{ serviceId: "wan" }, { serviceId: "lan" }],
      customerIds: [],
      responsibilities: [],
      counterparts: [{ number: "OLA-1", targets: [p1Resolution("wan", 8)] }],
    });
    expect(activationProblems(facts, TODAY)).toEqual([
      "an SLA needs at least one customer",
      'service "lan" has no service level target',
      "no responsibility of the provider",
      "no responsibility of the customer",
      "it ended on 2026-01-01",
      'OLA-1 is less strict than SLA-1 for RESOLUTION_TIME P1 of service "wan" (AT_MOST 8 HOURS against AT_MOST 4 HOURS)',
    ]);
  });
});

describe("activationProblems with signatures required", () => {
  const sha = "a".repeat(64);
  const signatures = (
    signed: { party: Party; partyId: string; documentSha256: string }[],
    type: AgreementType = AgreementType.SLA,
  ) => ({
    type,
    providerId: "corp-it",
    customerIds: ["sales", "finance"],
    documentSha256: sha,
    signatures: signed,
  });

  it("lists the provider's and every customer's missing signature of the current terms, after the other problems", () => {
    const facts = complete({
      responsibilities: [{ party: Party.PROVIDER }],
      signatures: signatures([
        { party: Party.CUSTOMER, partyId: "finance", documentSha256: sha },
        // A signature of earlier terms, or by another party, does not count.
        { party: Party.CUSTOMER, partyId: "sales", documentSha256: "b".repeat(64) },
        { party: Party.PROVIDER, partyId: "ssc", documentSha256: sha },
      ]),
    });
    expect(activationProblems(facts, TODAY)).toEqual([
      "no responsibility of the customer",
      `no signature of the provider "corp-it" on the current terms (${sha})`,
      `no signature of customer "sales" on the current terms (${sha})`,
    ]);
  });

  it("finds nothing missing once every party signed, and asks no signature of an OLA", () => {
    const all = [
      { party: Party.PROVIDER, partyId: "corp-it", documentSha256: sha },
      { party: Party.CUSTOMER, partyId: "finance", documentSha256: sha },
      { party: Party.CUSTOMER, partyId: "sales", documentSha256: sha },
    ];
    expect(activationProblems(complete({ signatures: signatures(all) }), TODAY)).toEqual([]);
    const ola = complete({
      agreement: { number: "OLA-1", type: AgreementType.OLA, effectiveTo: null },
      signatures: signatures([], AgreementType.OLA),
    });
    expect(activationProblems(ola, TODAY)).toEqual([]);
  });
});
