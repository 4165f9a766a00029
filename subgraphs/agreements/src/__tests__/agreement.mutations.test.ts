import { sampleId } from "@itsm/kit";
import {
  createdEntry,
  expectInvalidFields,
  expectStaleChangeRefused,
  expectUpdated,
  onlyOneConcurrentChangeWins,
} from "@itsm/kit/testing";
import type { AgreementView } from "./support/agreements";
import {
  AgreementsHarness,
  agreementOf,
  CORP_IT,
  coverage,
  day,
  failHistoryWrites,
  failure,
  FINANCE,
  invalidPaths,
  json,
} from "./support/agreements";

const t = new AgreementsHarness();

const SSC = sampleId.provider("SSC");
const SALES = sampleId.customer("SALES");
const PRINT = sampleId.service("PRINT"); // RETIRED in the catalog
const STADTWERKE = sampleId.customer("STADTWERKE_RHEINTAL"); // INACTIVE in the customers subgraph

describe("createAgreement", () => {
  it("creates a DRAFT at version 1 and revision 1 with its parties and coverage, and records who created it", async () => {
    const [email, web] = [t.newService(), t.newService()];
    // The values given, as the agreement and its "created" entry read them back.
    const terms = {
      number: t.nextNumber(),
      title: "Outlet Services SLA",
      description: "Covers the outlets.",
      type: "SLA",
    };
    const dates = { effectiveFrom: day(10), effectiveTo: day(375) };
    const result = await t.execute("createAgreement", {
      ...terms,
      ...dates,
      providerId: CORP_IT,
      customerIds: [SALES, FINANCE, SALES],
      services: [
        coverage(web, {
          description: "Ordering.",
          serviceHours: "Mon–Fri",
          monthlyCharge: { amount: "10.5", currency: "EUR" },
        }),
        coverage(email, { description: "Mail." }),
      ],
    });
    const agreement = agreementOf(result, "createAgreement");
    expect(agreement).toMatchObject({
      ...terms,
      status: "DRAFT",
      version: 1,
      revision: 1,
      ...dates,
      provider: { id: CORP_IT },
      customers: [FINANCE, SALES].sort().map((id) => ({ id })),
      services: [email, web].sort().map((id) => ({ id })),
      targets: [],
      responsibilities: [],
      underpinnedBy: [],
      underpins: [],
      supersedes: null,
      supersededBy: null,
    });
    expect(agreement.coverage).toEqual(
      [
        {
          service: { id: web },
          description: "Ordering.",
          serviceHours: "Mon–Fri",
          monthlyCharge: { amount: "10.50", currency: "EUR" },
        },
        { service: { id: email }, description: "Mail.", serviceHours: "24x7", monthlyCharge: null },
      ].sort((a, b) => a.service.id.localeCompare(b.service.id)),
    );
    expect(agreement.history).toEqual([
      createdEntry({ ...terms, status: "DRAFT", version: 1, ...dates, providerId: CORP_IT }),
    ]);
    expect(await t.read(agreement.id)).toEqual(agreement);
    const byNumber = await t.query("query ($n: String!) { agreementByNumber(number: $n) { id } }", {
      n: terms.number,
    });
    expect(byNumber.data?.agreementByNumber).toEqual({ id: agreement.id });
  });

  it("checks every reference with the subgraph that owns it", async () => {
    const service = t.newService();
    const asked = t.peers.requests.length;
    await t.createDraft({ services: [coverage(service)], customerIds: [FINANCE], providerId: CORP_IT });
    expect(t.peers.requests.slice(asked)).toEqual(
      expect.arrayContaining([
        { peer: "catalog", typename: "Service", ids: [service], subject: "test-editor" },
        { peer: "customers", typename: "Customer", ids: [FINANCE], subject: "test-editor" },
        { peer: "customers", typename: "Provider", ids: [CORP_IT], subject: "test-editor" },
      ]),
    );
    expect(t.peers.requests).toHaveLength(asked + 3);
  });

  it("creates an open-ended OLA, an underpinning contract and an agreement covering nothing yet", async () => {
    const ola = await t.createDraft({ type: "OLA", effectiveTo: null, providerId: SSC });
    expect(ola).toMatchObject({
      type: "OLA",
      status: "DRAFT",
      effectiveTo: null,
      customers: [],
      provider: { id: SSC },
    });
    expect(ola.history[0].changes.map((c) => c.field)).not.toContain("effectiveTo");
    const uc = await t.createDraft({ type: "UNDERPINNING_CONTRACT" });
    expect(uc).toMatchObject({ type: "UNDERPINNING_CONTRACT", customers: [] });
    const empty = await t.createDraft({ services: [], customerIds: [] });
    expect(empty).toMatchObject({ services: [], customers: [], coverage: [] });
    // A PIPELINE service may be covered (only RETIRED ones may not).
    const planned = await t.createDraft({ services: [coverage(sampleId.service("ZTNA"))] });
    expect(planned.services).toEqual([{ id: sampleId.service("ZTNA") }]);
  });

  it("rejects invalid input with BAD_USER_INPUT naming every invalid field, and asks no one", async () => {
    const before = await t.snapshot();
    const asked = t.peers.requests.length;
    const result = await t.execute("createAgreement", {
      ...t.draftInput(),
      number: "sla 2026 1",
      title: "ab",
      description: "",
      effectiveFrom: day(10),
      effectiveTo: day(10),
      services: [coverage(t.newService(), { serviceHours: "x", monthlyCharge: { amount: "1.234", currency: "EURO" } })],
    });
    expect(invalidPaths(result)).toEqual([
      "input.number",
      "input.title",
      "input.description",
      "input.effectiveTo",
      "input.services.0.serviceHours",
      "input.services.0.monthlyCharge.amount",
      "input.services.0.monthlyCharge.currency",
    ]);
    const message = result.errors?.[0].message;
    expect(message).toContain('input.number: number must look like "SLA-2026-014"');
    expect(message).toContain("input.effectiveTo: effectiveTo must be after effectiveFrom");
    expect(await t.snapshot()).toEqual(before);
    expect(t.peers.requests).toHaveLength(asked);
  });

  it("rejects a malformed date and an unknown type as GraphQL input errors", async () => {
    for (const input of [t.draftInput({ effectiveFrom: "2026-02-30" }), t.draftInput({ type: "MOU" })]) {
      const result = await t.execute("createAgreement", input);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses a service covered twice and customers of an OLA or contract, before asking anyone", async () => {
    const asked = t.peers.requests.length;
    const service = t.newService();
    const twice = await t.execute(
      "createAgreement",
      t.draftInput({ services: [coverage(service), coverage(service)] }),
    );
    expect(invalidPaths(twice)).toEqual(["input.services"]);
    expect(twice.errors?.[0].extensions?.fields).toEqual([
      { path: "input.services", messages: ["services must not repeat a serviceId"] },
    ]);
    for (const type of ["OLA", "UNDERPINNING_CONTRACT"]) {
      const result = await t.execute("createAgreement", t.draftInput({ type, customerIds: [FINANCE] }));
      expect(invalidPaths(result)).toEqual(["input.customerIds"]);
      expect(result.errors?.[0].message).toBe(
        `An ${type} has no customers: its counterparty is an internal group or a supplier`,
      );
    }
    expect(t.peers.requests).toHaveLength(asked);
  });

  it("rejects a taken number with CONFLICT and writes nothing", async () => {
    const before = await t.snapshot();
    const result = await t.execute("createAgreement", t.draftInput({ number: "SLA-2026-001" }));
    const error = failure(result, "CONFLICT");
    expect(error.message).toBe("An agreement numbered SLA-2026-001 already exists");
    expect(error.extensions?.number).toBe("SLA-2026-001");
    expect(await t.snapshot()).toEqual(before);
  });

  it("names every invalid reference at once with INVALID_REFERENCE, and writes nothing", async () => {
    const before = await t.snapshot();
    const result = await t.execute(
      "createAgreement",
      t.draftInput({
        services: [coverage("no-such-service"), coverage(PRINT), coverage(t.newService())],
        customerIds: ["no-such-customer", STADTWERKE, FINANCE],
        providerId: "no-such-provider",
      }),
    );
    const error = failure(result, "INVALID_REFERENCE");
    expect(error.extensions?.invalid).toEqual([
      { typeName: "Service", id: "no-such-service", reason: "does not exist" },
      { typeName: "Service", id: PRINT, reason: "PRINT is RETIRED" },
      { typeName: "Customer", id: "no-such-customer", reason: "does not exist" },
      { typeName: "Customer", id: STADTWERKE, reason: "STADTWERKE_RHEINTAL is INACTIVE" },
      { typeName: "Provider", id: "no-such-provider", reason: "does not exist" },
    ]);
    expect(error.message).toBe(
      `Invalid references: Service "no-such-service" does not exist; Service "${PRINT}" PRINT is RETIRED; ` +
        `Customer "no-such-customer" does not exist; Customer "${STADTWERKE}" STADTWERKE_RHEINTAL is INACTIVE; ` +
        `Provider "no-such-provider" does not exist`,
    );
    expect(await t.snapshot()).toEqual(before);
  });

  it.each([
    ["catalog", "drop"],
    ["catalog", "errors"],
    ["customers", "drop"],
    ["customers", "errors"],
  ] as const)(
    "fails with SERVICE_UNAVAILABLE and writes nothing when the %s subgraph answers with %s",
    async (peer, mode) => {
      const input = t.draftInput();
      const before = await t.snapshot();
      t.peers.mode[peer] = mode;
      const result = await t.execute("createAgreement", input);
      const error = failure(result, "SERVICE_UNAVAILABLE");
      expect(error.message).toMatch(
        new RegExp(`^The ${peer} subgraph could not be consulted \\(.+\\); nothing was changed, retry shortly$`),
      );
      expect(error.extensions?.serviceName).toBe(peer);
      expect(await t.snapshot()).toEqual(before);
    },
  );

  it("lets exactly one of several concurrent creates of one number succeed", async () => {
    const number = t.nextNumber();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.execute("createAgreement", t.draftInput({ number }))),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const loser of results.filter((r) => r.errors)) {
      expect(failure(loser, "CONFLICT").message).toBe(`An agreement numbered ${number} already exists`);
    }
    const rows = await t.server.dataSource.query("SELECT id FROM agreements WHERE number = ?", [number]);
    expect(rows).toHaveLength(1);
    const covered = await t.server.dataSource.query("SELECT id FROM agreement_services WHERE agreementId = ?", [
      rows[0].id,
    ]);
    expect(covered).toHaveLength(1);
  });
});

describe("updateAgreement", () => {
  it("changes the fields given, bumps the revision (not the version) and records only what changed", async () => {
    const draft = await t.createDraft();
    const result = await t.execute("updateAgreement", {
      id: draft.id,
      expectedRevision: 1,
      title: "Renamed Agreement",
      description: draft.description,
      effectiveFrom: day(5),
      effectiveTo: day(400),
      providerId: SSC,
    });
    const updated = agreementOf(result, "updateAgreement");
    expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
    expectUpdated(updated, draft, {
      set: {
        title: "Renamed Agreement",
        revision: 2,
        effectiveFrom: day(5),
        effectiveTo: day(400),
        provider: { id: SSC },
      },
      version: 2,
      changes: {
        title: ["Agreement under test", "Renamed Agreement"],
        effectiveFrom: [day(-1), day(5)],
        effectiveTo: [day(365), day(400)],
        providerId: [CORP_IT, SSC],
      },
    });
    expect(await t.read(draft.id)).toEqual(updated);
  });

  it("makes an agreement open-ended, and gives it an end again", async () => {
    const draft = await t.createDraft();
    const open = await t.ok("updateAgreement", { id: draft.id, expectedRevision: 1, openEnded: true });
    expect(open).toMatchObject({ effectiveTo: null, revision: 2 });
    expect(open.history[0].changes).toEqual([{ field: "effectiveTo", from: json(day(365)), to: null }]);
    const closed = await t.ok("updateAgreement", { id: draft.id, expectedRevision: 2, effectiveTo: day(30) });
    expect(closed).toMatchObject({ effectiveTo: day(30), revision: 3 });
    expect(closed.history[0].changes).toEqual([{ field: "effectiveTo", from: null, to: json(day(30)) }]);
  });

  it("changes nothing (no new revision, no history) when every value given is the current one", async () => {
    const draft = await t.createDraft();
    const before = await t.snapshot();
    const result = await t.execute("updateAgreement", {
      id: draft.id,
      expectedRevision: 1,
      title: draft.title,
      effectiveTo: draft.effectiveTo,
      openEnded: false,
    });
    expect(agreementOf(result, "updateAgreement")).toEqual(draft);
    expect(await t.snapshot()).toEqual(before);
  });

  it("updates the sample DRAFT", async () => {
    const id = sampleId.agreement("SLA-2026-004");
    const updated = await t.ok("updateAgreement", { id, expectedRevision: 1, title: "Van Dijk Outlet SLA" });
    expect(updated).toMatchObject({
      number: "SLA-2026-004",
      status: "DRAFT",
      revision: 2,
      title: "Van Dijk Outlet SLA",
    });
  });

  it("keeps effectiveTo after effectiveFrom, naming the field that was given", async () => {
    const draft = await t.createDraft(); // from day(-1) to day(365)
    const before = await t.snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ effectiveTo: day(-1) }, "input.effectiveTo"],
      [{ effectiveTo: day(-5) }, "input.effectiveTo"],
      [{ effectiveFrom: day(365) }, "input.effectiveFrom"],
      [{ effectiveFrom: day(500) }, "input.effectiveFrom"],
      [{ effectiveFrom: day(20), effectiveTo: day(10) }, "input.effectiveTo"],
    ];
    for (const [dates, path] of cases) {
      const result = await t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, ...dates });
      expect(invalidPaths(result)).toEqual([path]);
      expect(result.errors?.[0].extensions?.fields).toEqual([
        { path, messages: ["effectiveTo must be after effectiveFrom"] },
      ]);
    }
    expect(await t.snapshot()).toEqual(before);
    // An open-ended agreement may start at any date.
    await t.ok("updateAgreement", { id: draft.id, expectedRevision: 1, openEnded: true });
    const moved = await t.ok("updateAgreement", { id: draft.id, expectedRevision: 2, effectiveFrom: day(500) });
    expect(moved).toMatchObject({ effectiveFrom: day(500), effectiveTo: null });
  });

  it("checks a new provider with the customers subgraph", async () => {
    const draft = await t.createDraft();
    const unknown = await t.execute("updateAgreement", {
      id: draft.id,
      expectedRevision: 1,
      providerId: "no-such-provider",
    });
    expect(failure(unknown, "INVALID_REFERENCE").extensions?.invalid).toEqual([
      { typeName: "Provider", id: "no-such-provider", reason: "does not exist" },
    ]);
    t.peers.mode.customers = "drop";
    const down = await t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, providerId: SSC });
    expect(failure(down, "SERVICE_UNAVAILABLE").extensions?.serviceName).toBe("customers");
    // Without a provider, nobody is asked.
    const asked = t.peers.requests.length;
    await t.ok("updateAgreement", { id: draft.id, expectedRevision: 1, title: "Needs No Peer" });
    expect(t.peers.requests).toHaveLength(asked);
  });

  it("has no way to change the number, type or status", async () => {
    const draft = await t.createDraft();
    for (const field of [{ number: "SLA-OTHER-1" }, { type: "OLA" }, { status: "ACTIVE" }]) {
      const result = await t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, ...field });
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toContain(
        `Field "${Object.keys(field)[0]}" is not defined by type "UpdateAgreementInput"`,
      );
    }
  });

  it("rejects a stale expectedRevision with CONFLICT and writes nothing", async () => {
    const draft = await t.createDraft();
    await expectStaleChangeRefused(t.server.dataSource, "Agreement", draft.id, (title) =>
      t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, title }),
    );
    expect((await t.read(draft.id)).title).toBe("First Writer");
  });

  it("refuses to edit an ACTIVE agreement, pointing to reviseAgreement, and an ended one", async () => {
    const before = await t.snapshot();
    const active = await t.execute("updateAgreement", {
      id: sampleId.agreement("SLA-2026-001"),
      expectedRevision: 1,
      title: "Edited In Force",
    });
    const error = failure(active, "CONFLICT");
    expect(error.message).toBe(
      "Agreement SLA-2026-001 is ACTIVE: only DRAFT agreements are edited (reviseAgreement drafts a new version)",
    );
    expect(error.extensions?.status).toBe("ACTIVE");
    for (const [number, status] of [
      ["SLA-2023-005", "EXPIRED"],
      ["UC-2024-002", "TERMINATED"],
    ]) {
      const ended = await t.execute("updateAgreement", {
        id: sampleId.agreement(number),
        expectedRevision: 1,
        title: "Edited After The End",
      });
      expect(failure(ended, "CONFLICT").message).toBe(
        `Agreement ${number} is ${status}: only DRAFT agreements are edited`,
      );
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it("answers an unknown id with NOT_FOUND and invalid fields with BAD_USER_INPUT", async () => {
    const unknown = await t.execute("updateAgreement", {
      id: "no-such-agreement",
      expectedRevision: 1,
      title: "Nobody",
    });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Agreement "no-such-agreement" does not exist');
    const invalid = { expectedRevision: 0, title: "ab", description: "" };
    expectInvalidFields(
      await t.execute("updateAgreement", { id: sampleId.agreement("SLA-2026-004"), ...invalid }),
      invalid,
    );
  });

  it("lets exactly one of 20 concurrent updates from the same revision succeed", async () => {
    const draft = await t.createDraft();
    const winner = await onlyOneConcurrentChangeWins(20, (i) =>
      t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, title: `Writer ${i}` }),
    );
    const final = await t.read(draft.id);
    expect(final.revision).toBe(2);
    expect(final.title).toBe((winner.data?.updateAgreement as AgreementView).title);
    expect(final.history.map((h) => [h.action, h.version])).toEqual([
      ["updated", 2],
      ["created", 1],
    ]);
  });
});

describe("a failing mutation", () => {
  it("leaves every table as it was, even when it fails after writing", async () => {
    const draft = await t.createDraft();
    const before = await t.snapshot();
    const spy = failHistoryWrites();
    try {
      const created = await t.execute("createAgreement", t.draftInput({ customerIds: [FINANCE, SALES] }));
      expect(failure(created, "INTERNAL_SERVER_ERROR").message).toBe("Internal server error");
      const updated = await t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, title: "Never Set" });
      failure(updated, "INTERNAL_SERVER_ERROR");
      const added = await t.execute("addAgreementService", {
        agreementId: draft.id,
        ...coverage(t.newService(), { monthlyCharge: { amount: "1", currency: "EUR" } }),
      });
      failure(added, "INTERNAL_SERVER_ERROR");
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(await t.snapshot()).toEqual(before);

    // Failing validation, references or revision checks change nothing either.
    invalidPaths(await t.execute("updateAgreement", { id: draft.id, expectedRevision: 1, title: "x" }));
    failure(await t.execute("updateAgreement", { id: draft.id, expectedRevision: 9, title: "Stale" }), "CONFLICT");
    failure(await t.execute("addAgreementService", { agreementId: draft.id, ...coverage(PRINT) }), "INVALID_REFERENCE");
    expect(await t.snapshot()).toEqual(before);
  });
});
