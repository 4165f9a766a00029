import { sampleId } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import {
  changeClaimedFirst,
  concurrentAdditionsAllKept,
  conflictWritingNothing,
  createdEntry,
  dataOf,
  expectInvalidFields,
  expectStaleChangeRefused,
  expectUpdated,
  historyEntry,
  onlyOneConcurrentCreateWins,
  onlyOneConcurrentRenameWins,
  refusedWhileAgreementsFail,
  TEST_IDENTITIES,
} from "@itsm/kit/testing";
import { CatalogHarness } from "../../__tests__/support/harness";
import type { Result } from "../../__tests__/support/mutations";
import {
  failHistoryWrites,
  failure,
  HISTORY_FIELDS,
  invalidPaths,
  json,
  snapshot,
} from "../../__tests__/support/mutations";
import { newServiceInput, nextServiceCode } from "../../__tests__/support/services";

const t = new CatalogHarness();

interface ServiceView {
  id: string;
  code: string;
  name: string;
  description: string;
  category: string;
  type: string;
  lifecycle: string;
  criticality: string;
  owner: string;
  monthlyCost: { amount: string; currency: string };
  version: number;
  dependsOn: { id: string; code: string }[];
  usedBy: { id: string; code: string }[];
  history: HistoryRow[];
}

const SERVICE = `id code name description category type lifecycle criticality owner monthlyCost { amount currency } version dependsOn { id code } usedBy { id code } ${HISTORY_FIELDS}`;

/** Mutations (by name) run as an editor (a writer), selecting the whole service; reads as an analyst (staff, no writes). */
const execute = (name: string, input: Record<string, unknown>) => t.mutate(name, input, SERVICE);

const serviceOf = (result: Result, field: string) => dataOf<ServiceView>(result, field);

async function createService(input: Record<string, unknown> = {}): Promise<ServiceView> {
  return serviceOf(await execute("createService", newServiceInput(input)), "createService");
}

const createLive = (input: Record<string, unknown> = {}) => createService({ lifecycle: "LIVE", ...input });

async function read(id: string): Promise<ServiceView> {
  return serviceOf(
    await t.server.execute(`query ($id: ID!) { service(id: $id) { ${SERVICE} } }`, { id }, TEST_IDENTITIES.analyst),
    "service",
  );
}

/** Adds the dependency `service → target`, which must succeed. */
async function depend(service: ServiceView, target: ServiceView): Promise<ServiceView> {
  return serviceOf(
    await execute("addServiceDependency", { serviceId: service.id, dependsOnId: target.id }),
    "addServiceDependency",
  );
}

const PRINT = sampleId.service("PRINT"); // RETIRED in the sample
const EMAIL = sampleId.service("EMAIL"); // LIVE in the sample

describe("createService", () => {
  it("creates a PIPELINE service at version 1 with its cost normalised, and records who created it", async () => {
    const code = nextServiceCode();
    const service = await createService({
      code,
      name: "Document Archive",
      type: "CUSTOMER_FACING",
      criticality: "HIGH",
      monthlyCost: { amount: "1250.5", currency: "EUR" },
    });
    // What the service is and what its "created" entry records, field by field in audit order.
    const fields = {
      code,
      name: "Document Archive",
      description: "A service made by a test.",
      category: "Test Services",
      type: "CUSTOMER_FACING",
      lifecycle: "PIPELINE",
      criticality: "HIGH",
      owner: "Test Team",
      monthlyCost: { amount: "1250.50", currency: "EUR" },
    };
    expect(service).toMatchObject({ ...fields, version: 1, dependsOn: [], usedBy: [] });
    expect(service.history).toEqual([createdEntry(fields)]);
    expect(await read(service.id)).toEqual(service);
    const byCode = await t.server.execute(
      "query ($code: String!) { serviceByCode(code: $code) { id } }",
      { code },
      TEST_IDENTITIES.analyst,
    );
    expect(byCode.data?.serviceByCode).toEqual({ id: service.id });
  });

  it("creates a LIVE service when asked, and pads whole amounts to two decimals", async () => {
    const service = await createService({ lifecycle: "LIVE", monthlyCost: { amount: "12", currency: "USD" } });
    expect(service).toMatchObject({ lifecycle: "LIVE", version: 1, monthlyCost: { amount: "12.00", currency: "USD" } });
  });

  it("rejects invalid input with BAD_USER_INPUT naming every invalid field, and writes nothing", async () => {
    const before = await snapshot(t.server);
    const invalid = {
      code: "lower-case",
      name: "X",
      description: "",
      category: "C",
      owner: "O",
      monthlyCost: { amount: "12.345", currency: "EURO" },
    };
    const result = await execute("createService", { ...newServiceInput(), ...invalid });
    expectInvalidFields(result, invalid);
    const message = result.errors?.[0].message;
    expect(message).toContain("input.code: code must be 2 to 32 characters");
    expect(message).toContain("input.monthlyCost.amount: amount must be a non-negative decimal string");
    expect(message).toContain("input.monthlyCost.currency: currency must be an ISO 4217 currency code");
    expect(await snapshot(t.server)).toEqual(before);
  });

  it.each([
    ["-1", "a negative amount"],
    ["1,50", "a decimal comma"],
    ["1e3", "an exponent"],
    ["1234567890123", "more than 12 integer digits"],
    ["", "an empty amount"],
  ])("rejects the amount %p (%s)", async (amount) => {
    const result = await execute("createService", newServiceInput({ monthlyCost: { amount, currency: "EUR" } }));
    expect(invalidPaths(result)).toEqual(["input.monthlyCost.amount"]);
  });

  it.each(["A", "1ABC", "_ABC", "AB-C", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_1234567", "Email"])(
    "rejects the code %p",
    async (code) => {
      expect(invalidPaths(await execute("createService", newServiceInput({ code })))).toEqual(["input.code"]);
    },
  );

  it("refuses to create a RETIRED service", async () => {
    const result = await execute("createService", newServiceInput({ lifecycle: "RETIRED" }));
    expect(invalidPaths(result)).toEqual(["input.lifecycle"]);
    expect(result.errors?.[0].message).toContain("lifecycle must be PIPELINE or LIVE");
  });

  it("never stores a currency code other than in upper case", async () => {
    // "eur" is not an ISO 4217 code as written: refusing it or storing "EUR" are both fine.
    const result = await execute(
      "createService",
      newServiceInput({ monthlyCost: { amount: "10.00", currency: "eur" } }),
    );
    if (result.errors) expect(invalidPaths(result)).toEqual(["input.monthlyCost.currency"]);
    else expect(serviceOf(result, "createService").monthlyCost).toEqual({ amount: "10.00", currency: "EUR" });
  });

  it("rejects a taken code with CONFLICT and writes nothing", async () => {
    const error = await conflictWritingNothing(t.server.dataSource, () =>
      execute("createService", newServiceInput({ code: "EMAIL" })),
    );
    expect(error.message).toBe("A service with code EMAIL already exists");
  });

  it("lets exactly one of several concurrent creates of one code succeed", async () => {
    const code = nextServiceCode();
    const takenMessage = `A service with code ${code} already exists`;
    const id = await onlyOneConcurrentCreateWins(
      t.server.dataSource,
      { table: "services", code, takenMessage },
      5,
      (i) => execute("createService", newServiceInput({ code, name: `Racer ${i}` })),
    );
    const history = await t.server.dataSource.query("SELECT id FROM history WHERE entityId = ?", [id]);
    expect(history).toHaveLength(1);
  });
});

describe("updateService", () => {
  it("changes the fields given, bumps the version and records only what changed", async () => {
    const service = await createService();
    const result = await execute("updateService", {
      id: service.id,
      expectedVersion: 1,
      name: "Renamed Service",
      description: service.description,
      criticality: "CRITICAL",
      monthlyCost: { amount: "99.9", currency: "EUR" },
    });
    const updated = serviceOf(result, "updateService");
    expect(service.lifecycle).toBe("PIPELINE");
    const monthlyCost = { amount: "99.90", currency: "EUR" };
    expectUpdated(updated, service, {
      set: { name: "Renamed Service", criticality: "CRITICAL", monthlyCost, version: 2 },
      version: 2,
      changes: {
        name: ["Test Service", "Renamed Service"],
        criticality: ["MEDIUM", "CRITICAL"],
        monthlyCost: [{ amount: "1250.00", currency: "EUR" }, monthlyCost],
      },
    });
    expect(await read(service.id)).toEqual(updated);
  });

  it("records a change of currency alone, and of every other field", async () => {
    const service = await createService();
    const currency = serviceOf(
      await execute("updateService", {
        id: service.id,
        expectedVersion: 1,
        monthlyCost: { amount: "1250", currency: "CHF" },
      }),
      "updateService",
    );
    expect(currency.version).toBe(2);
    expect(currency.history[0].changes).toEqual([
      {
        field: "monthlyCost",
        from: json({ amount: "1250.00", currency: "EUR" }),
        to: json({ amount: "1250.00", currency: "CHF" }),
      },
    ]);
    const all = serviceOf(
      await execute("updateService", {
        id: service.id,
        expectedVersion: 2,
        category: "Other Services",
        type: "CUSTOMER_FACING",
        owner: "Another Team",
      }),
      "updateService",
    );
    expect(all.history[0].changes.map((c) => c.field)).toEqual(["category", "type", "owner"]);
  });

  it("changes nothing (no new version, no history) when every value given is the current one", async () => {
    const service = await createService();
    const before = await snapshot(t.server);
    const result = await execute("updateService", {
      id: service.id,
      expectedVersion: 1,
      name: service.name,
      monthlyCost: { amount: "1250", currency: "EUR" },
    });
    expect(serviceOf(result, "updateService")).toEqual(service);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("has no way to change the code or the lifecycle", async () => {
    for (const field of [{ code: "NEW_CODE" }, { lifecycle: "LIVE" }]) {
      const result = await execute("updateService", { id: EMAIL, expectedVersion: 1, ...field });
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toContain(
        `Field "${Object.keys(field)[0]}" is not defined by type "UpdateServiceInput"`,
      );
    }
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const { id } = await createService();
    await expectStaleChangeRefused(t.server.dataSource, "Service", id, (name) =>
      execute("updateService", { id, expectedVersion: 1, name }),
    );
    expect((await read(id)).name).toBe("First Writer");
  });

  it("answers an unknown id with NOT_FOUND", async () => {
    const result = await execute("updateService", { id: "no-such-service", expectedVersion: 1, name: "Nobody" });
    expect(failure(result, "NOT_FOUND").message).toBe('Service "no-such-service" does not exist');
  });

  it("rejects invalid fields with BAD_USER_INPUT", async () => {
    const invalid = { expectedVersion: 0, name: "E", owner: "", monthlyCost: { amount: "1.001", currency: "EURO" } };
    expectInvalidFields(await execute("updateService", { id: EMAIL, ...invalid }), invalid);
  });

  it("refuses to change a RETIRED service, and writes nothing", async () => {
    const before = await snapshot(t.server);
    const result = await execute("updateService", { id: PRINT, expectedVersion: 1, name: "Printing Revived" });
    expect(failure(result, "CONFLICT").message).toBe("Service PRINT is RETIRED: its record is kept as it was");
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("lets exactly one of 20 concurrent updates from the same version succeed", async () => {
    const service = await createService();
    const rename = (name: string) => execute("updateService", { id: service.id, expectedVersion: 1, name });
    await onlyOneConcurrentRenameWins(20, rename, () => read(service.id));
  });
});

describe("setServiceLifecycle", () => {
  it("moves a PIPELINE service LIVE without asking the agreements subgraph", async () => {
    const service = await createService();
    const asked = t.agreements.requests.length;
    const result = await execute("setServiceLifecycle", { id: service.id, lifecycle: "LIVE", expectedVersion: 1 });
    const live = serviceOf(result, "setServiceLifecycle");
    expect(live).toMatchObject({ lifecycle: "LIVE", version: 2, name: service.name });
    expect(live.history[0]).toEqual(historyEntry("lifecycle changed", 2, { lifecycle: ["PIPELINE", "LIVE"] }));
    expect(await read(service.id)).toEqual(live);
    expect(t.agreements.requests).toHaveLength(asked);
  });

  it("retires a LIVE service after claiming its retirement with the agreements subgraph", async () => {
    const service = await createLive();
    // The claim is made as the acting editor, signed for the agreements subgraph to check.
    const result = await changeClaimedFirst(t.agreements, { claim: "claimServiceRetirement", id: service.id }, () =>
      execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 }),
    );
    const retired = serviceOf(result, "setServiceLifecycle");
    expect(retired).toMatchObject({ lifecycle: "RETIRED", version: 2 });
    expect(retired.history[0]).toEqual(historyEntry("lifecycle changed", 2, { lifecycle: ["LIVE", "RETIRED"] }));
  });

  it("goes PIPELINE → LIVE → RETIRED, one version per move", async () => {
    const service = await createService();
    await execute("setServiceLifecycle", { id: service.id, lifecycle: "LIVE", expectedVersion: 1 });
    await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 2 });
    const final = await read(service.id);
    expect(final).toMatchObject({ lifecycle: "RETIRED", version: 3 });
    expect(final.history.map((h) => [h.version, h.action, h.changes[0].to])).toEqual([
      [3, "lifecycle changed", json("RETIRED")],
      [2, "lifecycle changed", json("LIVE")],
      [1, "created", json(service.code)],
    ]);
  });

  it.each([
    ["PIPELINE", "PIPELINE", ["LIVE"]],
    ["PIPELINE", "RETIRED", ["LIVE"]],
    ["LIVE", "LIVE", ["RETIRED"]],
    ["LIVE", "PIPELINE", ["RETIRED"]],
  ])(
    "refuses to move a %s service to %s (CONFLICT with the allowed moves), and writes nothing",
    async (from, to, allowed) => {
      const service = await createService({ lifecycle: from });
      const asked = t.agreements.requests.length;
      const before = await snapshot(t.server);
      const result = await execute("setServiceLifecycle", { id: service.id, lifecycle: to, expectedVersion: 1 });
      const error = failure(result, "CONFLICT");
      expect(error.message).toBe(`Service ${service.code} is ${from}: it can move to ${allowed[0]}, not ${to}`);
      expect(error.extensions).toMatchObject({ lifecycle: from, allowed });
      expect(await snapshot(t.server)).toEqual(before);
      expect(t.agreements.requests).toHaveLength(asked);
    },
  );

  it.each(["PIPELINE", "LIVE", "RETIRED"])("refuses to move a RETIRED service to %s", async (to) => {
    const asked = t.agreements.requests.length;
    const before = await snapshot(t.server);
    const result = await execute("setServiceLifecycle", { id: PRINT, lifecycle: to, expectedVersion: 1 });
    const error = failure(result, "CONFLICT");
    expect(error.message).toBe(`Service PRINT is RETIRED: it can move to no other stage, not ${to}`);
    expect(error.extensions).toMatchObject({ lifecycle: "RETIRED", allowed: [] });
    expect(await snapshot(t.server)).toEqual(before);
    expect(t.agreements.requests).toHaveLength(asked);
  });

  it("refuses to retire a service covered by ACTIVE agreements, naming them, and writes nothing", async () => {
    const service = await createLive();
    t.agreements.active.set(service.id, ["SLA-2026-001", "OLA-2025-008"]);
    const asked = t.agreements.requests.length;
    const before = await snapshot(t.server);
    const result = await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 });
    const error = failure(result, "CONFLICT");
    expect(error.message).toBe(
      `Service ${service.code} is covered by ACTIVE agreements SLA-2026-001, OLA-2025-008: it cannot be retired until they end`,
    );
    expect(error.extensions?.agreements).toEqual(["SLA-2026-001", "OLA-2025-008"]);
    expect(await snapshot(t.server)).toEqual(before);
    // The claim was refused: there is nothing to give back.
    expect(t.agreements.since(asked)).toEqual([["claimServiceRetirement", service.id]]);
  });

  it("fails with SERVICE_UNAVAILABLE and writes nothing when the agreements subgraph is down or failing", async () => {
    const service = await createLive();
    await refusedWhileAgreementsFail(t.server.dataSource, t.agreements, () =>
      execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 }),
    );
    expect((await read(service.id)).lifecycle).toBe("LIVE");
  });

  it("fails with SERVICE_UNAVAILABLE when nothing listens at the agreements URL", async () => {
    await t.withPeerGone(async (isolated) => {
      const result = await isolated.execute(
        "mutation ($input: SetServiceLifecycleInput!) { setServiceLifecycle(input: $input) { lifecycle } }",
        { input: { id: EMAIL, lifecycle: "RETIRED", expectedVersion: 1 } },
        TEST_IDENTITIES.editor,
      );
      expect(failure(result, "SERVICE_UNAVAILABLE").message).toContain("(unreachable)");
      const rows = await isolated.dataSource.query("SELECT lifecycle, version FROM services WHERE id = ?", [EMAIL]);
      expect(rows).toEqual([{ lifecycle: "LIVE", version: 1 }]);
      expect(await isolated.dataSource.query("SELECT id FROM history")).toEqual([]);
    });
  });

  it("gives the claim back when the service changed while the claim was made (stale version), and writes nothing", async () => {
    const service = await createLive();
    let before: Awaited<ReturnType<typeof snapshot>> | undefined;
    t.agreements.beforeClaim = async () => {
      // Another client renames the service between the catalog's check and its own transaction.
      serviceOf(
        await execute("updateService", { id: service.id, expectedVersion: 1, name: "Renamed Meanwhile" }),
        "updateService",
      );
      before = await snapshot(t.server);
    };
    const asked = t.agreements.requests.length;
    const result = await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 });
    expect(failure(result, "CONFLICT").extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect(t.agreements.since(asked)).toEqual([
      ["claimServiceRetirement", service.id],
      ["releaseServiceRetirement", service.id],
    ]);
    expect(before).toBeDefined();
    expect(await snapshot(t.server)).toEqual(before);
    expect(await read(service.id)).toMatchObject({ lifecycle: "LIVE", version: 2, name: "Renamed Meanwhile" });
  });

  it("gives the claim back when its own transaction fails after writing, and writes nothing", async () => {
    const service = await createLive();
    const before = await snapshot(t.server);
    const asked = t.agreements.requests.length;
    const spy = failHistoryWrites();
    try {
      const result = await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 });
      expect(failure(result, "INTERNAL_SERVER_ERROR").message).toBe("Internal server error");
    } finally {
      spy.mockRestore();
    }
    expect(await snapshot(t.server)).toEqual(before);
    expect(t.agreements.since(asked)).toEqual([
      ["claimServiceRetirement", service.id],
      ["releaseServiceRetirement", service.id],
    ]);
  });

  it("keeps the claim when a retirement racing this one committed first", async () => {
    const service = await createLive();
    t.agreements.beforeClaim = async () => {
      t.agreements.beforeClaim = null;
      const other = await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 });
      expect(serviceOf(other, "setServiceLifecycle")).toMatchObject({ lifecycle: "RETIRED", version: 2 });
    };
    const asked = t.agreements.requests.length;
    const result = await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 });
    failure(result, "CONFLICT");
    // Both claimed; nobody gave the claim back, which the committed retirement still needs.
    expect(t.agreements.since(asked)).toEqual([
      ["claimServiceRetirement", service.id],
      ["claimServiceRetirement", service.id],
    ]);
    expect(await read(service.id)).toMatchObject({ lifecycle: "RETIRED", version: 2 });
  });

  it("checks the version and existence before claiming anything", async () => {
    const service = await createLive();
    await execute("updateService", { id: service.id, expectedVersion: 1, name: "Moved On" });
    const asked = t.agreements.requests.length;
    const before = await snapshot(t.server);
    const stale = await execute("setServiceLifecycle", { id: service.id, lifecycle: "RETIRED", expectedVersion: 1 });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    const unknown = await execute("setServiceLifecycle", {
      id: "no-such-service",
      lifecycle: "RETIRED",
      expectedVersion: 1,
    });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Service "no-such-service" does not exist');
    const staleLive = await execute("setServiceLifecycle", { id: service.id, lifecycle: "LIVE", expectedVersion: 1 });
    failure(staleLive, "CONFLICT");
    expect(await snapshot(t.server)).toEqual(before);
    expect(t.agreements.requests).toHaveLength(asked);
  });

  it("rejects a bad or missing expectedVersion and an unknown stage with BAD_USER_INPUT", async () => {
    const asked = t.agreements.requests.length;
    const invalid = await execute("setServiceLifecycle", { id: EMAIL, lifecycle: "RETIRED", expectedVersion: 0 });
    expect(invalidPaths(invalid)).toEqual(["input.expectedVersion"]);
    for (const input of [
      { id: EMAIL, lifecycle: "RETIRED" },
      { id: EMAIL, lifecycle: "DECOMMISSIONED", expectedVersion: 1 },
    ]) {
      const result = await execute("setServiceLifecycle", input);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(t.agreements.requests).toHaveLength(asked);
  });
});

describe("addServiceDependency", () => {
  it("records that a service depends on another, bumping only the dependent's version", async () => {
    const [app, db] = [await createService(), await createService()];
    const result = await execute("addServiceDependency", { serviceId: app.id, dependsOnId: db.id, expectedVersion: 1 });
    const updated = serviceOf(result, "addServiceDependency");
    expect(updated).toMatchObject({ version: 2, dependsOn: [{ id: db.id, code: db.code }], usedBy: [] });
    expect(updated.history[0]).toEqual(historyEntry("dependency added", 2, { dependsOn: [null, db.id] }));
    expect(await read(app.id)).toEqual(updated);
    expect(await read(db.id)).toMatchObject({ version: 1, usedBy: [{ id: app.id, code: app.code }] });
  });

  it("lets a LIVE or PIPELINE service depend on sample services without expectedVersion", async () => {
    const service = await createLive();
    await depend(service, await read(EMAIL));
    const updated = await depend(await read(service.id), await read(sampleId.service("IDENTITY")));
    expect(updated.version).toBe(3);
    expect(updated.dependsOn.map((s) => s.code)).toEqual(["EMAIL", "IDENTITY"]);
  });

  it("refuses a service depending on itself", async () => {
    const service = await createService();
    const before = await snapshot(t.server);
    const result = await execute("addServiceDependency", { serviceId: service.id, dependsOnId: service.id });
    expect(failure(result, "CONFLICT").message).toBe(`Service ${service.code} cannot depend on itself`);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("refuses a dependency that closes a cycle of two, naming the cycle, and writes nothing", async () => {
    const [a, b] = [await createService(), await createService()];
    await depend(a, b);
    const before = await snapshot(t.server);
    const result = await execute("addServiceDependency", { serviceId: b.id, dependsOnId: a.id });
    const error = failure(result, "CONFLICT");
    expect(error.message).toBe(
      `Service ${b.code} cannot depend on ${a.code}: that would make the cycle ${b.code} → ${a.code} → ${b.code}`,
    );
    expect(error.extensions?.cycle).toEqual([b.code, a.code, b.code]);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("refuses a dependency that closes a longer cycle, listing it in order", async () => {
    const chain = [await createService(), await createService(), await createService(), await createService()];
    for (let i = 0; i + 1 < chain.length; i++) await depend(chain[i], chain[i + 1]);
    const [first, , , last] = chain;
    const before = await snapshot(t.server);
    const result = await execute("addServiceDependency", { serviceId: last.id, dependsOnId: first.id });
    const error = failure(result, "CONFLICT");
    const cycle = [last, ...chain].map((s) => s.code);
    expect(error.message).toBe(
      `Service ${last.code} cannot depend on ${first.code}: that would make the cycle ${cycle.join(" → ")}`,
    );
    expect(error.extensions?.cycle).toEqual(cycle);
    expect(await snapshot(t.server)).toEqual(before);

    // Closing the cycle further down the chain is refused too; a shortcut along it is not a cycle.
    const inner = await execute("addServiceDependency", { serviceId: chain[2].id, dependsOnId: chain[1].id });
    expect(failure(inner, "CONFLICT").extensions?.cycle).toEqual([chain[2], chain[1], chain[2]].map((s) => s.code));
    const shortcut = await depend(await read(first.id), last);
    expect(shortcut.dependsOn.map((s) => s.id).sort()).toEqual([chain[1].id, last.id].sort());
  });

  it("allows a diamond: two paths to the same service are not a cycle", async () => {
    const [top, left, right, bottom] = [
      await createService(),
      await createService(),
      await createService(),
      await createService(),
    ];
    await depend(top, left);
    await depend(await read(top.id), right);
    await depend(left, bottom);
    const closed = await depend(right, bottom);
    expect(closed.dependsOn).toEqual([{ id: bottom.id, code: bottom.code }]);
    expect((await read(bottom.id)).usedBy.map((s) => s.code)).toEqual([left.code, right.code].sort());
    // …but the bottom may not depend on the top.
    const result = await execute("addServiceDependency", { serviceId: bottom.id, dependsOnId: top.id });
    const cycle = failure(result, "CONFLICT").extensions?.cycle as string[];
    expect(cycle).toHaveLength(4);
    expect(cycle[0]).toBe(bottom.code);
    expect(cycle[1]).toBe(top.code);
    expect([left.code, right.code]).toContain(cycle[2]);
    expect(cycle[3]).toBe(bottom.code);
  });

  it("refuses the same dependency twice", async () => {
    const [a, b] = [await createService(), await createService()];
    await depend(a, b);
    const before = await snapshot(t.server);
    const result = await execute("addServiceDependency", { serviceId: a.id, dependsOnId: b.id });
    expect(failure(result, "CONFLICT").message).toBe(`Service ${a.code} already depends on ${b.code}`);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("answers an unknown dependency with INVALID_REFERENCE and an unknown service with NOT_FOUND", async () => {
    const service = await createService();
    const before = await snapshot(t.server);
    const unknownTarget = await execute("addServiceDependency", {
      serviceId: service.id,
      dependsOnId: "no-such-service",
    });
    const error = failure(unknownTarget, "INVALID_REFERENCE");
    expect(error.message).toBe('Service "no-such-service" does not exist');
    expect(error.extensions?.ids).toEqual(["no-such-service"]);
    const unknownService = await execute("addServiceDependency", {
      serviceId: "no-such-service",
      dependsOnId: service.id,
    });
    expect(failure(unknownService, "NOT_FOUND").message).toBe('Service "no-such-service" does not exist');
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("refuses new dependencies on or of a RETIRED service", async () => {
    const service = await createService();
    const before = await snapshot(t.server);
    const onRetired = await execute("addServiceDependency", { serviceId: service.id, dependsOnId: PRINT });
    expect(failure(onRetired, "CONFLICT").message).toBe("Service PRINT is RETIRED: nothing may come to depend on it");
    const ofRetired = await execute("addServiceDependency", { serviceId: PRINT, dependsOnId: service.id });
    expect(failure(ofRetired, "CONFLICT").message).toBe("Service PRINT is RETIRED: its record is kept as it was");
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing; a bad one with BAD_USER_INPUT", async () => {
    const [a, b] = [await createService(), await createService()];
    await execute("updateService", { id: a.id, expectedVersion: 1, name: "Moved On" });
    const stale = await conflictWritingNothing(t.server.dataSource, () =>
      execute("addServiceDependency", { serviceId: a.id, dependsOnId: b.id, expectedVersion: 1 }),
    );
    expect(stale.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    const invalid = await execute("addServiceDependency", { serviceId: a.id, dependsOnId: b.id, expectedVersion: 0 });
    expect(invalidPaths(invalid)).toEqual(["input.expectedVersion"]);
  });

  it("lets only one of two concurrent dependencies that would close a cycle together succeed", async () => {
    const [a, b] = [await createService(), await createService()];
    const results = await Promise.all([
      execute("addServiceDependency", { serviceId: a.id, dependsOnId: b.id }),
      execute("addServiceDependency", { serviceId: b.id, dependsOnId: a.id }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const [loser] = results.filter((r) => r.errors);
    expect(failure(loser, "CONFLICT").extensions?.cycle).toHaveLength(3);
    const edges = await t.server.dataSource.query(
      "SELECT serviceId FROM service_dependencies WHERE serviceId IN (?, ?) AND dependsOnId IN (?, ?)",
      [a.id, b.id, a.id, b.id],
    );
    expect(edges).toHaveLength(1);
  });

  it("adds concurrent dependencies of one service one after the other, none lost", async () => {
    const service = await createService();
    const targets = await Promise.all(Array.from({ length: 6 }, () => createService()));
    await concurrentAdditionsAllKept(
      targets.map((target) => target.id),
      (dependsOnId) => execute("addServiceDependency", { serviceId: service.id, dependsOnId }),
      () => read(service.id),
      (final) => final.dependsOn.map((s) => s.id),
    );
  });
});

describe("removeServiceDependency", () => {
  it("removes a dependency, bumps the version and records what was removed", async () => {
    const [a, b] = [await createService(), await createService()];
    await depend(a, b);
    const result = await execute("removeServiceDependency", { serviceId: a.id, dependsOnId: b.id, expectedVersion: 2 });
    const updated = serviceOf(result, "removeServiceDependency");
    expect(updated).toMatchObject({ version: 3, dependsOn: [] });
    expect(updated.history.map((h) => [h.version, h.action])).toEqual([
      [3, "dependency removed"],
      [2, "dependency added"],
      [1, "created"],
    ]);
    expect(updated.history[0]).toEqual(historyEntry("dependency removed", 3, { dependsOn: [b.id, null] }));
    expect(await read(b.id)).toMatchObject({ version: 1, usedBy: [] });
    // Gone, the dependency no longer stands in the way of the reverse one.
    expect((await depend(await read(b.id), a)).dependsOn).toEqual([{ id: a.id, code: a.code }]);
  });

  it("removes a sample dependency without expectedVersion", async () => {
    const crm = sampleId.service("CRM");
    const result = await execute("removeServiceDependency", { serviceId: crm, dependsOnId: sampleId.service("ERP") });
    const updated = serviceOf(result, "removeServiceDependency");
    expect(updated.dependsOn.map((s) => s.code)).toEqual(["IDENTITY"]);
    expect(updated.version).toBe(2);
  });

  it("answers a dependency that does not exist with NOT_FOUND, and an unknown service too", async () => {
    const [a, b] = [await createService(), await createService()];
    // The reverse direction is another dependency.
    await depend(b, a);
    const before = await snapshot(t.server);
    const missing = await execute("removeServiceDependency", { serviceId: a.id, dependsOnId: b.id });
    expect(failure(missing, "NOT_FOUND").message).toBe(`Dependency of service ${a.code} "${b.id}" does not exist`);
    const unknown = await execute("removeServiceDependency", { serviceId: "no-such-service", dependsOnId: a.id });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Service "no-such-service" does not exist');
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const [a, b] = [await createService(), await createService()];
    await depend(a, b);
    const error = await conflictWritingNothing(t.server.dataSource, () =>
      execute("removeServiceDependency", { serviceId: a.id, dependsOnId: b.id, expectedVersion: 1 }),
    );
    expect(error.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
  });

  it("refuses to change the dependencies of a RETIRED service, and writes nothing", async () => {
    // PRINT (RETIRED) depends on IDENTITY in the sample; its record is kept as it was.
    const before = await snapshot(t.server);
    const result = await execute("removeServiceDependency", {
      serviceId: PRINT,
      dependsOnId: sampleId.service("IDENTITY"),
    });
    expect(failure(result, "CONFLICT").message).toBe("Service PRINT is RETIRED: its record is kept as it was");
    expect(await snapshot(t.server)).toEqual(before);
  });
});
