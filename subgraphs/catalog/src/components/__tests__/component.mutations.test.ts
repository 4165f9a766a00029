import { sampleId } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import {
  concurrentAdditionsAllKept,
  createdEntry,
  dataOf,
  expectStaleChangeRefused,
  historyEntry,
  onlyOneConcurrentRenameWins,
  TEST_IDENTITIES,
} from "@itsm/kit/testing";
import { CatalogHarness } from "../../__tests__/support/harness";
import { failure, HISTORY_FIELDS, invalidPaths, snapshot } from "../../__tests__/support/mutations";
import { newServiceInput } from "../../__tests__/support/services";

const t = new CatalogHarness();

interface ComponentView {
  id: string;
  name: string;
  kind: string;
  description: string;
  version: number;
  services: { id: string; code: string }[];
  impactedServices: { code: string }[];
  history: HistoryRow[];
}

interface ServiceView {
  id: string;
  code: string;
  lifecycle: string;
  version: number;
  components: { id: string; name: string }[];
  history: HistoryRow[];
}

const COMPONENT = `id name kind description version services { id code } impactedServices { code } ${HISTORY_FIELDS}`;
const SERVICE = `id code lifecycle version components { id name } ${HISTORY_FIELDS}`;

const CREATE = `mutation ($input: CreateComponentInput!) { createComponent(input: $input) { ${COMPONENT} } }`;
const UPDATE = `mutation ($input: UpdateComponentInput!) { updateComponent(input: $input) { ${COMPONENT} } }`;
const ATTACH = `mutation ($input: ServiceComponentInput!) { attachComponent(input: $input) { ${SERVICE} } }`;
const DETACH = `mutation ($input: ServiceComponentInput!) { detachComponent(input: $input) { ${SERVICE} } }`;
const CREATE_SERVICE = `mutation ($input: CreateServiceInput!) { createService(input: $input) { ${SERVICE} } }`;
const ADD_DEPENDENCY = `mutation ($input: ServiceDependencyInput!) { addServiceDependency(input: $input) { id } }`;

/** Mutations run as an editor (a writer); reads as an analyst (staff, no writes). */
const execute = (query: string, input: Record<string, unknown>) =>
  t.server.execute(query, { input }, TEST_IDENTITIES.editor);

let created = 0;
const nextName = () => `Test Component ${++created}`;

async function createComponent(input: Record<string, unknown> = {}): Promise<ComponentView> {
  const result = await execute(CREATE, {
    name: nextName(),
    kind: "SOFTWARE",
    description: "A component made by a test.",
    ...input,
  });
  return dataOf(result, "createComponent");
}

async function createService(input: Record<string, unknown> = {}): Promise<ServiceView> {
  return dataOf(await execute(CREATE_SERVICE, newServiceInput(input)), "createService");
}

async function readComponent(id: string): Promise<ComponentView> {
  return dataOf(
    await t.server.execute(`query ($id: ID!) { component(id: $id) { ${COMPONENT} } }`, { id }, TEST_IDENTITIES.analyst),
    "component",
  );
}

async function readService(id: string): Promise<ServiceView> {
  return dataOf(
    await t.server.execute(`query ($id: ID!) { service(id: $id) { ${SERVICE} } }`, { id }, TEST_IDENTITIES.analyst),
    "service",
  );
}

const PRINT = sampleId.service("PRINT"); // RETIRED in the sample, made of print-fleet
const PRINT_FLEET = sampleId.component("print-fleet");

describe("createComponent", () => {
  it("creates a component at version 1 and records who created it", async () => {
    const name = nextName();
    const component = await createComponent({ name, kind: "HARDWARE", description: "Two racks in Frankfurt." });
    expect(component).toMatchObject({
      name,
      kind: "HARDWARE",
      description: "Two racks in Frankfurt.",
      version: 1,
      services: [],
      impactedServices: [],
    });
    expect(component.history).toEqual([
      createdEntry({ name, kind: "HARDWARE", description: "Two racks in Frankfurt." }),
    ]);
    expect(await readComponent(component.id)).toEqual(component);
  });

  it("allows two components of the same name (names are not keys)", async () => {
    const name = nextName();
    const [first, second] = [await createComponent({ name }), await createComponent({ name })];
    expect(first.id).not.toBe(second.id);
  });

  it("rejects invalid input with BAD_USER_INPUT naming every invalid field, and writes nothing", async () => {
    const before = await snapshot(t.server);
    const result = await execute(CREATE, { name: "X", kind: "NETWORK", description: "" });
    expect(invalidPaths(result)).toEqual(["input.name", "input.description"]);
    expect(result.errors?.[0].message).toContain("input.name: name must be longer than or equal to 2 characters");
    const badKind = await execute(CREATE, { name: "Valid Name", kind: "CLOUD", description: "Somewhere." });
    expect(badKind.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await snapshot(t.server)).toEqual(before);
  });
});

describe("updateComponent", () => {
  it("changes the fields given, bumps the version and records only what changed", async () => {
    const component = await createComponent();
    const result = await execute(UPDATE, {
      id: component.id,
      expectedVersion: 1,
      name: "Renamed Component",
      kind: "DATA",
      description: component.description,
    });
    const updated = dataOf<ComponentView>(result, "updateComponent");
    expect(updated).toMatchObject({
      id: component.id,
      name: "Renamed Component",
      kind: "DATA",
      description: component.description,
      version: 2,
    });
    expect(updated.history.map((h) => [h.action, h.version])).toEqual([
      ["updated", 2],
      ["created", 1],
    ]);
    expect(updated.history[0]).toEqual(
      historyEntry("updated", 2, { name: [component.name, "Renamed Component"], kind: ["SOFTWARE", "DATA"] }),
    );
    expect(await readComponent(component.id)).toEqual(updated);
  });

  it("changes nothing (no new version, no history) when every value given is the current one", async () => {
    const component = await createComponent();
    const before = await snapshot(t.server);
    const result = await execute(UPDATE, { id: component.id, expectedVersion: 1, kind: component.kind });
    expect(dataOf(result, "updateComponent")).toEqual(component);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("updates a sample component", async () => {
    const id = sampleId.component("exchange-online");
    const result = await execute(UPDATE, { id, expectedVersion: 1, description: "Exchange Online, EU data boundary." });
    expect(dataOf(result, "updateComponent")).toMatchObject({
      version: 2,
      description: "Exchange Online, EU data boundary.",
      services: [{ id: sampleId.service("EMAIL"), code: "EMAIL" }],
    });
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const { id } = await createComponent();
    await expectStaleChangeRefused(t.server.dataSource, "Component", id, (name) =>
      execute(UPDATE, { id, expectedVersion: 1, name }),
    );
  });

  it("answers an unknown id with NOT_FOUND and invalid fields with BAD_USER_INPUT", async () => {
    const unknown = await execute(UPDATE, { id: "no-such-component", expectedVersion: 1, name: "Nobody" });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Component "no-such-component" does not exist');
    const invalid = await execute(UPDATE, { id: PRINT_FLEET, expectedVersion: 0, name: "P", description: "" });
    expect(invalidPaths(invalid)).toEqual(["input.expectedVersion", "input.name", "input.description"]);
  });

  it("lets exactly one of 20 concurrent updates from the same version succeed", async () => {
    const component = await createComponent();
    const rename = (name: string) => execute(UPDATE, { id: component.id, expectedVersion: 1, name });
    await onlyOneConcurrentRenameWins(20, rename, () => readComponent(component.id));
  });
});

describe("attachComponent", () => {
  it("makes a component part of a service, bumps the service's version and records the component", async () => {
    const [service, component] = [await createService(), await createComponent()];
    const result = await execute(ATTACH, { serviceId: service.id, componentId: component.id, expectedVersion: 1 });
    const updated = dataOf<ServiceView>(result, "attachComponent");
    expect(updated).toMatchObject({ version: 2, components: [{ id: component.id, name: component.name }] });
    expect(updated.history[0]).toEqual(historyEntry("component attached", 2, { components: [null, component.id] }));
    expect(await readService(service.id)).toEqual(updated);
    // The component itself does not change; it now reports the service (and what depends on it).
    const dependent = await createService();
    await execute(ADD_DEPENDENCY, { serviceId: dependent.id, dependsOnId: service.id });
    expect(await readComponent(component.id)).toMatchObject({
      version: 1,
      services: [{ id: service.id, code: service.code }],
      impactedServices: [{ code: service.code }, { code: dependent.code }].sort((a, b) => a.code.localeCompare(b.code)),
    });
  });

  it("attaches a shared sample component to another service without expectedVersion", async () => {
    const service = await createService({ lifecycle: "LIVE" });
    const sanStorage = sampleId.component("san-storage");
    const updated = dataOf<ServiceView>(
      await execute(ATTACH, { serviceId: service.id, componentId: sanStorage }),
      "attachComponent",
    );
    expect(updated.components.map((c) => c.id)).toEqual([sanStorage]);
    const users = (await readComponent(sanStorage)).services.map((s) => s.code);
    expect(users).toEqual(expect.arrayContaining(["DB_PLATFORM", "HOSTING", service.code]));
  });

  it("refuses a component the service already has", async () => {
    const [service, component] = [await createService(), await createComponent()];
    await execute(ATTACH, { serviceId: service.id, componentId: component.id });
    const before = await snapshot(t.server);
    const result = await execute(ATTACH, { serviceId: service.id, componentId: component.id });
    expect(failure(result, "CONFLICT").message).toBe(
      `Component "${component.id}" is already part of service ${service.code}`,
    );
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("answers an unknown component with INVALID_REFERENCE and an unknown service with NOT_FOUND", async () => {
    const [service, component] = [await createService(), await createComponent()];
    const before = await snapshot(t.server);
    const unknownComponent = await execute(ATTACH, { serviceId: service.id, componentId: "no-such-component" });
    const error = failure(unknownComponent, "INVALID_REFERENCE");
    expect(error.message).toBe('Component "no-such-component" does not exist');
    expect(error.extensions?.ids).toEqual(["no-such-component"]);
    const unknownService = await execute(ATTACH, { serviceId: "no-such-service", componentId: component.id });
    expect(failure(unknownService, "NOT_FOUND").message).toBe('Service "no-such-service" does not exist');
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("refuses to change a RETIRED service's components", async () => {
    const component = await createComponent();
    const before = await snapshot(t.server);
    const result = await execute(ATTACH, { serviceId: PRINT, componentId: component.id });
    expect(failure(result, "CONFLICT").message).toBe("Service PRINT is RETIRED: its record is kept as it was");
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing; a bad one with BAD_USER_INPUT", async () => {
    const [service, component] = [await createService(), await createComponent()];
    await execute(ATTACH, { serviceId: service.id, componentId: (await createComponent()).id });
    const before = await snapshot(t.server);
    const stale = await execute(ATTACH, { serviceId: service.id, componentId: component.id, expectedVersion: 1 });
    expect(failure(stale, "CONFLICT").extensions).toMatchObject({
      typeName: "Service",
      expectedVersion: 1,
      currentVersion: 2,
    });
    expect(await snapshot(t.server)).toEqual(before);
    const invalid = await execute(ATTACH, { serviceId: service.id, componentId: component.id, expectedVersion: -1 });
    expect(invalidPaths(invalid)).toEqual(["input.expectedVersion"]);
  });

  it("attaches concurrent components without expectedVersion one after the other, none lost", async () => {
    const service = await createService();
    const components = await Promise.all(Array.from({ length: 8 }, () => createComponent()));
    await concurrentAdditionsAllKept(
      components.map((c) => c.id),
      (componentId) => execute(ATTACH, { serviceId: service.id, componentId }),
      () => readService(service.id),
      (final) => final.components.map((c) => c.id),
    );
  });

  it("attaches one of several concurrent identical attachments", async () => {
    const [service, component] = [await createService(), await createComponent()];
    const results = await Promise.all(
      Array.from({ length: 6 }, () => execute(ATTACH, { serviceId: service.id, componentId: component.id })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const loser of results.filter((r) => r.errors)) failure(loser, "CONFLICT");
    const final = await readService(service.id);
    expect(final).toMatchObject({ version: 2, components: [{ id: component.id }] });
  });
});

describe("detachComponent", () => {
  it("removes a component from a service, bumps the service's version and records the removal", async () => {
    const [service, kept, removed] = [await createService(), await createComponent(), await createComponent()];
    await execute(ATTACH, { serviceId: service.id, componentId: kept.id });
    await execute(ATTACH, { serviceId: service.id, componentId: removed.id });
    const result = await execute(DETACH, { serviceId: service.id, componentId: removed.id, expectedVersion: 3 });
    const updated = dataOf<ServiceView>(result, "detachComponent");
    expect(updated).toMatchObject({ version: 4, components: [{ id: kept.id }] });
    expect(updated.history.map((h) => [h.version, h.action])).toEqual([
      [4, "component detached"],
      [3, "component attached"],
      [2, "component attached"],
      [1, "created"],
    ]);
    expect(updated.history[0]).toEqual(historyEntry("component detached", 4, { components: [removed.id, null] }));
    expect(await readComponent(removed.id)).toMatchObject({ version: 1, services: [] });
  });

  it("answers a component the service does not have with NOT_FOUND", async () => {
    const [service, component] = [await createService(), await createComponent()];
    const before = await snapshot(t.server);
    const result = await execute(DETACH, { serviceId: service.id, componentId: component.id });
    expect(failure(result, "NOT_FOUND").message).toBe(
      `Component of service ${service.code} "${component.id}" does not exist`,
    );
    const unknown = await execute(DETACH, { serviceId: "no-such-service", componentId: component.id });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Service "no-such-service" does not exist');
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("refuses to detach a component from a RETIRED service", async () => {
    const before = await snapshot(t.server);
    const result = await execute(DETACH, { serviceId: PRINT, componentId: PRINT_FLEET });
    expect(failure(result, "CONFLICT").message).toBe("Service PRINT is RETIRED: its record is kept as it was");
    expect(await snapshot(t.server)).toEqual(before);
    expect((await readService(PRINT)).components.map((c) => c.id)).toEqual([PRINT_FLEET]);
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const [service, component] = [await createService(), await createComponent()];
    await execute(ATTACH, { serviceId: service.id, componentId: component.id });
    const before = await snapshot(t.server);
    const result = await execute(DETACH, { serviceId: service.id, componentId: component.id, expectedVersion: 1 });
    expect(failure(result, "CONFLICT").extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect(await snapshot(t.server)).toEqual(before);
  });
});
