import type { Identity, Role } from "@itsm/kit";
import { ROLES, sampleId, verifyIdentity } from "@itsm/kit";
import { ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES, TEST_INTERNAL_SECRET } from "@itsm/kit/testing";
import { sampleCustomers, sampleProviders } from "../sample/customers.sample";
import { CustomersHarness } from "./support/harness";
import type { Result } from "./support/mutations";
import { snapshot } from "./support/mutations";

const t = new CustomersHarness();

// Two external sample customers, each the partner of its own portal, and one shared by a partner acting for two.
const A = "ACME_RETAIL";
const B = "STADTWERKE_RHEINTAL";
const C = "VANDIJK_FRANCHISE";
const partnerA = partnerIdentity(A);
const partnerB = partnerIdentity(B);

// One caller per role of the kit's list: the partner is partnerA.
const callerOf = (role: Role): Identity => (role === "partner" ? partnerA : TEST_IDENTITIES[role]);
type RoleName = Role;
type Outcome = "allowed" | "FORBIDDEN" | "UNAUTHENTICATED";

// The policy, written out per role (not derived from the kit's role groups, so that a wrong group fails here).
const SIGNED_IN: Record<RoleName, Outcome> = {
  admin: "allowed",
  editor: "allowed",
  analyst: "allowed",
  partner: "allowed",
  anonymous: "UNAUTHENTICATED",
};
const STAFF_ONLY: Record<RoleName, Outcome> = { ...SIGNED_IN, partner: "FORBIDDEN" };
const WRITERS_ONLY: Record<RoleName, Outcome> = { ...STAFF_ONLY, analyst: "FORBIDDEN" };

const asEditor = (query: string, variables: Record<string, unknown>) =>
  t.server.execute(query, variables, TEST_IDENTITIES.editor);

let made = 0;
const nextCode = (prefix: string) => `ACCESS_${prefix}_${++made}`;

async function newCustomer(contacts: Record<string, string>[] = []): Promise<{ id: string; contactIds: string[] }> {
  const result = await asEditor(
    "mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id contacts { id } } }",
    {
      input: {
        code: nextCode("C"),
        name: "Access Test",
        description: "Made by the access test.",
        kind: "EXTERNAL",
        contacts,
      },
    },
  );
  expect(result.errors).toBeUndefined();
  const created = result.data?.createCustomer as { id: string; contacts: { id: string }[] };
  return { id: created.id, contactIds: created.contacts.map((c) => c.id) };
}

async function newProvider(): Promise<string> {
  const result = await asEditor("mutation ($input: CreateProviderInput!) { createProvider(input: $input) { id } }", {
    input: { code: nextCode("P"), name: "Access Provider", description: "Made by the access test.", kind: "EXTERNAL" },
  });
  expect(result.errors).toBeUndefined();
  return (result.data?.createProvider as { id: string }).id;
}

interface Operation {
  field: string;
  rule: Record<RoleName, Outcome>;
  /** Prepares what the operation needs (as an editor) and returns its query and variables. */
  prepare: () => Promise<{ query: string; variables: Record<string, unknown> }>;
}

const jane = { name: "Jane Doe", email: "jane.doe@example.com", role: "BUSINESS_OWNER" };

const QUERIES: Operation[] = [
  {
    field: "customers",
    rule: SIGNED_IN,
    prepare: async () => ({ query: "{ customers(first: 100) { totalCount nodes { code } } }", variables: {} }),
  },
  {
    field: "customer",
    rule: SIGNED_IN,
    prepare: async () => ({
      query: "query ($id: ID!) { customer(id: $id) { code } }",
      variables: { id: sampleId.customer(A) },
    }),
  },
  {
    field: "customerByCode",
    rule: SIGNED_IN,
    prepare: async () => ({
      query: "query ($code: String!) { customerByCode(code: $code) { code } }",
      variables: { code: A },
    }),
  },
  {
    field: "providers",
    rule: STAFF_ONLY,
    prepare: async () => ({ query: "{ providers(first: 100) { totalCount nodes { code } } }", variables: {} }),
  },
  {
    field: "provider",
    rule: STAFF_ONLY,
    prepare: async () => ({
      query: "query ($id: ID!) { provider(id: $id) { code } }",
      variables: { id: sampleId.provider("CORP_IT") },
    }),
  },
  {
    field: "providerByCode",
    rule: STAFF_ONLY,
    prepare: async () => ({ query: '{ providerByCode(code: "NETCO") { code } }', variables: {} }),
  },
];

/** A mutation only writers may make, taking `$input` of `inputType`; `input` makes a fresh one (as an editor). */
const writersOnly = (field: string, inputType: string, input: () => Promise<Record<string, unknown>>): Operation => ({
  field,
  rule: WRITERS_ONLY,
  prepare: async () => ({
    query: `mutation ($input: ${inputType}!) { ${field}(input: $input) { id } }`,
    variables: { input: await input() },
  }),
});

const MUTATIONS: Operation[] = [
  writersOnly("createCustomer", "CreateCustomerInput", async () => ({
    code: nextCode("C"),
    name: "Created",
    description: "By the matrix.",
    kind: "INTERNAL",
  })),
  writersOnly("updateCustomer", "UpdateCustomerInput", async () => ({
    id: (await newCustomer()).id,
    expectedVersion: 1,
    name: "Renamed",
  })),
  writersOnly("setCustomerStatus", "SetCustomerStatusInput", async () => ({
    id: (await newCustomer()).id,
    status: "INACTIVE",
    expectedVersion: 1,
  })),
  writersOnly("addContact", "AddContactInput", async () => ({ customerId: (await newCustomer()).id, ...jane })),
  writersOnly("removeContact", "RemoveContactInput", async () => ({
    contactId: (await newCustomer([jane])).contactIds[0],
  })),
  writersOnly("createProvider", "CreateProviderInput", async () => ({
    code: nextCode("P"),
    name: "Created",
    description: "By the matrix.",
    kind: "INTERNAL",
  })),
  writersOnly("updateProvider", "UpdateProviderInput", async () => ({
    id: await newProvider(),
    expectedVersion: 1,
    name: "Renamed",
  })),
];

const cases = (operations: Operation[]) =>
  operations.flatMap((op) => ROLES.map((role) => [op.field, role, op.rule[role], op] as const));

/** The one error of a denied operation: its code, on the operation's path, naming the field. */
function expectDenied(result: Result, field: string, parent: string, code: Outcome) {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(result.errors?.[0].path).toEqual([field]);
  expect(result.errors?.[0].message).toContain(`${parent}.${field}`);
  expect(result.data?.[field] ?? null).toBeNull();
}

describe("who may use each query", () => {
  it.each(cases(QUERIES))("%s as %s: %s", async (field, role, outcome, op) => {
    const { query, variables } = await op.prepare();
    const result = await t.server.execute(query, variables, callerOf(role));
    if (outcome === "allowed") {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[field]).not.toBeNull();
    } else {
      expectDenied(result, field, "Query", outcome);
    }
  });
});

describe("who may use each mutation", () => {
  it.each(cases(MUTATIONS))("%s as %s: %s", async (field, role, outcome, op) => {
    const { query, variables } = await op.prepare();
    const asked = t.agreements.requests.length;
    const before = await snapshot(t.server);
    const result = await t.server.execute(query, variables, callerOf(role));
    if (outcome === "allowed") {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[field]).toEqual({ id: expect.any(String) });
      // A deactivation claims with the agreements subgraph as the acting identity.
      for (const request of t.agreements.requests.slice(asked)) {
        expect(verifyIdentity(request.identityHeader, TEST_INTERNAL_SECRET)).toEqual(callerOf(role));
      }
    } else {
      expectDenied(result, field, "Mutation", outcome);
      expect(await snapshot(t.server)).toEqual(before);
      // Refused before it began: the agreements subgraph was not even asked.
      expect(t.agreements.requests.slice(asked)).toEqual([]);
    }
  });

  it("refuses a partner before validating its input (no hint about what would be valid)", async () => {
    const result = await t.server.execute(
      "mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }",
      { input: { code: "lower-case", name: "X", description: "", kind: "INTERNAL" } },
      partnerA,
    );
    expectDenied(result, "createCustomer", "Mutation", "FORBIDDEN");
  });
});

const codesOf = (result: Result, field = "customers") => {
  expect(result.errors).toBeUndefined();
  return result.data?.[field] as { totalCount: number; nodes: { code: string }[] };
};

const LIST = `query ($filter: CustomerFilter, $first: Int, $after: String) {
  customers(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id code } pageInfo { hasNextPage endCursor }
  }
}`;

describe("the customers a partner sees", () => {
  it("lists only its own customer, and counts only that one", async () => {
    expect(codesOf(await t.server.execute(LIST, { first: 100 }, partnerA))).toMatchObject({
      totalCount: 1,
      nodes: [{ id: sampleId.customer(A), code: A }],
    });
    expect(codesOf(await t.server.execute(LIST, { first: 100 }, partnerB))).toMatchObject({
      totalCount: 1,
      nodes: [{ id: sampleId.customer(B), code: B }],
    });
    // Staff see them all (the matrix above added some): the filter above is the partner's, not the data's.
    const staff = codesOf(await t.server.execute(LIST, { first: 100 }, TEST_IDENTITIES.analyst));
    expect(staff.nodes.map((n) => n.code)).toEqual(expect.arrayContaining(sampleCustomers.map((c) => c.code)));
    expect(staff.totalCount).toBe(staff.nodes.length);
  });

  it("pages through the customers of a partner acting for several, counting only those", async () => {
    const partner = partnerIdentity(C, A);
    const first = codesOf(await t.server.execute(LIST, { first: 1 }, partner)) as ReturnType<typeof codesOf> & {
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(first).toMatchObject({ totalCount: 2, nodes: [{ code: A }], pageInfo: { hasNextPage: true } });
    const second = codesOf(await t.server.execute(LIST, { first: 1, after: first.pageInfo.endCursor }, partner));
    expect(second).toMatchObject({ totalCount: 2, nodes: [{ code: C }], pageInfo: { hasNextPage: false } });
  });

  it("narrows the codes filter to its own: what the agreements subgraph asks to map codes to ids", async () => {
    const result = await t.server.execute(
      "query ($codes: [String!]) { customers(filter: { codes: $codes }, first: 100) { totalCount nodes { id code } } }",
      { codes: [A, B, "HR", "NO_SUCH_CODE"] },
      partnerA,
    );
    expect(codesOf(result)).toEqual({ totalCount: 1, nodes: [{ id: sampleId.customer(A), code: A }] });
    const others = await t.server.execute(LIST, { filter: { codes: [B, "HR"] }, first: 100 }, partnerA);
    expect(codesOf(others)).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it("finds nothing by search outside its own customers", async () => {
    // "Stadtwerke" matches B by name, and only B.
    const staff = await t.server.execute(
      LIST,
      { filter: { search: "stadtwerke" }, first: 100 },
      TEST_IDENTITIES.analyst,
    );
    expect(codesOf(staff).nodes.map((n) => n.code)).toEqual([B]);
    const partner = await t.server.execute(LIST, { filter: { search: "stadtwerke" }, first: 100 }, partnerA);
    expect(codesOf(partner)).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it("sees no customers at all when it acts for none", async () => {
    const result = await t.server.execute(LIST, { first: 100 }, partnerIdentity());
    expect(codesOf(result)).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it("reads its own customer with its contacts by id and by code", async () => {
    const result = await t.server.execute(
      "query ($id: ID!, $code: String!) { byId: customer(id: $id) { code contacts { email } } byCode: customerByCode(code: $code) { id } }",
      { id: sampleId.customer(A), code: A },
      partnerA,
    );
    expect(result.errors).toBeUndefined();
    const sample = sampleCustomers.find((c) => c.code === A);
    expect((result.data?.byId as { contacts: { email: string }[] }).contacts.map((c) => c.email).sort()).toEqual(
      sample?.contacts.map((c) => c.email).sort(),
    );
    expect(result.data?.byCode).toEqual({ id: sampleId.customer(A) });
  });

  it("gets another's customer by id or code exactly as a nonexistent one: null and NOT_FOUND", async () => {
    const query =
      "query ($id: ID!, $code: String!) { customer(id: $id) { code } customerByCode(code: $code) { code } }";
    const other = await t.server.execute(query, { id: sampleId.customer(B), code: B }, partnerA);
    const missing = await t.server.execute(query, { id: "no-such-customer", code: "NO_SUCH_CODE" }, partnerA);
    expect(other.data).toEqual({ customer: null, customerByCode: null });
    expect(missing.data).toEqual({ customer: null, customerByCode: null });
    const shape = (result: Result, id: string, code: string) =>
      // Sorted by path: the two fields resolve concurrently, so errors may come in either order.
      JSON.stringify([...(result.errors ?? [])].sort((x, y) => String(x.path).localeCompare(String(y.path))))
        .replaceAll(id, "<id>")
        .replaceAll(code, "<code>");
    expect(shape(other, sampleId.customer(B), B)).toBe(shape(missing, "no-such-customer", "NO_SUCH_CODE"));
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
  });
});

describe("_entities", () => {
  const customers = [A, B, "HR"].map((code) => ({ __typename: "Customer", id: sampleId.customer(code) }));
  const customerEntities = (identity: Identity) =>
    t.server.execute(ENTITIES_QUERY("Customer", "code"), { representations: customers }, identity);

  it("resolves a partner's own customers only, others to null", async () => {
    const result = await customerEntities(partnerA);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ code: A }, null, null]);
    expect((await customerEntities(partnerB)).data?._entities).toEqual([null, { code: B }, null]);
  });

  it("resolves every customer for staff and none for an anonymous caller", async () => {
    for (const role of ["admin", "editor", "analyst"] as const) {
      expect((await customerEntities(callerOf(role))).data?._entities).toEqual([
        { code: A },
        { code: B },
        { code: "HR" },
      ]);
    }
    const anonymous = await customerEntities(TEST_IDENTITIES.anonymous);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?._entities).toEqual([null, null, null]);
  });

  it("resolves providers for every signed-in caller (a partner meets them in its agreements), none for anonymous", async () => {
    const representations = sampleProviders.map((p) => ({ __typename: "Provider", id: sampleId.provider(p.code) }));
    const expected = sampleProviders.map((p) => ({ code: p.code }));
    for (const role of ["admin", "editor", "analyst", "partner"] as const) {
      const result = await t.server.execute(ENTITIES_QUERY("Provider", "code"), { representations }, callerOf(role));
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual(expected);
    }
    const anonymous = await t.server.execute(
      ENTITIES_QUERY("Provider", "code"),
      { representations },
      TEST_IDENTITIES.anonymous,
    );
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?._entities).toEqual(sampleProviders.map(() => null));
  });
});

describe("history is for staff", () => {
  it("refuses a partner the history of its own customer and of a provider, with FORBIDDEN on the field", async () => {
    const own = await t.server.execute(`{ customerByCode(code: "${A}") { code history { action } } }`, {}, partnerA);
    expect(own.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ["FORBIDDEN", ["customerByCode", "history"]],
    ]);
    expect(own.errors?.[0].message).toContain("Customer.history");
    const provider = await t.server.execute(
      ENTITIES_QUERY("Provider", "code history { action }"),
      { representations: [{ __typename: "Provider", id: sampleId.provider("CORP_IT") }] },
      partnerA,
    );
    expect(provider.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ["FORBIDDEN", ["_entities", 0, "history"]],
    ]);
    expect(provider.errors?.[0].message).toContain("Provider.history");
  });

  it("gives staff the history of customers and providers", async () => {
    for (const role of ["admin", "editor", "analyst"] as const) {
      const result = await t.server.execute(
        `{ customerByCode(code: "${A}") { history { action } } providerByCode(code: "CORP_IT") { history { action } } }`,
        {},
        callerOf(role),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ customerByCode: { history: [] }, providerByCode: { history: [] } });
    }
  });
});

describe("row filters stay batched", () => {
  /** SQL statements this subgraph ran to answer one operation (its `db_queries_total`). */
  async function statementsFor(query: string, variables: Record<string, unknown>, identity: Identity) {
    const count = async () =>
      (await t.server.metrics.registry.getSingleMetric("db_queries_total")?.get())?.values[0].value;
    const before = Number(await count());
    const result = await t.server.execute(query, variables, identity);
    expect(result.errors).toBeUndefined();
    return Number(await count()) - before;
  }

  const PAGE =
    "query ($first: Int) { customers(first: $first) { totalCount nodes { code contacts { role } history { action } } } }";

  it("costs a page of staff customers the same statements at 2 as at 100", async () => {
    const small = await statementsFor(PAGE, { first: 2 }, TEST_IDENTITIES.analyst);
    expect(await statementsFor(PAGE, { first: 100 }, TEST_IDENTITIES.analyst)).toBe(small);
  });

  it("resolves a partner's entities with their contacts in one statement each, an anonymous caller's in none", async () => {
    const representations = [A, C, B, "HR"].map((code) => ({ __typename: "Customer", id: sampleId.customer(code) }));
    const query = ENTITIES_QUERY("Customer", "code contacts { role }");
    // The customers in scope, then their contacts.
    expect(await statementsFor(query, { representations }, partnerIdentity(A, C))).toBe(2);
    expect(await statementsFor(query, { representations }, TEST_IDENTITIES.anonymous)).toBe(0);
  });
});
