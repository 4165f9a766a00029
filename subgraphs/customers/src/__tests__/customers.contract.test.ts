import { sampleId } from "@itsm/kit";
import { committedSdl, ENTITIES_QUERY, TEST_IDENTITIES, TestServer } from "@itsm/kit/testing";
import { ContactRole } from "../contacts/contact.enums";
import { sampleCustomers, sampleProviders } from "../sample/customers.sample";
import type { SampleContact, SampleCustomer, SampleProvider } from "../sample/customers.sample-types";
import { createServer } from "../server";

const t = new TestServer("customers", createServer);

/** Runs as an analyst: staff read everything (what the other roles see is in customers.access.test.ts). */
const asStaff = (query: string, variables?: Record<string, unknown>) =>
  t.server.execute(query, variables, TEST_IDENTITIES.analyst);

const customer = (code: string): SampleCustomer => {
  const found = sampleCustomers.find((c) => c.code === code);
  if (!found) throw new Error(`no sample customer ${code}`);
  return found;
};

const provider = (code: string): SampleProvider => {
  const found = sampleProviders.find((p) => p.code === code);
  if (!found) throw new Error(`no sample provider ${code}`);
  return found;
};

const customerFields = (c: SampleCustomer) => ({
  id: sampleId.customer(c.code),
  code: c.code,
  name: c.name,
  kind: c.kind,
  status: c.status,
});

const providerFields = (p: SampleProvider) => ({
  id: sampleId.provider(p.code),
  code: p.code,
  name: p.name,
  kind: p.kind,
});

// The documented order of `Customer.contacts`: by role (in the enum's order), then by name.
const ROLE_ORDER = Object.values(ContactRole) as string[];
const byRoleThenName = (a: SampleContact, b: SampleContact) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name);

describe("customers subgraph contract", () => {
  it("serves the committed SDL through _service", async () => {
    const result = await asStaff("{ _service { sdl } }");
    expect(result.errors).toBeUndefined();
    expect((result.data as { _service: { sdl: string } })._service.sdl.trim()).toBe(committedSdl("customers").trim());
  });

  it("resolves Customer entities by id, unknown ids to null, in the order given", async () => {
    const result = await asStaff(ENTITIES_QUERY("Customer", "id code name kind status"), {
      representations: [
        { __typename: "Customer", id: sampleId.customer("STADTWERKE_RHEINTAL") },
        { __typename: "Customer", id: "no-such-customer" },
        { __typename: "Customer", id: sampleId.customer("FINANCE") },
        { __typename: "Customer", id: sampleId.customer("NO_SUCH_CODE") },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      customerFields(customer("STADTWERKE_RHEINTAL")),
      null,
      customerFields(customer("FINANCE")),
      null,
    ]);
  });

  it("resolves Provider entities by id, unknown ids to null, in the order given", async () => {
    const result = await asStaff(ENTITIES_QUERY("Provider", "id code name kind"), {
      representations: [
        { __typename: "Provider", id: sampleId.provider("NETCO") },
        { __typename: "Provider", id: sampleId.provider("NO_SUCH_PROVIDER") },
        { __typename: "Provider", id: sampleId.provider("CORP_IT") },
        { __typename: "Provider", id: sampleId.provider("SSC") },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      providerFields(provider("NETCO")),
      null,
      providerFields(provider("CORP_IT")),
      providerFields(provider("SSC")),
    ]);
  });

  it("resolves a mix of Customer and Provider representations in one request", async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on Customer { id code }
        ... on Provider { id code }
      }
    }`;
    const result = await asStaff(query, {
      representations: [
        { __typename: "Provider", id: sampleId.provider("SSC") },
        { __typename: "Customer", id: sampleId.customer("HR") },
        // A customer's id is not a provider's: the key is looked up for the type named.
        { __typename: "Provider", id: sampleId.customer("HR") },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { __typename: "Provider", id: sampleId.provider("SSC"), code: "SSC" },
      { __typename: "Customer", id: sampleId.customer("HR"), code: "HR" },
      null,
    ]);
  });

  it("answers an unknown customer id with NOT_FOUND", async () => {
    const result = await asStaff('{ customer(id: "nope") { code } }');
    expect(result.data?.customer).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(result.errors?.[0].message).toBe('Customer "nope" does not exist');
    expect(result.errors?.[0].path).toEqual(["customer"]);
  });

  it("answers an unknown provider id and unknown codes with NOT_FOUND", async () => {
    const result = await asStaff(
      '{ provider(id: "nope") { code } customerByCode(code: "NOPE") { id } providerByCode(code: "NOPE") { id } }',
    );
    expect(result.data).toEqual({ provider: null, customerByCode: null, providerByCode: null });
    const messages = Object.fromEntries((result.errors ?? []).map((e) => [String(e.path?.[0]), e.message]));
    expect(messages).toEqual({
      provider: 'Provider "nope" does not exist',
      customerByCode: 'Customer "NOPE" does not exist',
      providerByCode: 'Provider "NOPE" does not exist',
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
  });

  it("finds a customer by code", async () => {
    const acme = customer("ACME_RETAIL");
    const result = await asStaff(
      "query ($code: String!) { customerByCode(code: $code) { id code name description kind status version } }",
      { code: acme.code },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.customerByCode).toEqual({
      ...customerFields(acme),
      description: acme.description,
      version: 1,
    });
  });

  it("finds a customer by id", async () => {
    const result = await asStaff("query ($id: ID!) { customer(id: $id) { id code } }", {
      id: sampleId.customer("LOGISTICS"),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.customer).toEqual({ id: sampleId.customer("LOGISTICS"), code: "LOGISTICS" });
  });

  it("finds a provider by code and by id", async () => {
    const ssc = provider("SSC");
    const result = await asStaff(
      `query ($code: String!, $id: ID!) {
        byCode: providerByCode(code: $code) { id code name description kind version }
        byId: provider(id: $id) { code }
      }`,
      { code: ssc.code, id: sampleId.provider("NETCO") },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      byCode: { ...providerFields(ssc), description: ssc.description, version: 1 },
      byId: { code: "NETCO" },
    });
  });

  it("answers a page over the maximum and a malformed cursor with BAD_USER_INPUT", async () => {
    const tooMany = await asStaff("{ customers(first: 101) { totalCount } }");
    expect(tooMany.data?.customers).toBeNull();
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0].extensions?.argumentName).toBe("first");

    const negative = await asStaff("{ providers(first: -1) { totalCount } }");
    expect(negative.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    const badCursor = await asStaff('{ customers(after: "garbage!") { totalCount } }');
    expect(badCursor.data?.customers).toBeNull();
    expect(badCursor.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(badCursor.errors?.[0].extensions?.argumentName).toBe("after");

    // Well-formed base64url, but not a cursor this graph issued.
    const foreign = Buffer.from(JSON.stringify({ offset: 3 }), "utf8").toString("base64url");
    const foreignCursor = await asStaff("query ($after: String) { providers(after: $after) { totalCount } }", {
      after: foreign,
    });
    expect(foreignCursor.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("accepts the maximum page size and returns every customer in code order", async () => {
    const result = await asStaff(
      "{ customers(first: 100) { totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage } } }",
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.customers).toEqual({
      totalCount: sampleCustomers.length,
      nodes: sampleCustomers
        .map((c) => c.code)
        .sort()
        .map((code) => ({ code })),
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
  });

  it("continues a page from its endCursor", async () => {
    const codes = sampleCustomers.map((c) => c.code).sort();
    const query =
      "query ($after: String) { customers(first: 2, after: $after) { nodes { code } edges { cursor } pageInfo { endCursor hasNextPage hasPreviousPage } } }";
    type Connection = {
      nodes: { code: string }[];
      edges: { cursor: string }[];
      pageInfo: { endCursor: string; hasNextPage: boolean; hasPreviousPage: boolean };
    };
    const first = (await asStaff(query)).data?.customers as Connection;
    expect(first.nodes.map((n) => n.code)).toEqual(codes.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);
    const second = (await asStaff(query, { after: first.pageInfo.endCursor })).data?.customers as Connection;
    expect(second.nodes.map((n) => n.code)).toEqual(codes.slice(2, 4));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });

  it("lists every customer's contacts by role (business owner first), then name, each with an e-mail", async () => {
    const result = await asStaff("{ customers(first: 100) { nodes { code contacts { id name email role phone } } } }");
    expect(result.errors).toBeUndefined();
    const nodes = (
      result.data?.customers as {
        nodes: {
          code: string;
          contacts: { id: string; name: string; email: string; role: string; phone: string | null }[];
        }[];
      }
    ).nodes;
    expect(nodes.map((n) => n.code).sort()).toEqual(sampleCustomers.map((c) => c.code).sort());
    for (const node of nodes) {
      const sample = customer(node.code);
      const expected = [...sample.contacts].sort(byRoleThenName).map((c) => ({
        id: sampleId.contact(sample.code, c.email),
        name: c.name,
        email: c.email,
        role: c.role,
        phone: c.phone ?? null,
      }));
      expect(node.contacts).toEqual(expected);
      for (const contact of node.contacts) expect(contact.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      if (sample.contacts.some((c) => c.role === ContactRole.BUSINESS_OWNER)) {
        expect(node.contacts[0].role).toBe(ContactRole.BUSINESS_OWNER);
      }
    }
  });

  it("orders contacts by role, not by the order they were recorded in", async () => {
    // SALES records its TECHNICAL contact before its SERVICE_DESK contact.
    const result = await asStaff('{ customerByCode(code: "SALES") { contacts { role } } }');
    expect(result.errors).toBeUndefined();
    const roles = (result.data?.customerByCode as { contacts: { role: string }[] }).contacts.map((c) => c.role);
    expect(roles).toEqual(
      customer("SALES")
        .contacts.map((c) => c.role)
        .sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)),
    );
    expect(roles).not.toEqual(customer("SALES").contacts.map((c) => c.role));
  });

  it("rejects an unknown enum value before execution", async () => {
    const result = await asStaff("{ customers(filter: { kind: [PARTNER] }) { totalCount } }");
    expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
