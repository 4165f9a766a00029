import { OperationSelection, sampleId, toPageRequest } from "@itsm/kit";
import { TestServer } from "@itsm/kit/testing";
import { ProviderKind } from "../../providers/provider.enums";
import { CustomerKind, CustomerStatus } from "../customer.enums";
import { sampleCustomers, sampleProviders } from "../../sample/customers.sample";
import type { SampleCustomer } from "../../sample/customers.sample-types";
import { createServer } from "../../server";
import { CustomerService } from "../customer.service";
import type { CustomerScope } from "../customer.scope";
import { ProviderService } from "../../providers/provider.service";

const t = new TestServer("customers", createServer);
/** The services under test, over the test server's database. */
const customers = () => new CustomerService(t.server.dataSource);
const providers = () => new ProviderService(t.server.dataSource);

const ALL = toPageRequest({ first: 100 });
/** What staff may read: every customer. */
const STAFF_SCOPE: CustomerScope = { all: true };

/** Codes of the sample customers matching `keep`, in the order `list` returns them (by code). */
const expectedCodes = (keep: (c: SampleCustomer) => boolean) =>
  sampleCustomers
    .filter(keep)
    .map((c) => c.code)
    .sort();

/** Case-insensitive "code or name contains", as the search filter is documented. */
const contains = (text: string) => (c: { code: string; name: string }) =>
  c.code.toLowerCase().includes(text.toLowerCase()) || c.name.toLowerCase().includes(text.toLowerCase());

describe("CustomerService.list", () => {
  it("pages through every customer exactly once, in code order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await customers().list(null, toPageRequest({ first: 3, after }), STAFF_SCOPE);
      pages += 1;
      expect(page.nodes.length).toBeLessThanOrEqual(3);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.nodes.map((c) => c.code));
      expect(await page.totalCount).toBe(sampleCustomers.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(sampleCustomers.map((c) => c.code).sort());
    expect(new Set(seen).size).toBe(sampleCustomers.length);
    expect(pages).toBe(Math.max(1, Math.ceil(sampleCustomers.length / 3)));
  });

  it("returns each customer with its sample fields and stable id", async () => {
    const page = await customers().list(null, ALL, STAFF_SCOPE);
    expect(page.nodes.map((c) => ({ id: c.id, code: c.code, name: c.name, kind: c.kind, status: c.status }))).toEqual(
      [...sampleCustomers]
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((c) => ({ id: sampleId.customer(c.code), code: c.code, name: c.name, kind: c.kind, status: c.status })),
    );
  });

  it("filters by kind", async () => {
    for (const kind of Object.values(CustomerKind)) {
      const page = await customers().list({ kind: [kind] }, ALL, STAFF_SCOPE);
      const expected = expectedCodes((c) => c.kind === kind);
      expect(expected.length).toBeGreaterThan(0);
      expect(page.nodes.map((c) => c.code)).toEqual(expected);
      expect(await page.totalCount).toBe(expected.length);
    }
  });

  it("filters by status", async () => {
    for (const status of Object.values(CustomerStatus)) {
      const page = await customers().list({ status: [status] }, ALL, STAFF_SCOPE);
      const expected = expectedCodes((c) => c.status === status);
      expect(expected.length).toBeGreaterThan(0);
      expect(page.nodes.map((c) => c.code)).toEqual(expected);
    }
  });

  it("treats a list filter with several values as any of them", async () => {
    const page = await customers().list({ kind: [CustomerKind.INTERNAL, CustomerKind.EXTERNAL] }, ALL, STAFF_SCOPE);
    expect(page.nodes.map((c) => c.code)).toEqual(expectedCodes(() => true));
  });

  it("combines filters", async () => {
    const page = await customers().list(
      { kind: [CustomerKind.EXTERNAL], status: [CustomerStatus.ACTIVE] },
      ALL,
      STAFF_SCOPE,
    );
    const expected = expectedCodes((c) => c.kind === CustomerKind.EXTERNAL && c.status === CustomerStatus.ACTIVE);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(sampleCustomers.filter((c) => c.kind === CustomerKind.EXTERNAL).length);
    expect(page.nodes.map((c) => c.code)).toEqual(expected);
    expect(await page.totalCount).toBe(expected.length);
  });

  it("searches code and name, case-insensitively", async () => {
    // "MA" is in codes (MANUFACTURING) and names ("Sales & Marketing", "Human Resources").
    for (const text of ["ma", "MA", "finance", "gmbh"]) {
      const page = await customers().list({ search: text }, ALL, STAFF_SCOPE);
      const expected = expectedCodes(contains(text));
      expect(expected.length).toBeGreaterThan(0);
      expect(page.nodes.map((c) => c.code)).toEqual(expected);
    }
  });

  it("matches search text literally, wildcards included", async () => {
    const underscore = await customers().list({ search: "_" }, ALL, STAFF_SCOPE);
    const expected = expectedCodes(contains("_"));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(sampleCustomers.length);
    expect(underscore.nodes.map((c) => c.code)).toEqual(expected);
    const percent = await customers().list({ search: "%" }, ALL, STAFF_SCOPE);
    expect(percent.nodes).toEqual([]);
    const nothing = await customers().list({ search: "no customer is called this" }, ALL, STAFF_SCOPE);
    expect(nothing.nodes).toEqual([]);
  });

  it("filters by codes, ignoring unknown ones", async () => {
    const codes = ["HR", "ACME_RETAIL", "NO_SUCH_CODE"];
    const page = await customers().list({ codes }, ALL, STAFF_SCOPE);
    const expected = expectedCodes((c) => codes.includes(c.code));
    expect(expected).toEqual(["ACME_RETAIL", "HR"]);
    expect(page.nodes.map((c) => c.code)).toEqual(expected);
    expect(await page.totalCount).toBe(expected.length);
  });

  it("treats an empty list filter as matching nothing", async () => {
    for (const filter of [{ codes: [] }, { kind: [] }, { status: [] }]) {
      const page = await customers().list(filter, toPageRequest({ first: 10 }), STAFF_SCOPE);
      expect(page.nodes).toEqual([]);
      expect(await page.totalCount).toBe(0);
      expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    }
  });

  it("returns an empty page for first = 0 but still counts", async () => {
    const page = await customers().list(null, toPageRequest({ first: 0 }), STAFF_SCOPE);
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(await page.totalCount).toBe(sampleCustomers.length);
  });
});

describe("CustomerService lookups", () => {
  it("loads customers by id and by code, aligned with the keys, unknown keys to null", async () => {
    const byIds = await customers().selectedByIds(
      [sampleId.customer("SALES"), "nope", sampleId.customer("HR")],
      STAFF_SCOPE,
      new OperationSelection(),
    );
    expect(byIds.map((c) => c?.code ?? null)).toEqual(["SALES", null, "HR"]);
    const byCodes = await customers().byCodes(["NOPE", "VANDIJK_FRANCHISE", "FINANCE"], STAFF_SCOPE);
    expect(byCodes.map((c) => c?.id ?? null)).toEqual([
      null,
      sampleId.customer("VANDIJK_FRANCHISE"),
      sampleId.customer("FINANCE"),
    ]);
  });
});

describe("CustomerService.contactsOf", () => {
  it("groups contacts per customer, in the order of the ids, [] for unknown ids", async () => {
    const codes = ["MANUFACTURING", "HR", "ACME_RETAIL"];
    const groups = await customers().contactsOf([
      sampleId.customer(codes[0]),
      "no-such-customer",
      sampleId.customer(codes[1]),
      sampleId.customer(codes[2]),
    ]);
    expect(groups).toHaveLength(4);
    expect(groups[1]).toEqual([]);
    const known = [groups[0], groups[2], groups[3]];
    known.forEach((group, i) => {
      const sample = sampleCustomers.find((c) => c.code === codes[i]) as SampleCustomer;
      expect(group.every((contact) => contact.customerId === sampleId.customer(sample.code))).toBe(true);
      const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
      expect(
        group.map((c) => ({ id: c.id, name: c.name, email: c.email, role: c.role, phone: c.phone })).sort(byEmail),
      ).toEqual(
        sample.contacts
          .map((c) => ({
            id: sampleId.contact(sample.code, c.email),
            name: c.name,
            email: c.email,
            role: c.role,
            phone: c.phone ?? null,
          }))
          .sort(byEmail),
      );
    });
  });

  it("returns every sample contact exactly once across all customers", async () => {
    const groups = await customers().contactsOf(sampleCustomers.map((c) => sampleId.customer(c.code)));
    expect(groups.map((g) => g.length)).toEqual(sampleCustomers.map((c) => c.contacts.length));
    expect(
      groups
        .flat()
        .map((c) => c.email)
        .sort(),
    ).toEqual(sampleCustomers.flatMap((c) => c.contacts.map((contact) => contact.email)).sort());
  });

  it("returns [] for an empty id list and for unknown ids only", async () => {
    expect(await customers().contactsOf([])).toEqual([]);
    expect(await customers().contactsOf(["a", "b"])).toEqual([[], []]);
  });
});

describe("ProviderService", () => {
  it("lists every provider in code order", async () => {
    const page = await providers().list(null, ALL);
    expect(page.nodes.map((p) => ({ id: p.id, code: p.code, name: p.name, kind: p.kind }))).toEqual(
      [...sampleProviders]
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((p) => ({ id: sampleId.provider(p.code), code: p.code, name: p.name, kind: p.kind })),
    );
    expect(await page.totalCount).toBe(sampleProviders.length);
  });

  it("pages through providers one at a time", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await providers().list(null, toPageRequest({ first: 1, after }));
      seen.push(...page.nodes.map((p) => p.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(sampleProviders.map((p) => p.code).sort());
  });

  it("filters providers by kind and search", async () => {
    for (const kind of Object.values(ProviderKind)) {
      const page = await providers().list({ kind: [kind] }, ALL);
      expect(page.nodes.map((p) => p.code)).toEqual(
        sampleProviders
          .filter((p) => p.kind === kind)
          .map((p) => p.code)
          .sort(),
      );
    }
    const search = await providers().list({ search: "northwind" }, ALL);
    const expected = sampleProviders
      .filter(contains("northwind"))
      .map((p) => p.code)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(sampleProviders.length);
    expect(search.nodes.map((p) => p.code)).toEqual(expected);
    expect((await providers().list({ kind: [] }, ALL)).nodes).toEqual([]);
  });

  it("loads providers by id and by code, unknown keys to null", async () => {
    expect(
      (
        await providers().selectedByIds(["nope", sampleId.provider("NETCO")], { all: true }, new OperationSelection())
      ).map((p) => p?.code ?? null),
    ).toEqual([null, "NETCO"]);
    expect((await providers().byCodes(["CORP_IT", "NOPE"])).map((p) => p?.id ?? null)).toEqual([
      sampleId.provider("CORP_IT"),
      null,
    ]);
  });
});
