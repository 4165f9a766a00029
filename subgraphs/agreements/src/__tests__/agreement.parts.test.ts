import { sampleId, stableId } from "@itsm/kit";
import { expectInvalidFields, historyEntry } from "@itsm/kit/testing";
import type { AgreementView, MutationName } from "./support/agreements";
import { AgreementsHarness, agreementOf, coverage, failure, FINANCE, invalidPaths, json } from "./support/agreements";

const t = new AgreementsHarness();

const SALES = sampleId.customer("SALES");
const PRINT = sampleId.service("PRINT"); // RETIRED in the catalog
const STADTWERKE = sampleId.customer("STADTWERKE_RHEINTAL"); // INACTIVE in the customers subgraph
const ACTIVE_SLA = sampleId.agreement("SLA-2026-001");

const target = (agreement: AgreementView, extra: Record<string, unknown> = {}) => ({
  agreementId: agreement.id,
  serviceId: agreement.services[0].id,
  metric: "AVAILABILITY",
  comparator: "AT_LEAST",
  value: 99.5,
  unit: "PERCENT",
  description: "Monthly availability.",
  ...extra,
});

/** The input of a responsibility of `agreement`: the provider's security patching, unless told. */
const responsibility = (agreement: AgreementView, extra: Record<string, unknown> = {}) => ({
  agreementId: agreement.id,
  party: "PROVIDER",
  category: "SECURITY",
  description: "Patches within 14 days.",
  ...extra,
});

describe("addAgreementService", () => {
  it("covers another service, bumps the revision and records the service", async () => {
    const draft = await t.createDraft();
    const service = t.newService();
    const updated = await t.ok("addAgreementService", {
      agreementId: draft.id,
      expectedRevision: 1,
      ...coverage(service, { description: "Webshop.", monthlyCharge: { amount: "99", currency: "CHF" } }),
    });
    expect(updated).toMatchObject({ revision: 2, version: 1, status: "DRAFT" });
    expect(updated.services.map((s) => s.id).sort()).toEqual([draft.services[0].id, service].sort());
    expect(updated.coverage.find((c) => c.service.id === service)).toEqual({
      service: { id: service },
      description: "Webshop.",
      serviceHours: "24x7",
      monthlyCharge: { amount: "99.00", currency: "CHF" },
    });
    expect(updated.history[0]).toEqual(historyEntry("service added", 2, { services: [null, service] }));
    expect(await t.read(draft.id)).toEqual(updated);
  });

  it("refuses a service already covered", async () => {
    const draft = await t.createDraft();
    const result = await t.refused(
      "addAgreementService",
      { agreementId: draft.id, ...coverage(draft.services[0].id) },
      "CONFLICT",
    );
    expect(result.message).toBe(`Agreement ${draft.number} already covers service "${draft.services[0].id}"`);
  });

  it("refuses unknown and RETIRED services with INVALID_REFERENCE, and fails when the catalog is down", async () => {
    const draft = await t.createDraft();
    const before = await t.snapshot();
    const unknown = await t.execute("addAgreementService", { agreementId: draft.id, ...coverage("no-such-service") });
    expect(failure(unknown, "INVALID_REFERENCE").message).toBe(
      'Invalid references: Service "no-such-service" does not exist',
    );
    const retired = await t.execute("addAgreementService", { agreementId: draft.id, ...coverage(PRINT) });
    expect(failure(retired, "INVALID_REFERENCE").extensions?.invalid).toEqual([
      { typeName: "Service", id: PRINT, reason: "PRINT is RETIRED" },
    ]);
    // The catalog's answer counts, not what the agreements subgraph knew before.
    const service = t.newService();
    t.peers.services.set(service, { code: "RETIRED_MEANWHILE", lifecycle: "RETIRED" });
    const meanwhile = await t.execute("addAgreementService", { agreementId: draft.id, ...coverage(service) });
    failure(meanwhile, "INVALID_REFERENCE");
    t.peers.mode.catalog = "errors";
    const down = await t.execute("addAgreementService", { agreementId: draft.id, ...coverage(t.newService()) });
    expect(failure(down, "SERVICE_UNAVAILABLE").extensions?.serviceName).toBe("catalog");
    expect(await t.snapshot()).toEqual(before);
  });

  it("rejects invalid coverage with BAD_USER_INPUT", async () => {
    const invalid = {
      expectedRevision: 0,
      description: "",
      serviceHours: "x",
      monthlyCharge: { amount: "-5", currency: "EURO" },
    };
    const agreementId = sampleId.agreement("SLA-2026-004");
    const result = await t.execute("addAgreementService", { agreementId, serviceId: t.newService(), ...invalid });
    expectInvalidFields(result, invalid);
  });

  it("never stores a currency code other than in upper case", async () => {
    // "eur" is not an ISO 4217 code as written: refusing it or storing "EUR" are both fine.
    const draft = await t.createDraft();
    const service = t.newService();
    const result = await t.execute("addAgreementService", {
      agreementId: draft.id,
      ...coverage(service, { monthlyCharge: { amount: "10", currency: "eur" } }),
    });
    if (result.errors) expect(invalidPaths(result)).toEqual(["input.monthlyCharge.currency"]);
    else {
      const added = agreementOf(result, "addAgreementService").coverage.find((c) => c.service.id === service);
      expect(added?.monthlyCharge).toEqual({ amount: "10.00", currency: "EUR" });
    }
  });

  it("answers an unknown agreement with NOT_FOUND and a stale revision with CONFLICT", async () => {
    const draft = await t.createDraft();
    await t.ok("updateAgreement", { id: draft.id, expectedRevision: 1, title: "Moved On" });
    const before = await t.snapshot();
    const stale = await t.execute("addAgreementService", {
      agreementId: draft.id,
      expectedRevision: 1,
      ...coverage(t.newService()),
    });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    const unknown = await t.execute("addAgreementService", {
      agreementId: "no-such-agreement",
      ...coverage(t.newService()),
    });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Agreement "no-such-agreement" does not exist');
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("removeAgreementService", () => {
  it("removes a covered service with its targets, bumps the revision and records the service", async () => {
    const [kept, removed] = [t.newService(), t.newService()];
    const draft = await t.completeDraft({ services: [coverage(kept), coverage(removed)] });
    expect(draft.targets).toHaveLength(2);
    const updated = await t.ok("removeAgreementService", {
      agreementId: draft.id,
      serviceId: removed,
      expectedRevision: draft.revision,
    });
    expect(updated).toMatchObject({ revision: draft.revision + 1, services: [{ id: kept }] });
    expect(updated.targets.map((x) => x.service.id)).toEqual([kept]);
    expect(updated.history[0]).toMatchObject({
      actor: "test-editor",
      action: "service removed",
      version: draft.revision + 1,
      changes: [{ field: "services", from: json(removed), to: null }],
    });
    const rows = await t.server.dataSource.query(
      "SELECT id FROM service_level_targets WHERE agreementId = ? AND serviceId = ?",
      [draft.id, removed],
    );
    expect(rows).toEqual([]);
  });

  it("answers a service the agreement does not cover with NOT_FOUND, and asks nobody", async () => {
    const draft = await t.createDraft();
    const asked = t.peers.requests.length;
    const result = await t.refused(
      "removeAgreementService",
      { agreementId: draft.id, serviceId: "not-covered" },
      "NOT_FOUND",
    );
    expect(result.message).toBe(`Service covered by ${draft.number} "not-covered" does not exist`);
    expect(t.peers.requests).toHaveLength(asked);
  });
});

describe("addAgreementCustomer", () => {
  it("makes a customer party to a DRAFT SLA, bumps the revision and records the customer", async () => {
    const draft = await t.createDraft({ customerIds: [FINANCE] });
    const updated = await t.ok("addAgreementCustomer", {
      agreementId: draft.id,
      customerId: SALES,
      expectedRevision: 1,
    });
    expect(updated).toMatchObject({ revision: 2, customers: [FINANCE, SALES].sort().map((id) => ({ id })) });
    expect(updated.history[0]).toEqual(historyEntry("customer added", 2, { customers: [null, SALES] }));
  });

  it("refuses a customer already party, and customers of OLAs and contracts", async () => {
    const sla = await t.createDraft({ customerIds: [FINANCE] });
    const ola = await t.createDraft({ type: "OLA" });
    const uc = await t.createDraft({ type: "UNDERPINNING_CONTRACT" });
    const before = await t.snapshot();
    const twice = await t.execute("addAgreementCustomer", { agreementId: sla.id, customerId: FINANCE });
    expect(failure(twice, "CONFLICT").message).toBe(`Customer "${FINANCE}" is already party to ${sla.number}`);
    for (const [agreement, type] of [
      [ola, "OLA"],
      [uc, "UNDERPINNING_CONTRACT"],
    ] as const) {
      const result = await t.execute("addAgreementCustomer", { agreementId: agreement.id, customerId: SALES });
      expect(failure(result, "CONFLICT").message).toBe(
        `Agreement ${agreement.number} is an ${type}: only SLAs have customers`,
      );
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it("refuses unknown and INACTIVE customers with INVALID_REFERENCE, and fails when the customers subgraph is down", async () => {
    const draft = await t.createDraft();
    const before = await t.snapshot();
    const unknown = await t.execute("addAgreementCustomer", { agreementId: draft.id, customerId: "no-such-customer" });
    expect(failure(unknown, "INVALID_REFERENCE").extensions?.invalid).toEqual([
      { typeName: "Customer", id: "no-such-customer", reason: "does not exist" },
    ]);
    const inactive = await t.execute("addAgreementCustomer", { agreementId: draft.id, customerId: STADTWERKE });
    expect(failure(inactive, "INVALID_REFERENCE").message).toBe(
      `Invalid references: Customer "${STADTWERKE}" STADTWERKE_RHEINTAL is INACTIVE`,
    );
    t.peers.mode.customers = "drop";
    const down = await t.execute("addAgreementCustomer", { agreementId: draft.id, customerId: SALES });
    expect(failure(down, "SERVICE_UNAVAILABLE").extensions?.serviceName).toBe("customers");
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("removeAgreementCustomer", () => {
  it("removes a customer, bumps the revision and records the customer", async () => {
    const draft = await t.createDraft({ customerIds: [FINANCE, SALES] });
    const updated = await t.ok("removeAgreementCustomer", {
      agreementId: draft.id,
      customerId: FINANCE,
      expectedRevision: 1,
    });
    expect(updated).toMatchObject({ revision: 2, customers: [{ id: SALES }] });
    expect(updated.history[0]).toMatchObject({
      action: "customer removed",
      actor: "test-editor",
      changes: [{ field: "customers", from: json(FINANCE), to: null }],
    });
  });

  it("answers a customer not party with NOT_FOUND and a stale revision with CONFLICT", async () => {
    const draft = await t.createDraft({ customerIds: [FINANCE] });
    const before = await t.snapshot();
    const missing = await t.execute("removeAgreementCustomer", { agreementId: draft.id, customerId: SALES });
    expect(failure(missing, "NOT_FOUND").message).toBe(`Customer of ${draft.number} "${SALES}" does not exist`);
    const stale = await t.execute("removeAgreementCustomer", {
      agreementId: draft.id,
      customerId: FINANCE,
      expectedRevision: 2,
    });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({ expectedVersion: 2, currentVersion: 1 });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("setTarget", () => {
  it("sets a target of a covered service, bumps the revision and records it", async () => {
    const draft = await t.createDraft();
    const service = draft.services[0].id;
    const updated = await t.ok("setTarget", { ...target(draft), expectedRevision: 1, period: "QUARTER" });
    expect(updated.revision).toBe(2);
    expect(updated.targets).toEqual([
      {
        id: expect.any(String),
        service: { id: service },
        metric: "AVAILABILITY",
        comparator: "AT_LEAST",
        value: 99.5,
        unit: "PERCENT",
        priority: null,
        period: "QUARTER",
        description: "Monthly availability.",
      },
    ]);
    expect(updated.history[0]).toEqual(
      historyEntry("target set", 2, { targets: [null, `AVAILABILITY of service ${service}: AT_LEAST 99.5 PERCENT`] }),
    );
  });

  it("replaces the target for the same service, metric and priority, and adds one for another priority", async () => {
    const draft = await t.createDraft();
    const service = draft.services[0].id;
    const p1 = { metric: "RESOLUTION_TIME", comparator: "AT_MOST", unit: "HOURS", priority: "P1" };
    const first = await t.ok("setTarget", target(draft, { ...p1, value: 4 }));
    const [original] = first.targets;
    const changed = await t.ok("setTarget", target(draft, { ...p1, value: 2, description: "Faster." }));
    expect(changed.revision).toBe(3);
    expect(changed.targets).toEqual([{ ...original, value: 2, description: "Faster." }]);
    expect(changed.history[0]).toMatchObject({
      action: "target changed",
      version: 3,
      changes: [
        {
          field: "targets",
          from: json(`RESOLUTION_TIME P1 of service ${service}: AT_MOST 4 HOURS`),
          to: json(`RESOLUTION_TIME P1 of service ${service}: AT_MOST 2 HOURS`),
        },
      ],
    });
    // Another priority, and no priority at all, are other targets.
    await t.ok("setTarget", target(draft, { ...p1, priority: "P2", value: 8 }));
    const all = await t.ok("setTarget", target(draft, { ...p1, priority: null, value: 24 }));
    expect(all.targets.map((x) => [x.priority, x.value])).toEqual([
      [null, 24],
      ["P1", 2],
      ["P2", 8],
    ]);
    // …and setting the one without priority again replaces it, not the others.
    const again = await t.ok("setTarget", target(draft, { ...p1, priority: null, value: 12 }));
    expect(again.targets.map((x) => [x.priority, x.value])).toEqual([
      [null, 12],
      ["P1", 2],
      ["P2", 8],
    ]);
    expect(again.history[0].action).toBe("target changed");
  });

  it.each([
    ["AVAILABILITY", "AT_LEAST", 0, "PERCENT"],
    ["AVAILABILITY", "AT_LEAST", 100, "PERCENT"],
    ["FIRST_CONTACT_RESOLUTION", "AT_LEAST", 70, "PERCENT"],
    ["CHANGE_SUCCESS_RATE", "AT_LEAST", 95, "PERCENT"],
    ["RESPONSE_TIME", "AT_MOST", 30, "SECONDS"],
    ["RESOLUTION_TIME", "AT_MOST", 0.5, "DAYS"],
    ["RECOVERY_TIME_OBJECTIVE", "AT_MOST", 4, "HOURS"],
    ["RECOVERY_POINT_OBJECTIVE", "AT_MOST", 15, "MINUTES"],
    ["CUSTOMER_SATISFACTION", "AT_LEAST", 4.2, "SCORE"],
    ["CUSTOMER_SATISFACTION", "AT_MOST", 2, "SCORE"],
  ])("accepts %s %s %p %s", async (metric, comparator, value, unit) => {
    const draft = await t.createDraft();
    const updated = await t.ok("setTarget", target(draft, { metric, comparator, value, unit }));
    expect(updated.targets).toMatchObject([{ metric, comparator, value, unit }]);
  });

  it.each([
    [
      "AVAILABILITY",
      "AT_MOST",
      101,
      "MINUTES",
      [
        ["unit", "AVAILABILITY is measured in PERCENT"],
        ["value", "AVAILABILITY must be between 0 and 100 percent (got 101)"],
        ["comparator", "AVAILABILITY is a floor: use AT_LEAST"],
      ],
    ],
    [
      "AVAILABILITY",
      "AT_LEAST",
      -0.1,
      "PERCENT",
      [["value", "AVAILABILITY must be between 0 and 100 percent (got -0.1)"]],
    ],
    ["CHANGE_SUCCESS_RATE", "AT_LEAST", 90, "SCORE", [["unit", "CHANGE_SUCCESS_RATE is measured in PERCENT"]]],
    [
      "RESPONSE_TIME",
      "AT_LEAST",
      0,
      "PERCENT",
      [
        ["unit", "RESPONSE_TIME is a duration: use SECONDS, MINUTES, HOURS or DAYS"],
        ["value", "RESPONSE_TIME must be greater than 0 (got 0)"],
        ["comparator", "RESPONSE_TIME is a ceiling: use AT_MOST"],
      ],
    ],
    ["RESOLUTION_TIME", "AT_MOST", -4, "HOURS", [["value", "RESOLUTION_TIME must be greater than 0 (got -4)"]]],
    [
      "RECOVERY_POINT_OBJECTIVE",
      "AT_MOST",
      1,
      "SCORE",
      [["unit", "RECOVERY_POINT_OBJECTIVE is a duration: use SECONDS, MINUTES, HOURS or DAYS"]],
    ],
    [
      "CUSTOMER_SATISFACTION",
      "AT_LEAST",
      0,
      "PERCENT",
      [
        ["unit", "CUSTOMER_SATISFACTION is a SCORE"],
        ["value", "CUSTOMER_SATISFACTION must be greater than 0 (got 0)"],
      ],
    ],
  ])(
    "rejects %s %s %p %s with BAD_USER_INPUT naming each problem",
    async (metric, comparator, value, unit, problems) => {
      const draft = await t.createDraft();
      const before = await t.snapshot();
      const result = await t.execute("setTarget", target(draft, { metric, comparator, value, unit }));
      expect(invalidPaths(result)).toEqual(problems.map(([field]) => `input.${field}`));
      expect(result.errors?.[0].extensions?.fields).toEqual(
        problems.map(([field, message]) => ({ path: `input.${field}`, messages: [message] })),
      );
      expect(result.errors?.[0].message).toBe(`Invalid target: ${problems.map(([, message]) => message).join("; ")}`);
      expect(await t.snapshot()).toEqual(before);
    },
  );

  it("rejects an empty description and a bad revision with BAD_USER_INPUT", async () => {
    const draft = await t.createDraft();
    const result = await t.execute("setTarget", target(draft, { description: "", expectedRevision: 0 }));
    expect(invalidPaths(result)).toEqual(["input.description", "input.expectedRevision"]);
  });

  it("refuses a target for a service the agreement does not cover", async () => {
    const draft = await t.createDraft();
    const other = t.newService();
    const result = await t.refused("setTarget", target(draft, { serviceId: other }), "CONFLICT");
    expect(result.message).toBe(`Agreement ${draft.number} does not cover service "${other}": add it first`);
  });

  it("rejects a stale revision with CONFLICT and writes nothing", async () => {
    const draft = await t.createDraft();
    await t.ok("setTarget", target(draft));
    const result = await t.refused("setTarget", target(draft, { value: 99.9, expectedRevision: 1 }), "CONFLICT");
    expect(result.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
  });
});

describe("removeTarget", () => {
  it("removes a target, bumps the revision and records what was removed", async () => {
    const draft = await t.createDraft();
    const service = draft.services[0].id;
    await t.ok("setTarget", target(draft));
    const set = await t.ok(
      "setTarget",
      target(draft, { metric: "RESPONSE_TIME", comparator: "AT_MOST", value: 15, unit: "MINUTES", priority: "P1" }),
    );
    const removedTarget = set.targets.find((x) => x.metric === "RESPONSE_TIME") as { id: string };
    const updated = await t.ok("removeTarget", { id: removedTarget.id, expectedRevision: 3 });
    expect(updated).toMatchObject({ id: draft.id, revision: 4 });
    expect(updated.targets.map((x) => x.metric)).toEqual(["AVAILABILITY"]);
    expect(updated.history[0]).toEqual(
      historyEntry("target removed", 4, { targets: [`RESPONSE_TIME P1 of service ${service}`, null] }),
    );
  });

  it("answers an unknown or removed target with NOT_FOUND, a stale revision with CONFLICT", async () => {
    const draft = await t.createDraft();
    const [set] = (await t.ok("setTarget", target(draft))).targets;
    const stale = await t.refused("removeTarget", { id: set.id, expectedRevision: 1 }, "CONFLICT");
    expect(stale.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    await t.ok("removeTarget", { id: set.id });
    const again = await t.execute("removeTarget", { id: set.id });
    expect(failure(again, "NOT_FOUND").message).toBe(`ServiceLevelTarget "${set.id}" does not exist`);
  });
});

describe("addResponsibility", () => {
  it("adds a responsibility, bumps the revision and records it", async () => {
    const draft = await t.createDraft();
    const updated = await t.ok(
      "addResponsibility",
      responsibility(draft, {
        expectedRevision: 1,
        party: "CUSTOMER",
        category: "COMMUNICATION",
        description: "Names a single point of contact.",
      }),
    );
    expect(updated).toMatchObject({
      revision: 2,
      responsibilities: [
        {
          id: expect.any(String),
          party: "CUSTOMER",
          category: "COMMUNICATION",
          description: "Names a single point of contact.",
        },
      ],
    });
    expect(updated.history[0]).toEqual(
      historyEntry("responsibility added", 2, {
        responsibilities: [null, "CUSTOMER: Names a single point of contact."],
      }),
    );
  });

  it("rejects invalid input with BAD_USER_INPUT", async () => {
    const draft = await t.createDraft();
    const result = await t.execute(
      "addResponsibility",
      responsibility(draft, { expectedRevision: 0, category: "SUPPORT", description: "ok" }),
    );
    expect(invalidPaths(result)).toEqual(["input.description", "input.expectedRevision"]);
    const badParty = await t.execute(
      "addResponsibility",
      responsibility(draft, { party: "SUPPLIER", category: "SUPPORT", description: "Does things." }),
    );
    expect(badParty.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("removeResponsibility", () => {
  it("removes a responsibility, bumps the revision and records it", async () => {
    const draft = await t.createDraft();
    const added = await t.ok("addResponsibility", responsibility(draft));
    const updated = await t.ok("removeResponsibility", { id: added.responsibilities[0].id, expectedRevision: 2 });
    expect(updated).toMatchObject({ revision: 3, responsibilities: [] });
    expect(updated.history[0]).toMatchObject({
      action: "responsibility removed",
      actor: "test-editor",
      version: 3,
      changes: [{ field: "responsibilities", from: json("PROVIDER: Patches within 14 days."), to: null }],
    });
  });

  it("answers an unknown responsibility with NOT_FOUND, a stale revision with CONFLICT", async () => {
    const draft = await t.createDraft();
    const added = await t.ok("addResponsibility", responsibility(draft));
    const before = await t.snapshot();
    const stale = await t.execute("removeResponsibility", { id: added.responsibilities[0].id, expectedRevision: 1 });
    failure(stale, "CONFLICT");
    const unknown = await t.execute("removeResponsibility", { id: "no-such-responsibility" });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Responsibility "no-such-responsibility" does not exist');
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("linkUnderpinning and unlinkUnderpinning", () => {
  it("links a DRAFT SLA to an OLA, bumping both revisions and recording the link on both sides", async () => {
    const sla = await t.createDraft();
    const ola = await t.createDraft({ type: "OLA" });
    const linked = await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: ola.id, expectedRevision: 1 });
    expect(linked).toMatchObject({
      id: sla.id,
      revision: 2,
      underpinnedBy: [{ id: ola.id, number: ola.number }],
      underpins: [],
    });
    expect(linked.history[0]).toEqual(historyEntry("underpinning linked", 2, { underpinnedBy: [null, ola.number] }));
    const underpinning = await t.read(ola.id);
    expect(underpinning).toMatchObject({ revision: 2, underpins: [{ id: sla.id, number: sla.number }] });
    expect(underpinning.history[0]).toMatchObject({
      action: "now underpins",
      actor: "test-editor",
      version: 2,
      changes: [{ field: "underpins", from: null, to: json(sla.number) }],
    });

    const unlinked = await t.ok("unlinkUnderpinning", {
      agreementId: sla.id,
      underpinningId: ola.id,
      expectedRevision: 2,
    });
    expect(unlinked).toMatchObject({ revision: 3, underpinnedBy: [] });
    expect(unlinked.history[0]).toMatchObject({
      action: "underpinning unlinked",
      changes: [{ field: "underpinnedBy", from: json(ola.number), to: null }],
    });
    const after = await t.read(ola.id);
    expect(after).toMatchObject({ revision: 3, underpins: [] });
    expect(after.history[0]).toMatchObject({
      action: "no longer underpins",
      changes: [{ field: "underpins", from: json(sla.number), to: null }],
    });
  });

  it("links when one side is ACTIVE and the other a DRAFT, but not two ACTIVE agreements", async () => {
    const activeOla = await t.activeAgreement({ type: "OLA" });
    const draftSla = await t.createDraft();
    const linked = await t.ok("linkUnderpinning", { agreementId: draftSla.id, underpinningId: activeOla.id });
    expect(linked.underpinnedBy).toEqual([{ id: activeOla.id, number: activeOla.number }]);
    const activeSla = await t.activeAgreement();
    const draftUc = await t.createDraft({ type: "UNDERPINNING_CONTRACT" });
    const other = await t.ok("linkUnderpinning", { agreementId: activeSla.id, underpinningId: draftUc.id });
    expect(other).toMatchObject({ status: "ACTIVE", underpinnedBy: [{ id: draftUc.id }] });

    const before = await t.snapshot();
    const both = await t.execute("linkUnderpinning", { agreementId: activeSla.id, underpinningId: activeOla.id });
    expect(failure(both, "CONFLICT").message).toBe(
      `${activeSla.number} and ${activeOla.number} are both ACTIVE: link a new version (reviseAgreement) instead`,
    );
    const sample = await t.execute("unlinkUnderpinning", {
      agreementId: sampleId.agreement("SLA-2025-012"),
      underpinningId: sampleId.agreement("OLA-2025-003"),
    });
    expect(failure(sample, "CONFLICT").message).toContain("are both ACTIVE");
    expect(await t.snapshot()).toEqual(before);
  });

  it("chains: a contract underpins an OLA", async () => {
    const ola = await t.createDraft({ type: "OLA" });
    const uc = await t.createDraft({ type: "UNDERPINNING_CONTRACT" });
    const linked = await t.ok("linkUnderpinning", { agreementId: ola.id, underpinningId: uc.id });
    expect(linked.underpinnedBy).toEqual([{ id: uc.id, number: uc.number }]);
  });

  it("refuses links the wrong way round, twice, or with ended agreements", async () => {
    const sla = await t.createDraft();
    const ola = await t.createDraft({ type: "OLA" });
    const otherSla = await t.createDraft();
    const otherOla = await t.createDraft({ type: "OLA" });
    const uc = await t.createDraft({ type: "UNDERPINNING_CONTRACT" });
    await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: ola.id });
    const before = await t.snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ agreementId: sla.id, underpinningId: ola.id }, "CONFLICT", `${ola.number} already underpins ${sla.number}`],
      [
        { agreementId: ola.id, underpinningId: sla.id },
        "CONFLICT",
        `${sla.number} is an SLA: only OLAs and underpinning contracts underpin other agreements`,
      ],
      [
        { agreementId: sla.id, underpinningId: otherSla.id },
        "CONFLICT",
        `${otherSla.number} is an SLA: only OLAs and underpinning contracts underpin other agreements`,
      ],
      [
        { agreementId: ola.id, underpinningId: otherOla.id },
        "CONFLICT",
        `${otherOla.number} is an OLA: only underpinning contracts underpin OLAs`,
      ],
      [
        { agreementId: uc.id, underpinningId: ola.id },
        "CONFLICT",
        `${uc.number} is an UNDERPINNING_CONTRACT: only SLAs and OLAs are underpinned`,
      ],
      [
        { agreementId: sla.id, underpinningId: sampleId.agreement("UC-2024-002") },
        "CONFLICT",
        "UC-2024-002 is TERMINATED: its links are kept as they were",
      ],
      [
        { agreementId: sampleId.agreement("SLA-2023-005"), underpinningId: ola.id },
        "CONFLICT",
        "SLA-2023-005 is EXPIRED: its links are kept as they were",
      ],
      [
        { agreementId: sla.id, underpinningId: "no-such-agreement" },
        "NOT_FOUND",
        'Agreement "no-such-agreement" does not exist',
      ],
      [
        { agreementId: "no-such-agreement", underpinningId: ola.id },
        "NOT_FOUND",
        'Agreement "no-such-agreement" does not exist',
      ],
      [{ agreementId: sla.id, underpinningId: ola.id, expectedRevision: 1 }, "CONFLICT", "has changed since version 1"],
    ];
    for (const [input, code, message] of cases) {
      const result = await t.execute("linkUnderpinning", input);
      expect(failure(result, code).message).toContain(message);
    }
    const notLinked = await t.execute("unlinkUnderpinning", { agreementId: otherSla.id, underpinningId: ola.id });
    expect(failure(notLinked, "NOT_FOUND").message).toBe(
      `Underpinning of ${otherSla.number} "${ola.id}" does not exist`,
    );
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("only DRAFTs are edited", () => {
  const service = sampleId.service("EMAIL");
  const attempts: [MutationName, Record<string, unknown>][] = [
    ["updateAgreement", { id: ACTIVE_SLA, expectedRevision: 1, title: "Edited In Force" }],
    ["addAgreementService", { agreementId: ACTIVE_SLA, ...coverage(sampleId.service("VPN")) }],
    ["removeAgreementService", { agreementId: ACTIVE_SLA, serviceId: service }],
    ["addAgreementCustomer", { agreementId: ACTIVE_SLA, customerId: sampleId.customer("ACME_RETAIL") }],
    ["removeAgreementCustomer", { agreementId: ACTIVE_SLA, customerId: FINANCE }],
    [
      "setTarget",
      {
        agreementId: ACTIVE_SLA,
        serviceId: service,
        metric: "AVAILABILITY",
        comparator: "AT_LEAST",
        value: 99.99,
        unit: "PERCENT",
        description: "Tighter.",
      },
    ],
    ["removeTarget", { id: stableId("ServiceLevelTarget", "SLA-2026-001:0") }],
    [
      "addResponsibility",
      { agreementId: ACTIVE_SLA, party: "PROVIDER", category: "REPORTING", description: "Reports monthly." },
    ],
    ["removeResponsibility", { id: stableId("Responsibility", "SLA-2026-001:0") }],
  ];

  it.each(attempts)("%s of an ACTIVE agreement is a CONFLICT pointing to reviseAgreement", async (name, input) => {
    const before = await t.snapshot();
    const result = await t.execute(name, input);
    const error = failure(result, "CONFLICT");
    expect(error.message).toBe(
      "Agreement SLA-2026-001 is ACTIVE: only DRAFT agreements are edited (reviseAgreement drafts a new version)",
    );
    expect(error.extensions?.status).toBe("ACTIVE");
    expect(await t.snapshot()).toEqual(before);
  });
});
