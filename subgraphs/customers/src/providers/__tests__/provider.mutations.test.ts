import { sampleId } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import {
  conflictWritingNothing,
  createdEntry,
  dataOf,
  expectStaleChangeRefused,
  onlyOneConcurrentChangeWins,
  onlyOneConcurrentCreateWins,
  TEST_IDENTITIES,
  TestServer,
} from "@itsm/kit/testing";
import { createServer } from "../../server";
import type { Result } from "../../__tests__/support/mutations";
import { failure, HISTORY_FIELDS, invalidPaths, snapshot } from "../../__tests__/support/mutations";

const t = new TestServer("customers", createServer);

interface ProviderView {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: string;
  version: number;
  history: HistoryRow[];
}

const PROVIDER = `id code name description kind version ${HISTORY_FIELDS}`;
const CREATE = `mutation ($input: CreateProviderInput!) { createProvider(input: $input) { ${PROVIDER} } }`;
const UPDATE = `mutation ($input: UpdateProviderInput!) { updateProvider(input: $input) { ${PROVIDER} } }`;

/** Mutations run as an editor (a writer); reads as an analyst (staff, no writes). */
const execute = (query: string, input: Record<string, unknown>) =>
  t.server.execute(query, { input }, TEST_IDENTITIES.editor);
const json = (value: unknown) => JSON.stringify(value);

let created = 0;
const nextCode = () => `TEST_PROVIDER_${++created}`;

const providerOf = (result: Result, field: string) => dataOf<ProviderView>(result, field);

async function createProvider(input: Record<string, unknown> = {}): Promise<ProviderView> {
  const result = await execute(CREATE, {
    code: nextCode(),
    name: "Test Provider",
    description: "A provider made by a test.",
    kind: "EXTERNAL",
    ...input,
  });
  return providerOf(result, "createProvider");
}

async function read(id: string): Promise<ProviderView> {
  return providerOf(
    await t.server.execute(`query ($id: ID!) { provider(id: $id) { ${PROVIDER} } }`, { id }, TEST_IDENTITIES.analyst),
    "provider",
  );
}

describe("createProvider", () => {
  it("creates a provider at version 1 and records who created it", async () => {
    const code = nextCode();
    const provider = await createProvider({ code, name: "Contoso Hosting", kind: "SHARED_SERVICES" });
    expect(provider).toMatchObject({
      code,
      name: "Contoso Hosting",
      description: "A provider made by a test.",
      kind: "SHARED_SERVICES",
      version: 1,
    });
    expect(provider.history).toEqual([
      createdEntry({
        code,
        name: "Contoso Hosting",
        description: "A provider made by a test.",
        kind: "SHARED_SERVICES",
      }),
    ]);
    expect(await read(provider.id)).toEqual(provider);
  });

  it("rejects invalid input with BAD_USER_INPUT naming every invalid field, and writes nothing", async () => {
    const before = await snapshot(t.server);
    const result = await execute(CREATE, { code: "1ST", name: "", description: "x".repeat(4001), kind: "INTERNAL" });
    expect(invalidPaths(result)).toEqual(["input.code", "input.name", "input.description"]);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a taken code with CONFLICT and writes nothing", async () => {
    const error = await conflictWritingNothing(t.server.dataSource, () =>
      execute(CREATE, { code: "CORP_IT", name: "Second IT", description: "Taken.", kind: "INTERNAL" }),
    );
    expect(error.message).toBe("A provider with code CORP_IT already exists");
    expect(error.extensions?.code).toBe("CONFLICT");
  });

  it("lets a provider share a code with a customer (they are different registers)", async () => {
    const provider = await createProvider({ code: "HR" });
    expect(provider.code).toBe("HR");
  });

  it("lets exactly one of several concurrent creates of one code succeed", async () => {
    const code = nextCode();
    const takenMessage = `A provider with code ${code} already exists`;
    await onlyOneConcurrentCreateWins(t.server.dataSource, { table: "providers", code, takenMessage }, 5, (i) =>
      execute(CREATE, { code, name: `Racer ${i}`, description: "Races.", kind: "EXTERNAL" }),
    );
  });
});

describe("updateProvider", () => {
  it("changes the fields given, bumps the version and records only what changed", async () => {
    const provider = await createProvider();
    const result = await execute(UPDATE, {
      id: provider.id,
      expectedVersion: 1,
      description: "Now hosts everything.",
      kind: "INTERNAL",
    });
    const updated = providerOf(result, "updateProvider");
    expect(updated).toMatchObject({
      id: provider.id,
      code: provider.code,
      name: provider.name,
      description: "Now hosts everything.",
      kind: "INTERNAL",
      version: 2,
    });
    expect(updated.history.map((h) => h.action)).toEqual(["updated", "created"]);
    expect(updated.history[0]).toMatchObject({
      actor: "test-editor",
      version: 2,
      changes: [
        { field: "description", from: json("A provider made by a test."), to: json("Now hosts everything.") },
        { field: "kind", from: json("EXTERNAL"), to: json("INTERNAL") },
      ],
    });
    expect(await read(provider.id)).toEqual(updated);
  });

  it("updates a sample provider", async () => {
    const result = await execute(UPDATE, { id: sampleId.provider("NETCO"), expectedVersion: 1, name: "NetCo AG" });
    expect(providerOf(result, "updateProvider")).toMatchObject({ code: "NETCO", name: "NetCo AG", version: 2 });
  });

  it("changes nothing when every value given is the current one, or none is given", async () => {
    const provider = await createProvider();
    const same = await execute(UPDATE, { id: provider.id, expectedVersion: 1, kind: provider.kind });
    expect(providerOf(same, "updateProvider")).toEqual(provider);
    const empty = await execute(UPDATE, { id: provider.id, expectedVersion: 1 });
    expect(providerOf(empty, "updateProvider")).toEqual(provider);
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const { id } = await createProvider();
    await expectStaleChangeRefused(t.server.dataSource, "Provider", id, (name) =>
      execute(UPDATE, { id, expectedVersion: 1, name }),
    );
  });

  it("answers an unknown id with NOT_FOUND", async () => {
    const result = await execute(UPDATE, { id: "no-such-provider", expectedVersion: 1, name: "Nobody" });
    expect(failure(result, "NOT_FOUND").message).toBe('Provider "no-such-provider" does not exist');
  });

  it("rejects invalid fields with BAD_USER_INPUT and has no way to change the code", async () => {
    const invalid = await execute(UPDATE, { id: sampleId.provider("SSC"), expectedVersion: 0, name: "S" });
    expect(invalidPaths(invalid)).toEqual(["input.expectedVersion", "input.name"]);
    const code = await execute(UPDATE, { id: sampleId.provider("SSC"), expectedVersion: 1, code: "SHARED" });
    expect(code.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(code.errors?.[0].message).toContain('Field "code" is not defined by type "UpdateProviderInput"');
  });

  it("lets exactly one of 20 concurrent updates from the same version succeed", async () => {
    const provider = await createProvider();
    await onlyOneConcurrentChangeWins(20, (i) =>
      execute(UPDATE, { id: provider.id, expectedVersion: 1, name: `Writer ${i}` }),
    );
    const final = await read(provider.id);
    expect(final.version).toBe(2);
    expect(final.history.filter((h) => h.version === 2)).toHaveLength(1);
  });
});

describe("Provider.history", () => {
  it("is empty for a sample provider nobody has changed", async () => {
    const result = await t.server.execute(
      '{ providerByCode(code: "CORP_IT") { history { action } } }',
      {},
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.providerByCode).toEqual({ history: [] });
  });
});
