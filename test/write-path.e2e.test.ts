import { dumpDatabase } from "./support/dump";
import type { GraphResponse } from "./support/graph";
import { as, Graph, startedForSuite, SUBGRAPH_NAMES } from "./support/graph";
import { daysFrom } from "./support/sample";
import type { Data } from "./support/writes";
import {
  expectOneOwnerUpdateWon,
  makeActivatable,
  newLiveService as createLiveService,
  succeedingCalls,
  unique,
} from "./support/writes";

const graph = startedForSuite(new Graph());
// Writes need an editor (or admin); the editor also reads everything the checks look at.
const EDITOR = as("editor");

const ok = succeedingCalls(graph, EDITOR);

const firstError = (response: GraphResponse<Data>) => response.errors?.[0];
const today = () => new Date();

async function idOf(kind: "serviceByCode" | "customerByCode" | "providerByCode", code: string): Promise<string> {
  return (await ok(`{ ${kind}(code: "${code}") { id } }`))[kind].id;
}

const newLiveService = () =>
  createLiveService(ok, "SVC_", { description: "Created by the write-path test.", owner: "Test team" });

const AGREEMENT_FIELDS = "id number status version revision";

/** A DRAFT SLA covering `serviceId` for a sample customer, complete enough to activate. */
async function completeDraft(
  serviceId: string,
  type = "SLA",
): Promise<{ id: string; number: string; revision: number }> {
  const customerIds = type === "SLA" ? [await idOf("customerByCode", "FINANCE")] : [];
  const draft = (
    await ok(`mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`, {
      input: {
        number: unique(`${type === "SLA" ? "SLA" : "OLA"}-TEST-`),
        title: "Agreement under test",
        description: "Created by the write-path test.",
        type,
        effectiveFrom: daysFrom(today(), -1),
        effectiveTo: daysFrom(today(), 365),
        providerId: await idOf("providerByCode", "CORP_IT"),
        customerIds,
        services: [
          {
            serviceId,
            description: "As agreed.",
            serviceHours: "24x7",
            monthlyCharge: { amount: "10.5", currency: "EUR" },
          },
        ],
      },
    })
  ).createAgreement;
  expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
  await makeActivatable(ok, draft.id, serviceId);
  const { agreement } = await ok(`{ agreement(id: "${draft.id}") { ${AGREEMENT_FIELDS} } }`);
  return agreement;
}

const ACTIVATE = `mutation ($id: ID!, $rev: Int) { activateAgreement(input: { id: $id, expectedRevision: $rev }) { ${AGREEMENT_FIELDS} } }`;
const RETIRE = `mutation ($id: ID!, $v: Int!) { setServiceLifecycle(input: { id: $id, lifecycle: RETIRED, expectedVersion: $v }) { id lifecycle version } }`;

describe("the federated write path, through the gateway", () => {
  it("creates, fills and activates an agreement; a covered service cannot be retired until it ends", async () => {
    const service = await newLiveService();
    const draft = await completeDraft(service.id);
    const active = (await ok(ACTIVATE, { id: draft.id, rev: draft.revision })).activateAgreement;
    expect(active).toMatchObject({ status: "ACTIVE", revision: draft.revision + 1 });

    const covering = await ok(`{ service(id: "${service.id}") { agreements(status: [ACTIVE]) { number } } }`);
    expect(covering.service.agreements).toEqual([{ number: draft.number }]);

    const blocked = await graph.query<Data>(RETIRE, { id: service.id, v: service.version }, EDITOR);
    expect(firstError(blocked)).toMatchObject({ extensions: { code: "CONFLICT", agreements: [draft.number] } });
    expect(firstError(blocked)!.message).toContain(draft.number);

    await ok(
      `mutation ($id: ID!, $rev: Int!) { terminateAgreement(input: { id: $id, expectedRevision: $rev, reason: "Customer left" }) { status } }`,
      {
        id: active.id,
        rev: active.revision,
      },
    );
    const retired = (await ok(RETIRE, { id: service.id, v: service.version })).setServiceLifecycle;
    expect(retired).toMatchObject({ lifecycle: "RETIRED", version: service.version + 1 });

    const history = await ok(`{ agreement(id: "${active.id}") { history { actor action } } }`);
    expect(history.agreement.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(["created", "activated", "terminated: Customer left"]),
    );
    expect(history.agreement.history.every((h: { actor: string }) => h.actor === "e2e-editor")).toBe(true);
  });

  it("names every bad reference with INVALID_REFERENCE, and writes nothing", async () => {
    const before = await Promise.all(SUBGRAPH_NAMES.map((name) => dumpDatabase(graph, name)));
    const response = await graph.query<Data>(
      `mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
      {
        input: {
          number: unique("SLA-BAD-"),
          title: "Bad references",
          description: "Refers to things it may not.",
          type: "SLA",
          effectiveFrom: daysFrom(today(), 1),
          providerId: "no-such-provider",
          customerIds: [await idOf("customerByCode", "STADTWERKE_RHEINTAL"), "no-such-customer"],
          services: [
            { serviceId: await idOf("serviceByCode", "PRINT"), description: "x", serviceHours: "24x7" },
            { serviceId: "no-such-service", description: "x", serviceHours: "24x7" },
          ],
        },
      },
      EDITOR,
    );
    const error = firstError(response)!;
    expect(error.extensions?.code).toBe("INVALID_REFERENCE");
    const invalid = error.extensions?.invalid as { typeName: string; id: string; reason: string }[];
    expect(invalid.map((i) => `${i.typeName}:${i.reason}`).sort()).toEqual(
      [
        "Customer:STADTWERKE_RHEINTAL is INACTIVE",
        "Customer:does not exist",
        "Provider:does not exist",
        "Service:PRINT is RETIRED",
        "Service:does not exist",
      ].sort(),
    );
    const after = await Promise.all(SUBGRAPH_NAMES.map((name) => dumpDatabase(graph, name)));
    expect(after).toEqual(before);
  });

  it("lists every activation problem at once", async () => {
    const draft = (
      await ok(`mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`, {
        input: {
          number: unique("SLA-EMPTY-"),
          title: "Empty draft",
          description: "Nothing in it yet.",
          type: "SLA",
          effectiveFrom: daysFrom(today(), 1),
          providerId: await idOf("providerByCode", "CORP_IT"),
        },
      })
    ).createAgreement;
    const before = await dumpDatabase(graph, "agreements");
    const response = await graph.query<Data>(ACTIVATE, { id: draft.id, rev: draft.revision }, EDITOR);
    expect(firstError(response)?.extensions?.code).toBe("CONFLICT");
    expect(firstError(response)?.extensions?.problems).toEqual([
      "it covers no service",
      "an SLA needs at least one customer",
      "no responsibility of the provider",
      "no responsibility of the customer",
    ]);
    expect(await dumpDatabase(graph, "agreements")).toEqual(before);
  });

  it("refuses an underpinning OLA less strict than its SLA, and accepts it once it is strict enough", async () => {
    const service = await newLiveService();
    const sla = await completeDraft(service.id);
    await ok(ACTIVATE, { id: sla.id, rev: sla.revision });
    const ola = await completeDraft(service.id, "OLA");
    await ok(`mutation ($input: AgreementUnderpinningInput!) { linkUnderpinning(input: $input) { id } }`, {
      input: { agreementId: sla.id, underpinningId: ola.id },
    });
    const weaker = {
      agreementId: ola.id,
      serviceId: service.id,
      metric: "AVAILABILITY",
      comparator: "AT_LEAST",
      unit: "PERCENT",
      description: "OLA availability.",
    };
    await ok(`mutation ($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      input: { ...weaker, value: 99.0 },
    });
    const refused = await graph.query<Data>(ACTIVATE, { id: ola.id }, EDITOR);
    expect(firstError(refused)?.extensions?.code).toBe("CONFLICT");
    expect(String(firstError(refused)?.message)).toContain(`less strict than ${sla.number} for AVAILABILITY`);
    await ok(`mutation ($input: SetTargetInput!) { setTarget(input: $input) { id } }`, {
      input: { ...weaker, value: 99.9 },
    });
    expect((await ok(ACTIVATE, { id: ola.id })).activateAgreement.status).toBe("ACTIVE");
    const links = await ok(`{ agreement(id: "${sla.id}") { underpinnedBy { number } } }`);
    expect(links.agreement.underpinnedBy).toEqual([{ number: ola.number }]);
  });

  it("revises an ACTIVE agreement into version 2; activating it supersedes version 1, which stays readable", async () => {
    const service = await newLiveService();
    const draft = await completeDraft(service.id);
    const v1 = (await ok(ACTIVATE, { id: draft.id })).activateAgreement;
    const editV1 = await graph.query<Data>(
      `mutation { updateAgreement(input: { id: "${v1.id}", expectedRevision: ${v1.revision}, title: "Changed" }) { id } }`,
      undefined,
      EDITOR,
    );
    expect(firstError(editV1)?.extensions?.code).toBe("CONFLICT");

    const v2 = (
      await ok(`mutation { reviseAgreement(input: { id: "${v1.id}" }) { ${AGREEMENT_FIELDS} supersedes { id } } }`)
    ).reviseAgreement;
    expect(v2).toMatchObject({ number: v1.number, version: 2, status: "DRAFT", supersedes: { id: v1.id } });
    await ok(
      `mutation { updateAgreement(input: { id: "${v2.id}", expectedRevision: ${v2.revision}, title: "Terms of version 2" }) { id } }`,
    );
    expect((await ok(ACTIVATE, { id: v2.id })).activateAgreement.status).toBe("ACTIVE");

    const current = await ok(
      `{ agreementByNumber(number: "${v1.number}") { version title status versions { version status } } }`,
    );
    expect(current.agreementByNumber).toMatchObject({
      version: 2,
      title: "Terms of version 2",
      status: "ACTIVE",
      versions: [
        { version: 1, status: "TERMINATED" },
        { version: 2, status: "ACTIVE" },
      ],
    });
    const old = await ok(
      `{ agreementByNumber(number: "${v1.number}", version: 1) { title status supersededBy { version } } }`,
    );
    expect(old.agreementByNumber).toEqual({
      title: "Agreement under test",
      status: "TERMINATED",
      supersededBy: { version: 2 },
    });
  });

  it("20 concurrent updates with the same expectedVersion: exactly one wins, no lost update", async () => {
    const service = await newLiveService();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        graph.query<Data>(
          `mutation ($input: UpdateServiceInput!) { updateService(input: $input) { version owner } }`,
          {
            input: { id: service.id, expectedVersion: service.version, owner: `Owner ${i}` },
          },
          EDITOR,
        ),
      ),
    );
    const conflicts = responses.filter((r) => firstError(r)?.extensions?.code === "CONFLICT");
    expect(conflicts).toHaveLength(19);
    await expectOneOwnerUpdateWon(ok, service, responses);
  });

  it("a retirement racing an activation: never both succeed", async () => {
    for (let round = 0; round < 8; round++) {
      const service = await newLiveService();
      const draft = await completeDraft(service.id);
      const [activation, retirement] = await Promise.all([
        graph.query<Data>(ACTIVATE, { id: draft.id }, EDITOR),
        graph.query<Data>(RETIRE, { id: service.id, v: service.version }, EDITOR),
      ]);
      const state = await ok(`{ service(id: "${service.id}") { lifecycle } agreement(id: "${draft.id}") { status } }`);
      expect(activation.errors && retirement.errors).toBeFalsy(); // at least one succeeds...
      expect(!activation.errors && !retirement.errors).toBe(false); // ...and never both
      expect([state.service.lifecycle, state.agreement.status]).toEqual(
        activation.errors ? ["RETIRED", "DRAFT"] : ["LIVE", "ACTIVE"],
      );
    }
  });

  it("rejects invalid input with the path of every offending field", async () => {
    // An availability target with a comparator and unit of a time target, and the given description.
    const setTarget = (description: string) =>
      graph.query<Data>(
        `mutation ($input: SetTargetInput!) { setTarget(input: $input) { id } }`,
        {
          input: {
            agreementId: "x",
            serviceId: "y",
            metric: "AVAILABILITY",
            comparator: "AT_MOST",
            value: 140,
            unit: "MINUTES",
            description,
          },
        },
        EDITOR,
      );
    const response = await setTarget("");
    const error = firstError(response)!;
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect((error.extensions?.fields as { path: string }[]).map((f) => f.path)).toEqual(["input.description"]);
    const semantic = await setTarget("Too much");
    expect((firstError(semantic)!.extensions?.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      "input.comparator",
      "input.unit",
      "input.value",
    ]);
  });
});
