import type { Identity, Role } from "@itsm/kit";
import { ROLES, sampleId } from "@itsm/kit";
import { ENTITIES_QUERY, partnerIdentity, snapshotTables, TEST_IDENTITIES, TestServer } from "@itsm/kit/testing";
import { ServiceLifecycle } from "../it-services/service.enums";
import { sampleServices } from "../sample/catalog.sample";
import { createServer } from "../server";
import { newServiceInput } from "./support/services";
import type { Result } from "./support/mutations";

const t = new TestServer("catalog", createServer);

// Two partners of different sample customers: the catalogue they see must be the same LIVE part.
const PARTNER_A = partnerIdentity("FINANCE");
const PARTNER_B = partnerIdentity("ACME_RETAIL");

// One caller per role (the kit's list of roles): the partner is PARTNER_A.
const CALLERS: [Role, Identity][] = ROLES.map((role) => [role, role === "partner" ? PARTNER_A : TEST_IDENTITIES[role]]);

type Group = "everyone" | "staff" | "writers";
// The policy written out, not the kit's STAFF/WRITERS that the resolvers use: a wrong group must fail here.
const ALLOWED: Record<Group, readonly Role[]> = {
  everyone: ROLES,
  staff: ["admin", "editor", "analyst"],
  writers: ["admin", "editor"],
};
/** What the policy answers a role that may not: anonymous must sign in, a signed-in role is forbidden. */
const denial = (role: string) => (role === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");

const asEditor = (query: string, variables: Record<string, unknown> = {}) =>
  t.server.execute(query, variables, TEST_IDENTITIES.editor);

async function freshService(lifecycle = "PIPELINE"): Promise<string> {
  const result = await asEditor("mutation ($input: CreateServiceInput!) { createService(input: $input) { id } }", {
    input: newServiceInput({ lifecycle }),
  });
  expect(result.errors).toBeUndefined();
  return (result.data?.createService as { id: string }).id;
}

async function freshComponent(): Promise<string> {
  const result = await asEditor("mutation ($input: CreateComponentInput!) { createComponent(input: $input) { id } }", {
    input: { name: "Authorization Test Component", kind: "SOFTWARE", description: "Made by a test." },
  });
  expect(result.errors).toBeUndefined();
  return (result.data?.createComponent as { id: string }).id;
}

async function link(mutation: "attachComponent" | "addServiceDependency", serviceId: string, otherId: string) {
  const [type, field] =
    mutation === "attachComponent"
      ? ["ServiceComponentInput", "componentId"]
      : ["ServiceDependencyInput", "dependsOnId"];
  const result = await asEditor(`mutation ($input: ${type}!) { ${mutation}(input: $input) { id } }`, {
    input: { serviceId, [field]: otherId },
  });
  expect(result.errors).toBeUndefined();
}

const DC = sampleId.component("dc-frankfurt");
const EMAIL = sampleId.service("EMAIL");

interface Operation {
  name: string;
  group: Group;
  query: string;
  /** Makes what the operation needs (as an editor) and returns its variables. */
  variables: () => Promise<Record<string, unknown>>;
}

const QUERIES: Operation[] = [
  {
    name: "services",
    group: "everyone",
    query: "{ services(first: 3) { totalCount nodes { code } } }",
    variables: async () => ({}),
  },
  {
    name: "service",
    group: "everyone",
    query: "query ($id: ID!) { service(id: $id) { code } }",
    variables: async () => ({ id: EMAIL }),
  },
  {
    name: "serviceByCode",
    group: "everyone",
    query: '{ serviceByCode(code: "EMAIL") { code } }',
    variables: async () => ({}),
  },
  {
    name: "components",
    group: "staff",
    query: "{ components(first: 3) { totalCount nodes { name } } }",
    variables: async () => ({}),
  },
  {
    name: "component",
    group: "staff",
    query: "query ($id: ID!) { component(id: $id) { name } }",
    variables: async () => ({ id: DC }),
  },
];

const linkMutation = (name: string, input: string): string =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { id } }`;

const MUTATIONS: Operation[] = [
  {
    name: "createService",
    group: "writers",
    query: "mutation ($input: CreateServiceInput!) { createService(input: $input) { id } }",
    variables: async () => ({ input: newServiceInput() }),
  },
  {
    name: "updateService",
    group: "writers",
    query: "mutation ($input: UpdateServiceInput!) { updateService(input: $input) { id } }",
    variables: async () => ({ input: { id: await freshService(), expectedVersion: 1, name: "Renamed" } }),
  },
  {
    name: "setServiceLifecycle",
    group: "writers",
    query: "mutation ($input: SetServiceLifecycleInput!) { setServiceLifecycle(input: $input) { id } }",
    variables: async () => ({ input: { id: await freshService(), lifecycle: "LIVE", expectedVersion: 1 } }),
  },
  {
    name: "attachComponent",
    group: "writers",
    query: linkMutation("attachComponent", "ServiceComponentInput"),
    variables: async () => ({ input: { serviceId: await freshService(), componentId: DC } }),
  },
  {
    name: "detachComponent",
    group: "writers",
    query: linkMutation("detachComponent", "ServiceComponentInput"),
    variables: async () => {
      const serviceId = await freshService();
      await link("attachComponent", serviceId, DC);
      return { input: { serviceId, componentId: DC } };
    },
  },
  {
    name: "addServiceDependency",
    group: "writers",
    query: linkMutation("addServiceDependency", "ServiceDependencyInput"),
    variables: async () => ({ input: { serviceId: await freshService(), dependsOnId: sampleId.service("IDENTITY") } }),
  },
  {
    name: "removeServiceDependency",
    group: "writers",
    query: linkMutation("removeServiceDependency", "ServiceDependencyInput"),
    variables: async () => {
      const serviceId = await freshService();
      await link("addServiceDependency", serviceId, sampleId.service("IDENTITY"));
      return { input: { serviceId, dependsOnId: sampleId.service("IDENTITY") } };
    },
  },
  {
    name: "createComponent",
    group: "writers",
    query: "mutation ($input: CreateComponentInput!) { createComponent(input: $input) { id } }",
    variables: async () => ({ input: { name: "Matrix Component", kind: "DATA", description: "Made by the matrix." } }),
  },
  {
    name: "updateComponent",
    group: "writers",
    query: "mutation ($input: UpdateComponentInput!) { updateComponent(input: $input) { id } }",
    variables: async () => ({ input: { id: await freshComponent(), expectedVersion: 1, name: "Renamed Component" } }),
  },
];

function expectDenied(result: Result, code: string, field: string) {
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0].extensions?.code).toBe(code);
  expect(result.errors?.[0].message).toContain(field);
  expect(result.data?.[field.split(".")[1]] ?? null).toBeNull();
}

describe("role × operation matrix", () => {
  const cases = [...QUERIES, ...MUTATIONS].flatMap((op) =>
    CALLERS.map(([role, identity]) => ({ op, role, identity, allowed: ALLOWED[op.group].includes(role) })),
  );

  it.each(cases.map((c) => [c.op.name, c.role, c.allowed ? "allowed" : denial(c.role), c] as const))(
    "%s as %s: %s",
    async (_name, role, _expected, { op, identity, allowed }) => {
      const variables = await op.variables();
      const before = allowed ? null : await snapshotTables(t.server.dataSource);
      const result = await t.server.execute(op.query, variables, identity);
      if (allowed) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.[op.name]).not.toBeNull();
      } else {
        const type = MUTATIONS.includes(op) ? "Mutation" : "Query";
        expectDenied(result, denial(role), `${type}.${op.name}`);
        // A refused operation changes nothing.
        expect(await snapshotTables(t.server.dataSource)).toEqual(before);
      }
    },
  );
});

const LIVE = sampleServices.filter((s) => s.lifecycle === ServiceLifecycle.LIVE).map((s) => s.code);
const NOT_LIVE = sampleServices.filter((s) => s.lifecycle !== ServiceLifecycle.LIVE).map((s) => s.code);
const LIVE_ONLY: [string, Identity][] = [
  ["partner A", PARTNER_A],
  ["partner B", PARTNER_B],
  ["anonymous", TEST_IDENTITIES.anonymous],
];

/** The codes of every page of `services` with the filter given, and the totalCount of the first page. */
async function allServices(identity: Identity, filter: Record<string, unknown> = {}) {
  const codes: string[] = [];
  let after: string | null = null;
  let total: number | null = null;
  for (;;) {
    const result = await t.server.execute(
      "query ($after: String, $filter: ServiceFilter) { services(first: 7, after: $after, filter: $filter) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }",
      { after, filter },
      identity,
    );
    expect(result.errors).toBeUndefined();
    const page = result.data?.services as {
      totalCount: number;
      nodes: { code: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    total ??= page.totalCount;
    codes.push(...page.nodes.map((n) => n.code));
    if (!page.pageInfo.hasNextPage) return { codes, total };
    after = page.pageInfo.endCursor;
  }
}

describe("service row filters", () => {
  // Sample services made by other tests are not LIVE sample services: compare with the sample only.
  const sample = new Set(sampleServices.map((s) => s.code));

  it("the sample has services out of the LIVE catalogue (else these tests prove nothing)", () => {
    expect(NOT_LIVE).toEqual(expect.arrayContaining(["PRINT", "DATA_WAREHOUSE", "ZTNA"]));
  });

  it.each(LIVE_ONLY)("lists only LIVE services to %s, totalCount and pages included", async (_role, identity) => {
    const { codes, total } = await allServices(identity, { codes: [...sample] });
    expect(codes).toEqual([...LIVE].sort());
    expect(total).toBe(LIVE.length);
    const retired = await allServices(identity, { lifecycle: ["RETIRED", "PIPELINE"] });
    expect(retired).toEqual({ codes: [], total: 0 });
  });

  it.each([
    ["analyst", TEST_IDENTITIES.analyst],
    ["admin", TEST_IDENTITIES.admin],
  ] as const)("lists every service to %s", async (_role, identity) => {
    const { codes, total } = await allServices(identity, { codes: [...sample] });
    expect(codes).toEqual([...sample].sort());
    expect(total).toBe(sample.size);
  });

  it.each(LIVE_ONLY)(
    "answers %s null + NOT_FOUND for a service out of the LIVE catalogue, exactly as for a nonexistent one",
    async (_role, identity) => {
      const byId = (id: string) => t.server.execute("query ($id: ID!) { service(id: $id) { code } }", { id }, identity);
      const byCode = (code: string) =>
        t.server.execute("query ($code: String!) { serviceByCode(code: $code) { code } }", { code }, identity);
      for (const code of ["PRINT", "ZTNA"]) {
        const id = sampleId.service(code);
        const hidden = await byId(id);
        expect(hidden.data?.service).toBeNull();
        expect(hidden.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
        // The answer for an id that never existed, word for word: nothing tells them apart.
        expect(hidden.errors?.[0].message).toBe(`Service "${id}" does not exist`);
      }
      expect((await byId("no-such-service")).errors?.[0].message).toBe('Service "no-such-service" does not exist');
      const hiddenCode = await byCode("DATA_WAREHOUSE");
      expect(hiddenCode.data?.serviceByCode).toBeNull();
      expect(hiddenCode.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
      expect(hiddenCode.errors?.[0].message).toBe('Service "DATA_WAREHOUSE" does not exist');
      expect((await byCode("EMAIL")).data?.serviceByCode).toEqual({ code: "EMAIL" });
    },
  );

  it("answers staff every lifecycle by id and by code", async () => {
    const result = await t.server.execute(
      `query ($id: ID!) { service(id: $id) { code } serviceByCode(code: "ZTNA") { code } }`,
      { id: sampleId.service("PRINT") },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ service: { code: "PRINT" }, serviceByCode: { code: "ZTNA" } });
  });

  const RELATIONS = `query ($id: ID!) { service(id: $id) { dependsOn { code } usedBy { code } } }`;
  const relationsOf = async (identity: Identity, code: string) => {
    const result = await t.server.execute(RELATIONS, { id: sampleId.service(code) }, identity);
    expect(result.errors).toBeUndefined();
    const service = result.data?.service as { dependsOn: { code: string }[]; usedBy: { code: string }[] };
    return { dependsOn: service.dependsOn.map((s) => s.code), usedBy: service.usedBy.map((s) => s.code) };
  };
  const sampleUsersOf = (code: string) => sampleServices.filter((s) => s.dependsOn.includes(code)).map((s) => s.code);

  it.each(LIVE_ONLY)("shows %s only LIVE services in usedBy and dependsOn", async (_role, identity) => {
    const users = sampleUsersOf("IDENTITY");
    expect(users).toEqual(expect.arrayContaining(["PRINT", "DATA_WAREHOUSE", "ZTNA"]));
    const { usedBy } = await relationsOf(identity, "IDENTITY");
    expect(usedBy.filter((c) => sample.has(c))).toEqual(users.filter((c) => LIVE.includes(c)).sort());
    // A LIVE service that depends on a service later retired: made here, the sample has none.
    const dependent = await freshService("LIVE");
    const retiring = await freshService("LIVE");
    await link("addServiceDependency", dependent, retiring);
    await link("addServiceDependency", dependent, sampleId.service("WAN"));
    const staffView = await t.server.execute(RELATIONS, { id: dependent }, TEST_IDENTITIES.analyst);
    expect((staffView.data?.service as { dependsOn: unknown[] }).dependsOn).toHaveLength(2);
    await t.server.dataSource.query("UPDATE services SET lifecycle = 'RETIRED' WHERE id = ?", [retiring]);
    const result = await t.server.execute(RELATIONS, { id: dependent }, identity);
    expect(result.errors).toBeUndefined();
    expect(result.data?.service).toEqual({ dependsOn: [{ code: "WAN" }], usedBy: [] });
  });

  it("shows staff every service in usedBy", async () => {
    const { usedBy } = await relationsOf(TEST_IDENTITIES.analyst, "IDENTITY");
    expect(usedBy.filter((c) => sample.has(c))).toEqual(sampleUsersOf("IDENTITY").sort());
  });
});

describe("Service and Component entities (_entities)", () => {
  const representations = ["EMAIL", "PRINT", "ZTNA"].map((code) => ({
    __typename: "Service",
    id: sampleId.service(code),
  }));
  const resolve = (identity: Identity) =>
    t.server.execute(ENTITIES_QUERY("Service", "code"), { representations }, identity);

  it.each([
    ["admin", TEST_IDENTITIES.admin],
    ["analyst", TEST_IDENTITIES.analyst],
    ["partner A", PARTNER_A],
    ["partner B", PARTNER_B],
  ] as const)("resolves services of every lifecycle for %s", async (_role, identity) => {
    const result = await resolve(identity);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ code: "EMAIL" }, { code: "PRINT" }, { code: "ZTNA" }]);
  });

  it("resolves only LIVE services for anonymous (others null)", async () => {
    const result = await resolve(TEST_IDENTITIES.anonymous);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ code: "EMAIL" }, null, null]);
  });

  it.each([
    ["partner", PARTNER_A],
    ["anonymous", TEST_IDENTITIES.anonymous],
  ] as const)("resolves no Component for %s", async (_role, identity) => {
    const result = await t.server.execute(
      ENTITIES_QUERY("Component", "id"),
      { representations: [{ __typename: "Component", id: DC }] },
      identity,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([null]);
  });
});

describe("field-level denials", () => {
  const STAFF_FIELDS = ["monthlyCost { amount }", "components { name }", "history { actor }"];

  it.each(
    STAFF_FIELDS.flatMap((field) => CALLERS.map(([role, identity]) => [field.split(" ")[0], role, identity] as const)),
  )("Service.%s as %s", async (field, role, identity) => {
    const selection = STAFF_FIELDS.find((f) => f.startsWith(field)) ?? field;
    const result = await t.server.execute(
      `query ($id: ID!) { service(id: $id) { code ${selection} } }`,
      { id: EMAIL },
      identity,
    );
    if (ALLOWED.staff.includes(role)) {
      expect(result.errors).toBeUndefined();
      expect((result.data?.service as Record<string, unknown>)[field]).toBeDefined();
    } else {
      expect(result.errors?.map((e) => [e.extensions?.code, e.path?.join(".")])).toEqual([
        [denial(role), `service.${field}`],
      ]);
      expect(result.errors?.[0].message).toContain(`Service.${field}`);
      // The field is non-null, so GraphQL nulls the service it belongs to.
      expect(result.data?.service).toBeNull();
    }
  });

  it("lets staff read a component's fields and history", async () => {
    const result = await t.server.execute(
      "query ($id: ID!) { component(id: $id) { name kind services { code } impactedServices { code } history { actor } } }",
      { id: DC },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    expect((result.data?.component as { services: unknown[] }).services.length).toBeGreaterThan(0);
  });
});
