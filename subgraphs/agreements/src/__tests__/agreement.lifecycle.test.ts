import { sampleId } from "@itsm/kit";
import { createdEntry, dataOf, historyEntry, TEST_IDENTITIES } from "@itsm/kit/testing";
import { AgreementStatus } from "../agreements/agreement.enums";
import { sampleAgreements } from "../sample/agreements.sample";
import type { AgreementView, Result } from "./support/agreements";
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
} from "./support/agreements";

const t = new AgreementsHarness();

const SALES = sampleId.customer("SALES");

const availability = (value: number) => ({ metric: "AVAILABILITY", comparator: "AT_LEAST", value, unit: "PERCENT" });
const duration = (metric: string, value: number, unit: string, priority: string | null = "P1") => ({
  metric,
  comparator: "AT_MOST",
  value,
  unit,
  priority,
});

/** The `problems` of a refused activation. */
function problemsOf(result: Result): string[] {
  return failure(result, "CONFLICT").extensions?.problems as string[];
}

interface ClaimResult {
  granted: boolean;
  blockingAgreements: string[];
}

async function claimRows(kind: string, id: string) {
  return t.server.dataSource.query(
    "SELECT kind, referenceId, claimedBy FROM reference_claims WHERE kind = ? AND referenceId = ?",
    [kind, id],
  );
}

describe("activateAgreement", () => {
  it("makes a complete DRAFT ACTIVE, bumps the revision and records the change", async () => {
    const draft = await t.completeDraft({ customerIds: [FINANCE, SALES] });
    const asked = t.peers.requests.length;
    const active = await t.ok("activateAgreement", { id: draft.id, expectedRevision: draft.revision });
    expect(active).toMatchObject({ id: draft.id, status: "ACTIVE", version: 1, revision: draft.revision + 1 });
    expect(active.history[0]).toEqual(historyEntry("activated", draft.revision + 1, { status: ["DRAFT", "ACTIVE"] }));
    expect(await t.read(draft.id)).toEqual(active);
    // The references were checked again, with their owners.
    expect(t.peers.requests.slice(asked)).toEqual(
      expect.arrayContaining([
        { peer: "catalog", typename: "Service", ids: [draft.services[0].id], subject: "test-editor" },
        {
          peer: "customers",
          typename: "Customer",
          ids: expect.arrayContaining([FINANCE, SALES]),
          subject: "test-editor",
        },
        { peer: "customers", typename: "Provider", ids: [CORP_IT], subject: "test-editor" },
      ]),
    );
  });

  it("activates OLAs and underpinning contracts without customers, and without expectedRevision", async () => {
    for (const type of ["OLA", "UNDERPINNING_CONTRACT"]) {
      const draft = await t.completeDraft({ type });
      expect(await t.ok("activateAgreement", { id: draft.id })).toMatchObject({ type, status: "ACTIVE" });
    }
  });

  it("activates the sample DRAFT, whose references its owners confirm", async () => {
    const id = sampleId.agreement("SLA-2026-004");
    const active = await t.ok("activateAgreement", { id, expectedRevision: 1 });
    expect(active).toMatchObject({ number: "SLA-2026-004", status: "ACTIVE", revision: 2 });
  });

  it("lists what an empty SLA lacks, all at once, and writes nothing", async () => {
    const draft = await t.createDraft({ services: [], customerIds: [] });
    const error = await t.refused("activateAgreement", { id: draft.id, expectedRevision: 1 }, "CONFLICT");
    const problems = [
      "it covers no service",
      "an SLA needs at least one customer",
      "no responsibility of the provider",
      "no responsibility of the customer",
    ];
    expect(error.extensions?.problems).toEqual(problems);
    expect(error.message).toBe(`Agreement ${draft.number} cannot be activated: ${problems.join("; ")}`);
  });

  it("lists every problem at once: content, references, claims, dates and underpinning strictness", async () => {
    const [retired, underpinned, claimed] = [t.newService(), t.newService(), t.newService()];
    const customer = t.newCustomer();
    const provider = t.peers.addProvider("TEST_PROVIDER_GONE");
    const ola = await t.activeAgreement({ type: "OLA", services: [coverage(underpinned)] }, () => [availability(99.2)]);
    const draft = await t.createDraft({
      effectiveFrom: day(-30),
      effectiveTo: day(-1),
      providerId: provider,
      customerIds: [customer],
      services: [coverage(retired), coverage(underpinned), coverage(claimed)],
    });
    for (const serviceId of [underpinned, claimed]) {
      await t.ok("setTarget", { agreementId: draft.id, serviceId, ...availability(99.5), description: "As agreed." });
    }
    await t.ok("linkUnderpinning", { agreementId: draft.id, underpinningId: ola.id });
    // Meanwhile the other subgraphs change: the service retires, the customer leaves, the provider goes.
    t.peers.services.set(retired, { code: "GONE_SERVICE", lifecycle: "RETIRED" });
    t.peers.customers.set(customer, { code: "GONE_CUSTOMER", status: "INACTIVE" });
    t.peers.providers.delete(provider);
    expect(await t.claim("claimServiceRetirement", claimed)).toEqual({ granted: true, blockingAgreements: [] });

    const current = await t.read(draft.id);
    const before = await t.snapshot();
    const result = await t.execute("activateAgreement", { id: draft.id, expectedRevision: current.revision });
    const problems = [
      `Service "${retired}" GONE_SERVICE is RETIRED`,
      `Customer "${customer}" GONE_CUSTOMER is INACTIVE`,
      `Provider "${provider}" does not exist`,
      `Service "${claimed}" is being retired`,
      `service "${retired}" has no service level target`,
      "no responsibility of the provider",
      "no responsibility of the customer",
      `it ended on ${day(-1)}`,
      `${ola.number} is less strict than ${draft.number} for AVAILABILITY of service "${underpinned}" (AT_LEAST 99.2 PERCENT against AT_LEAST 99.5 PERCENT)`,
    ];
    expect([...problemsOf(result)].sort()).toEqual([...problems].sort());
    const message = result.errors?.[0].message ?? "";
    expect(message.startsWith(`Agreement ${draft.number} cannot be activated: `)).toBe(true);
    for (const problem of problems) expect(message).toContain(problem);
    expect(await t.snapshot()).toEqual(before);
    expect((await t.read(draft.id)).status).toBe("DRAFT");
  });

  describe("underpinning strictness", () => {
    it("compares durations across units: 2 HOURS is less strict than 90 MINUTES, as strict as 120", async () => {
      const service = t.newService();
      const ola = await t.activeAgreement({ type: "OLA", services: [coverage(service)] }, () => [
        availability(99.95),
        duration("RESOLUTION_TIME", 2, "HOURS"),
        duration("RESOLUTION_TIME", 1, "DAYS", "P2"),
        duration("RESPONSE_TIME", 1, "HOURS", null),
      ]);
      const sla = await t.completeDraft({ services: [coverage(service)] }, () => [
        availability(99.9),
        duration("RESOLUTION_TIME", 90, "MINUTES"),
        duration("RESPONSE_TIME", 30, "MINUTES", "P1"),
      ]);
      await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: ola.id });
      const before = await t.snapshot();
      const refused = await t.execute("activateAgreement", { id: sla.id });
      // Only the same service, metric and priority compare: not P2, not "all priorities" against P1.
      expect(problemsOf(refused)).toEqual([
        `${ola.number} is less strict than ${sla.number} for RESOLUTION_TIME P1 of service "${service}" (AT_MOST 2 HOURS against AT_MOST 90 MINUTES)`,
      ]);
      expect(await t.snapshot()).toEqual(before);

      const target = { agreementId: sla.id, serviceId: service, description: "As agreed." };
      await t.ok("setTarget", { ...target, ...duration("RESOLUTION_TIME", 119, "MINUTES") });
      expect(problemsOf(await t.execute("activateAgreement", { id: sla.id }))).toHaveLength(1);
      await t.ok("setTarget", { ...target, ...duration("RESOLUTION_TIME", 120, "MINUTES") });
      expect(await t.ok("activateAgreement", { id: sla.id })).toMatchObject({ status: "ACTIVE" });
    });

    it("checks a DRAFT OLA against the ACTIVE SLAs it underpins", async () => {
      const service = t.newService();
      const sla = await t.activeAgreement({ services: [coverage(service)] }, () => [
        availability(99.5),
        duration("RESPONSE_TIME", 1, "HOURS"),
      ]);
      const ola = await t.completeDraft({ type: "OLA", services: [coverage(service)] }, () => [
        availability(99.9),
        duration("RESPONSE_TIME", 3601, "SECONDS"),
      ]);
      await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: ola.id });
      expect(problemsOf(await t.execute("activateAgreement", { id: ola.id }))).toEqual([
        `${ola.number} is less strict than ${sla.number} for RESPONSE_TIME P1 of service "${service}" (AT_MOST 3601 SECONDS against AT_MOST 1 HOURS)`,
      ]);
      const target = { agreementId: ola.id, serviceId: service, description: "As agreed." };
      await t.ok("setTarget", { ...target, ...duration("RESPONSE_TIME", 3600, "SECONDS") });
      expect(await t.ok("activateAgreement", { id: ola.id })).toMatchObject({ status: "ACTIVE" });
    });

    it("ignores underpinnings that are not ACTIVE", async () => {
      const service = t.newService();
      const draftOla = await t.completeDraft({ type: "OLA", services: [coverage(service)] }, () => [availability(90)]);
      const sla = await t.completeDraft({ services: [coverage(service)] }, () => [availability(99.9)]);
      await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: draftOla.id });
      expect(await t.ok("activateAgreement", { id: sla.id })).toMatchObject({ status: "ACTIVE" });
      // The OLA, now linked to an ACTIVE SLA, must be as strict as it to activate in turn.
      expect(problemsOf(await t.execute("activateAgreement", { id: draftOla.id }))).toEqual([
        `${draftOla.number} is less strict than ${sla.number} for AVAILABILITY of service "${service}" (AT_LEAST 90 PERCENT against AT_LEAST 99.9 PERCENT)`,
      ]);
    });
  });

  it("is blocked by a claimed retirement or deactivation until the claim is given back", async () => {
    const service = t.newService();
    const customer = t.newCustomer();
    const draft = await t.completeDraft({ services: [coverage(service)], customerIds: [customer] });
    await t.claim("claimServiceRetirement", service);
    await t.claim("claimCustomerDeactivation", customer);
    const before = await t.snapshot();
    expect(problemsOf(await t.execute("activateAgreement", { id: draft.id }))).toEqual([
      `Service "${service}" is being retired`,
      `Customer "${customer}" is being deactivated`,
    ]);
    expect(await t.snapshot()).toEqual(before);
    expect(await t.claim("releaseServiceRetirement", service)).toBe(true);
    expect(problemsOf(await t.execute("activateAgreement", { id: draft.id }))).toEqual([
      `Customer "${customer}" is being deactivated`,
    ]);
    expect(await t.claim("releaseCustomerDeactivation", customer)).toBe(true);
    expect(await t.ok("activateAgreement", { id: draft.id })).toMatchObject({ status: "ACTIVE" });
  });

  it("refuses a stale revision, an agreement that is not a DRAFT and an unknown one, and writes nothing", async () => {
    const draft = await t.completeDraft();
    const before = await t.snapshot();
    const stale = await t.execute("activateAgreement", { id: draft.id, expectedRevision: draft.revision - 1 });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({
      expectedVersion: draft.revision - 1,
      currentVersion: draft.revision,
    });
    const active = await t.execute("activateAgreement", { id: sampleId.agreement("SLA-2026-001") });
    expect(failure(active, "CONFLICT").message).toBe(
      "Agreement SLA-2026-001 is ACTIVE: only DRAFT agreements are edited (reviseAgreement drafts a new version)",
    );
    const ended = await t.execute("activateAgreement", { id: sampleId.agreement("SLA-2023-005") });
    expect(failure(ended, "CONFLICT").message).toBe(
      "Agreement SLA-2023-005 is EXPIRED: only DRAFT agreements are edited",
    );
    const unknown = await t.execute("activateAgreement", { id: "no-such-agreement" });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Agreement "no-such-agreement" does not exist');
    const invalid = await t.execute("activateAgreement", { id: draft.id, expectedRevision: 0 });
    expect(invalidPaths(invalid)).toEqual(["input.expectedRevision"]);
    expect(await t.snapshot()).toEqual(before);
  });

  it.each([
    ["catalog", "drop"],
    ["customers", "errors"],
  ] as const)(
    "fails with SERVICE_UNAVAILABLE and writes nothing when the %s subgraph answers with %s",
    async (peer, mode) => {
      const draft = await t.completeDraft();
      t.peers.mode[peer] = mode;
      const error = await t.refused("activateAgreement", { id: draft.id }, "SERVICE_UNAVAILABLE");
      expect(error.extensions?.serviceName).toBe(peer);
    },
  );

  it("lets exactly one of a retirement claim and an activation racing each other succeed", async () => {
    for (let round = 0; round < 4; round++) {
      const service = t.newService();
      const draft = await t.completeDraft({ services: [coverage(service)] });
      const [activation, claim] = await Promise.all([
        t.execute("activateAgreement", { id: draft.id }),
        t.server.execute(
          "mutation ($id: ID!) { claimServiceRetirement(serviceId: $id) { granted blockingAgreements } }",
          { id: service },
          TEST_IDENTITIES.editor,
        ),
      ]);
      expect(claim.errors).toBeUndefined();
      const granted = (claim.data?.claimServiceRetirement as ClaimResult).granted;
      if (granted) {
        expect(problemsOf(activation)).toEqual([`Service "${service}" is being retired`]);
        expect(await claimRows("Service", service)).toHaveLength(1);
      } else {
        expect(agreementOf(activation, "activateAgreement").status).toBe("ACTIVE");
        expect(claim.data?.claimServiceRetirement).toEqual({ granted: false, blockingAgreements: [draft.number] });
        expect(await claimRows("Service", service)).toEqual([]);
      }
    }
  });
});

describe("terminateAgreement", () => {
  it("ends an ACTIVE agreement, bumps the revision and records the reason", async () => {
    const active = await t.activeAgreement();
    const terminated = await t.ok("terminateAgreement", {
      id: active.id,
      expectedRevision: active.revision,
      reason: "Customer moved to another provider",
    });
    expect(terminated).toMatchObject({ status: "TERMINATED", version: 1, revision: active.revision + 1 });
    expect(terminated.history[0]).toEqual(
      historyEntry("terminated: Customer moved to another provider", active.revision + 1, {
        status: ["ACTIVE", "TERMINATED"],
      }),
    );
    // Ended, it no longer stands in the way of retiring its service.
    expect(await t.claim("claimServiceRetirement", active.services[0].id)).toEqual({
      granted: true,
      blockingAgreements: [],
    });
  });

  it("refuses agreements that are not ACTIVE, a stale revision and a short reason, and writes nothing", async () => {
    const draft = await t.createDraft();
    const active = await t.activeAgreement();
    const before = await t.snapshot();
    const notActive = await t.execute("terminateAgreement", {
      id: draft.id,
      expectedRevision: 1,
      reason: "Not needed",
    });
    expect(failure(notActive, "CONFLICT").message).toBe(
      `Agreement ${draft.number} is DRAFT: only ACTIVE agreements can be terminated`,
    );
    const ended = await t.execute("terminateAgreement", {
      id: sampleId.agreement("UC-2024-002"),
      expectedRevision: 1,
      reason: "Again",
    });
    expect(failure(ended, "CONFLICT").message).toBe(
      "Agreement UC-2024-002 is TERMINATED: only ACTIVE agreements can be terminated",
    );
    const stale = await t.execute("terminateAgreement", {
      id: active.id,
      expectedRevision: active.revision - 1,
      reason: "Too late",
    });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({ currentVersion: active.revision });
    const short = await t.execute("terminateAgreement", {
      id: active.id,
      expectedRevision: active.revision,
      reason: "no",
    });
    expect(invalidPaths(short)).toEqual(["input.reason"]);
    const missing = await t.execute("terminateAgreement", { id: active.id, reason: "No revision given" });
    expect(missing.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await t.execute("terminateAgreement", {
      id: "no-such-agreement",
      expectedRevision: 1,
      reason: "Nothing",
    });
    failure(unknown, "NOT_FOUND");
    expect(await t.snapshot()).toEqual(before);
  });
});

describe("reviseAgreement", () => {
  /** The parts of an agreement that a revision copies, without the ids of the copies. */
  const parts = (a: AgreementView) => ({
    number: a.number,
    title: a.title,
    description: a.description,
    type: a.type,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    provider: a.provider,
    customers: a.customers,
    services: a.services,
    coverage: a.coverage,
    targets: a.targets.map(({ id: _id, ...target }) => target),
    responsibilities: a.responsibilities
      .map(({ id: _id, ...r }) => r)
      .sort((x, y) => x.description.localeCompare(y.description)),
    underpinnedBy: a.underpinnedBy,
    underpins: a.underpins,
  });

  it("drafts version n+1 as a copy of every part, leaving the ACTIVE version in force", async () => {
    const [first, second] = [t.newService(), t.newService()];
    const ola = await t.activeAgreement({ type: "OLA", services: [coverage(first)] }, () => [availability(99.9)]);
    const draft = await t.completeDraft(
      {
        customerIds: [FINANCE, SALES],
        services: [coverage(first, { monthlyCharge: { amount: "12.5", currency: "EUR" } }), coverage(second)],
      },
      () => [availability(99.5), duration("RESOLUTION_TIME", 4, "HOURS")],
    );
    await t.ok("linkUnderpinning", { agreementId: draft.id, underpinningId: ola.id });
    const active = await t.ok("activateAgreement", { id: draft.id });

    const revision = await t.ok("reviseAgreement", { id: active.id, expectedRevision: active.revision });
    expect(revision.id).not.toBe(active.id);
    expect(revision).toMatchObject({
      status: "DRAFT",
      version: 2,
      revision: 1,
      supersedes: { id: active.id },
      supersededBy: null,
    });
    expect(parts(revision)).toEqual(parts(active));
    expect(revision.targets).toHaveLength(4);
    for (const copied of revision.targets) expect(active.targets.map((x) => x.id)).not.toContain(copied.id);
    expect(revision.history).toEqual([
      {
        ...createdEntry({
          number: active.number,
          title: active.title,
          description: active.description,
          type: "SLA",
          status: "DRAFT",
          version: 2,
          effectiveFrom: active.effectiveFrom,
          effectiveTo: active.effectiveTo,
          providerId: CORP_IT,
        }),
        action: "drafted from version 1",
      },
    ]);

    const original = await t.read(active.id);
    expect(original).toMatchObject({
      status: "ACTIVE",
      revision: active.revision + 1,
      supersededBy: { id: revision.id },
    });
    expect(parts(original)).toEqual(parts(active));
    expect(original.history[0]).toMatchObject({
      actor: "test-editor",
      action: "version 2 drafted",
      version: active.revision + 1,
      changes: [],
    });
    // The OLA now underpins both versions.
    expect((await t.read(ola.id)).underpins.map((a) => a.id).sort()).toEqual([active.id, revision.id].sort());
  });

  it("copies an OLA's links to the SLAs it underpins", async () => {
    const service = t.newService();
    const ola = await t.completeDraft({ type: "OLA", services: [coverage(service)] });
    const sla = await t.createDraft({ services: [coverage(service)] });
    await t.ok("linkUnderpinning", { agreementId: sla.id, underpinningId: ola.id });
    const active = await t.ok("activateAgreement", { id: ola.id });
    const revision = await t.ok("reviseAgreement", { id: active.id });
    expect(revision.underpins).toEqual([{ id: sla.id, number: sla.number }]);
    expect((await t.read(sla.id)).underpinnedBy.map((a) => a.id).sort()).toEqual([ola.id, revision.id].sort());
  });

  it("changes the draft without touching the version in force, and activating it supersedes that version", async () => {
    const active = await t.activeAgreement();
    const inForce = await t.ok("reviseAgreement", { id: active.id }).then(() => t.read(active.id));
    const draft = inForce.supersededBy as { id: string };
    const service = inForce.services[0].id;
    await t.ok("updateAgreement", { id: draft.id, expectedRevision: 1, title: "Second Edition" });
    await t.ok("setTarget", {
      agreementId: draft.id,
      serviceId: service,
      ...availability(99.8),
      description: "Better.",
    });
    const extra = t.newService();
    await t.ok("addAgreementService", { agreementId: draft.id, ...coverage(extra) });
    await t.ok("setTarget", { agreementId: draft.id, serviceId: extra, ...availability(99), description: "New." });
    expect(await t.read(active.id)).toEqual(inForce);

    const before = await t.read(draft.id);
    const activated = await t.ok("activateAgreement", { id: draft.id, expectedRevision: before.revision });
    expect(activated).toMatchObject({ status: "ACTIVE", version: 2, title: "Second Edition" });
    const superseded = await t.read(active.id);
    expect(superseded).toMatchObject({ status: "TERMINATED", revision: inForce.revision + 1 });
    expect(superseded.history[0]).toEqual(
      historyEntry("superseded by version 2", inForce.revision + 1, { status: ["ACTIVE", "TERMINATED"] }),
    );
    const query = `query ($n: String!) {
      current: agreementByNumber(number: $n) { id status version versions { version status } }
      first: agreementByNumber(number: $n, version: 1) { id status }
    }`;
    const read = await t.query(query, { n: active.number });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      current: {
        id: draft.id,
        status: "ACTIVE",
        version: 2,
        versions: [
          { version: 1, status: "TERMINATED" },
          { version: 2, status: "ACTIVE" },
        ],
      },
      first: { id: active.id, status: "TERMINATED" },
    });
    // Only the ACTIVE version can be revised: the next draft is version 3.
    const third = await t.ok("reviseAgreement", { id: draft.id });
    expect(third).toMatchObject({ version: 3, status: "DRAFT", supersedes: { id: draft.id } });
    const old = await t.execute("reviseAgreement", { id: active.id });
    expect(failure(old, "CONFLICT").message).toBe(
      `Agreement ${active.number} is TERMINATED: only an ACTIVE agreement is revised`,
    );
  });

  it("keeps one open draft at a time, and revises only ACTIVE agreements", async () => {
    const active = await t.activeAgreement();
    const revision = await t.ok("reviseAgreement", { id: active.id });
    const before = await t.snapshot();
    const again = await t.execute("reviseAgreement", { id: active.id });
    const error = failure(again, "CONFLICT");
    expect(error.message).toBe(`Agreement ${active.number} already has a draft version 2`);
    expect(error.extensions?.draftId).toBe(revision.id);
    const ofDraft = await t.execute("reviseAgreement", { id: revision.id });
    expect(failure(ofDraft, "CONFLICT").message).toBe(
      `Agreement ${active.number} is DRAFT: only an ACTIVE agreement is revised`,
    );
    const stale = await t.execute("reviseAgreement", { id: active.id, expectedRevision: active.revision });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({ currentVersion: active.revision + 1 });
    const unknown = await t.execute("reviseAgreement", { id: "no-such-agreement" });
    failure(unknown, "NOT_FOUND");
    expect(await t.snapshot()).toEqual(before);
  });

  it("lets a revision of a version terminated meanwhile activate without superseding anything", async () => {
    const active = await t.activeAgreement();
    const revision = await t.ok("reviseAgreement", { id: active.id });
    const current = await t.read(active.id);
    await t.ok("terminateAgreement", { id: active.id, expectedRevision: current.revision, reason: "Ended early" });
    const ended = await t.read(active.id);
    const activated = await t.ok("activateAgreement", { id: revision.id });
    expect(activated).toMatchObject({ status: "ACTIVE", version: 2 });
    expect(await t.read(active.id)).toEqual(ended);
  });

  it("activates a revision all or nothing: a failure after superseding leaves both versions as they were", async () => {
    const active = await t.activeAgreement();
    const revision = await t.ok("reviseAgreement", { id: active.id });
    const before = await t.snapshot();
    const spy = failHistoryWrites((entry) => entry.action === "activated");
    try {
      const result = await t.execute("activateAgreement", { id: revision.id });
      expect(failure(result, "INTERNAL_SERVER_ERROR").message).toBe("Internal server error");
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(await t.snapshot()).toEqual(before);
    expect((await t.read(active.id)).status).toBe("ACTIVE");
    expect((await t.read(revision.id)).status).toBe("DRAFT");
  });
});

describe("claims by the other subgraphs", () => {
  it("grants a service's retirement when no agreement covers it, once, however often it is asked", async () => {
    const service = t.newService();
    const claim = { granted: true, blockingAgreements: [] };
    expect(await t.claim("claimServiceRetirement", service)).toEqual(claim);
    expect(await t.claim("claimServiceRetirement", service)).toEqual(claim);
    expect(await claimRows("Service", service)).toEqual([
      { kind: "Service", referenceId: service, claimedBy: "test-editor" },
    ]);
    expect(await t.claim("releaseServiceRetirement", service)).toBe(true);
    expect(await claimRows("Service", service)).toEqual([]);
    expect(await t.claim("releaseServiceRetirement", service)).toBe(true);
    // Releasing what was never claimed is no error either.
    expect(await t.claim("releaseServiceRetirement", "never-claimed")).toBe(true);
  });

  it("refuses a service's retirement while ACTIVE agreements of any type cover it, naming them in order", async () => {
    const service = t.newService();
    const [sla, ola] = [
      await t.activeAgreement({ services: [coverage(service)] }),
      await t.activeAgreement({ type: "OLA", services: [coverage(service)] }),
    ];
    await t.createDraft({ services: [coverage(service)] }); // a DRAFT does not count
    const before = await t.snapshot();
    const claim = await t.claim("claimServiceRetirement", service);
    expect(claim).toEqual({ granted: false, blockingAgreements: [ola.number, sla.number].sort() });
    expect(await t.snapshot()).toEqual(before);
    // Once they end, the claim is granted.
    for (const agreement of [sla, ola]) {
      const current = await t.read(agreement.id);
      await t.ok("terminateAgreement", {
        id: agreement.id,
        expectedRevision: current.revision,
        reason: "Service retires",
      });
    }
    expect(await t.claim("claimServiceRetirement", service)).toEqual({ granted: true, blockingAgreements: [] });
  });

  it("refuses the retirement of a sample service covered by ACTIVE sample agreements", async () => {
    const expected = sampleAgreements
      .filter((a) => a.status === AgreementStatus.ACTIVE && a.coverage.some((c) => c.serviceCode === "COLLAB"))
      .map((a) => a.number)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await t.claim("claimServiceRetirement", sampleId.service("COLLAB"))).toEqual({
      granted: false,
      blockingAgreements: expected,
    });
  });

  it("grants a customer's deactivation only while no ACTIVE agreement has the customer as party", async () => {
    const customer = t.newCustomer();
    const sla = await t.activeAgreement({ customerIds: [customer, FINANCE] });
    expect(await t.claim("claimCustomerDeactivation", customer)).toEqual({
      granted: false,
      blockingAgreements: [sla.number],
    });
    expect(await claimRows("Customer", customer)).toEqual([]);
    const current = await t.read(sla.id);
    await t.ok("terminateAgreement", { id: sla.id, expectedRevision: current.revision, reason: "Customer leaves" });
    const granted = { granted: true, blockingAgreements: [] };
    expect(await t.claim("claimCustomerDeactivation", customer)).toEqual(granted);
    expect(await t.claim("claimCustomerDeactivation", customer)).toEqual(granted);
    expect(await claimRows("Customer", customer)).toHaveLength(1);
    // A claim on the customer is not one on a service with the same id, and vice versa.
    expect(await claimRows("Service", customer)).toEqual([]);
    expect(await t.claim("releaseCustomerDeactivation", customer)).toBe(true);
    expect(await t.claim("releaseCustomerDeactivation", customer)).toBe(true);
    expect(await claimRows("Customer", customer)).toEqual([]);
  });

  it("grants concurrent claims of one service alike, recording one claim", async () => {
    const service = t.newService();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.server.execute(
          "mutation ($id: ID!) { claimServiceRetirement(serviceId: $id) { granted blockingAgreements } }",
          { id: service },
          TEST_IDENTITIES.editor,
        ),
      ),
    );
    for (const result of results) {
      expect(dataOf(result, "claimServiceRetirement")).toEqual({ granted: true, blockingAgreements: [] });
    }
    expect(await claimRows("Service", service)).toHaveLength(1);
  });
});
