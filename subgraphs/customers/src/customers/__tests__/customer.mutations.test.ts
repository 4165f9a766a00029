import { sampleId, verifyIdentity } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import {
  changeClaimedFirst,
  changesFailingLateWriteNothing,
  concurrentAdditionsAllKept,
  conflictWritingNothing,
  dataOf,
  expectInvalidFields,
  expectStaleChangeRefused,
  expectUpdated,
  historyEntry,
  onlyOneConcurrentCreateWins,
  onlyOneConcurrentRenameWins,
  refusedWhileAgreementsFail,
  TEST_IDENTITIES,
  TEST_INTERNAL_SECRET,
} from "@itsm/kit/testing";
import { CustomersHarness } from "../../__tests__/support/harness";
import type { Result } from "../../__tests__/support/mutations";
import { failure, HISTORY_FIELDS, invalidPaths, snapshot } from "../../__tests__/support/mutations";

const t = new CustomersHarness();

interface ContactView {
  id: string;
  name: string;
  email: string;
  role: string;
  phone: string | null;
}

interface CustomerView {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: string;
  status: string;
  version: number;
  contacts: ContactView[];
  history: HistoryRow[];
}

const CUSTOMER = `id code name description kind status version contacts { id name email role phone } ${HISTORY_FIELDS}`;

/** Mutations (by name) run as an editor (a writer), selecting the whole customer; reads as an analyst (staff, no writes). */
const execute = (name: string, input: Record<string, unknown>) => t.mutate(name, input, CUSTOMER);

let created = 0;
/** A fresh code for every customer a test creates, so that tests do not see each other's changes. */
const nextCode = () => `TEST_CUSTOMER_${++created}`;

const jane = { name: "Jane Doe", email: "jane.doe@example.com", role: "BUSINESS_OWNER", phone: "+49 69 1234 5678" };
const joe = { name: "Joe Bloggs", email: "joe.bloggs@example.com", role: "SERVICE_DESK" };

const customerOf = (result: Result, field: string) => dataOf<CustomerView>(result, field);

async function createCustomer(input: Record<string, unknown> = {}): Promise<CustomerView> {
  const result = await execute("createCustomer", {
    code: nextCode(),
    name: "Test Customer",
    description: "A customer made by a test.",
    kind: "EXTERNAL",
    ...input,
  });
  return customerOf(result, "createCustomer");
}

async function read(id: string): Promise<CustomerView> {
  const result = await t.server.execute(
    `query ($id: ID!) { customer(id: $id) { ${CUSTOMER} } }`,
    { id },
    TEST_IDENTITIES.analyst,
  );
  return customerOf(result, "customer");
}

const json = (value: unknown) => JSON.stringify(value);

describe("createCustomer", () => {
  it("creates an ACTIVE customer at version 1 with its contacts, and records who created it", async () => {
    const code = nextCode();
    const customer = await createCustomer({ code, name: "Globex GmbH", contacts: [joe, jane] });
    expect(customer).toMatchObject({
      code,
      name: "Globex GmbH",
      description: "A customer made by a test.",
      kind: "EXTERNAL",
      status: "ACTIVE",
      version: 1,
    });
    // Ordered by role: the business owner first.
    expect(customer.contacts.map(({ id: _id, ...c }) => c)).toEqual([jane, { ...joe, phone: null }]);
    expect(customer.history).toHaveLength(1);
    const [entry] = customer.history;
    expect(entry).toMatchObject({ actor: "test-editor", action: "created", version: 1 });
    expect(entry.changes.slice(0, 5)).toEqual([
      { field: "code", from: null, to: json(code) },
      { field: "name", from: null, to: json("Globex GmbH") },
      { field: "description", from: null, to: json("A customer made by a test.") },
      { field: "kind", from: null, to: json("EXTERNAL") },
      { field: "status", from: null, to: json("ACTIVE") },
    ]);
    expect(entry.changes[5].field).toBe("contacts");
    expect(JSON.parse(entry.changes[5].to as string)).toEqual(
      [joe, jane].map((c) => ({
        id: customer.contacts.find((saved) => saved.email === c.email)?.id,
        phone: null,
        ...c,
      })),
    );
    expect(await read(customer.id)).toEqual(customer);
    const byCode = await t.server.execute(
      "query ($code: String!) { customerByCode(code: $code) { id } }",
      { code },
      TEST_IDENTITIES.analyst,
    );
    expect(byCode.data?.customerByCode).toEqual({ id: customer.id });
  });

  it("creates a customer without contacts, and an INACTIVE one when asked", async () => {
    const plain = await createCustomer();
    expect(plain.contacts).toEqual([]);
    expect(plain.history[0].changes.map((c) => c.field)).toEqual(["code", "name", "description", "kind", "status"]);
    const former = await createCustomer({ status: "INACTIVE", contacts: [] });
    expect(former).toMatchObject({ status: "INACTIVE", version: 1, contacts: [] });
  });

  it("rejects invalid input with BAD_USER_INPUT naming every invalid field, and writes nothing", async () => {
    const before = await snapshot(t.server);
    const result = await execute("createCustomer", {
      code: "lower-case",
      name: "X",
      description: "",
      kind: "INTERNAL",
      contacts: [jane, { ...joe, email: "not-an-email", phone: "069 1234" }, { ...joe, name: "" }],
    });
    expect(invalidPaths(result)).toEqual([
      "input.code",
      "input.name",
      "input.description",
      "input.contacts.1.email",
      "input.contacts.1.phone",
      "input.contacts.2.name",
    ]);
    expect(result.errors?.[0].message).toContain("input.code: code must be 2 to 32 characters");
    expect(result.errors?.[0].message).toContain("input.contacts.1.email: email must be an e-mail address");
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects the same e-mail twice in one role (in any case), and contacts for an INACTIVE customer", async () => {
    const twice = await execute("createCustomer", {
      code: nextCode(),
      name: "Twice",
      description: "Lists a contact twice.",
      kind: "INTERNAL",
      contacts: [jane, { ...jane, name: "Jane D.", email: "Jane.Doe@Example.com" }],
    });
    expect(invalidPaths(twice)).toEqual(["input.contacts"]);
    expect(twice.errors?.[0].message).toContain("must not list the same e-mail in the same role twice");

    // The same person in two roles is fine.
    const twoRoles = await createCustomer({ contacts: [jane, { ...jane, role: "ESCALATION" }] });
    expect(twoRoles.contacts).toHaveLength(2);

    const inactive = await execute("createCustomer", {
      code: nextCode(),
      name: "Former",
      description: "A former customer.",
      kind: "INTERNAL",
      status: "INACTIVE",
      contacts: [jane],
    });
    expect(invalidPaths(inactive)).toEqual(["input.contacts"]);
    expect(inactive.errors?.[0].message).toContain("must be empty for an INACTIVE customer");
  });

  it("rejects a taken code with CONFLICT and writes nothing", async () => {
    const error = await conflictWritingNothing(t.server.dataSource, () =>
      execute("createCustomer", { code: "HR", name: "Another HR", description: "Taken.", kind: "INTERNAL" }),
    );
    expect(error.message).toBe("A customer with code HR already exists");
    expect(error.extensions?.code).toBe("CONFLICT");
  });

  it("lets exactly one of several concurrent creates of one code succeed", async () => {
    const code = nextCode();
    const takenMessage = `A customer with code ${code} already exists`;
    const id = await onlyOneConcurrentCreateWins(
      t.server.dataSource,
      { table: "customers", code, takenMessage },
      5,
      (i) =>
        execute("createCustomer", {
          code,
          name: `Racer ${i}`,
          description: "Races.",
          kind: "INTERNAL",
          contacts: [jane],
        }),
    );
    const contacts = await t.server.dataSource.query("SELECT id FROM contacts WHERE customerId = ?", [id]);
    expect(contacts).toHaveLength(1);
  });
});

describe("updateCustomer", () => {
  it("changes the fields given, bumps the version and records only what changed", async () => {
    const customer = await createCustomer({ kind: "EXTERNAL" });
    const result = await execute("updateCustomer", {
      id: customer.id,
      expectedVersion: 1,
      name: "Renamed Customer",
      kind: "INTERNAL",
      description: customer.description,
    });
    const updated = customerOf(result, "updateCustomer");
    expect(customer.status).toBe("ACTIVE");
    expectUpdated(updated, customer, {
      set: { name: "Renamed Customer", kind: "INTERNAL", version: 2 },
      version: 2,
      changes: { name: ["Test Customer", "Renamed Customer"], kind: ["EXTERNAL", "INTERNAL"] },
    });
    expect(await read(customer.id)).toEqual(updated);
  });

  it("changes nothing (no new version, no history) when every value given is the current one", async () => {
    const customer = await createCustomer();
    const result = await execute("updateCustomer", { id: customer.id, expectedVersion: 1, name: customer.name });
    expect(customerOf(result, "updateCustomer")).toEqual(customer);
  });

  it("has no way to change the code", async () => {
    const result = await execute("updateCustomer", {
      id: sampleId.customer("HR"),
      expectedVersion: 1,
      code: "HUMAN_RESOURCES",
    });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toContain('Field "code" is not defined by type "UpdateCustomerInput"');
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const { id } = await createCustomer();
    await expectStaleChangeRefused(t.server.dataSource, "Customer", id, (name) =>
      execute("updateCustomer", { id, expectedVersion: 1, name }),
    );
  });

  it("answers an unknown id with NOT_FOUND", async () => {
    const result = await execute("updateCustomer", { id: "no-such-customer", expectedVersion: 1, name: "Nobody" });
    expect(failure(result, "NOT_FOUND").message).toBe('Customer "no-such-customer" does not exist');
  });

  it("rejects invalid fields with BAD_USER_INPUT", async () => {
    const invalid = { expectedVersion: 0, name: "H", description: "" };
    expectInvalidFields(await execute("updateCustomer", { id: sampleId.customer("HR"), ...invalid }), invalid);
  });

  it("lets exactly one of 20 concurrent updates from the same version succeed", async () => {
    const customer = await createCustomer();
    const rename = (name: string) => execute("updateCustomer", { id: customer.id, expectedVersion: 1, name });
    await onlyOneConcurrentRenameWins(20, rename, () => read(customer.id));
  });
});

describe("setCustomerStatus", () => {
  it("answers NOT_FOUND for an unknown customer without asking the agreements subgraph to claim it", async () => {
    const asked = t.agreements.requests.length;
    for (const id of ["no-such-customer", "x".repeat(5000)]) {
      const result = await execute("setCustomerStatus", { id, status: "INACTIVE", expectedVersion: 1 });
      failure(result, "NOT_FOUND");
    }
    expect(t.agreements.requests).toHaveLength(asked);
  });

  it("deactivates a customer party to no ACTIVE agreement, claiming the deactivation with the agreements subgraph first", async () => {
    const customer = await createCustomer();
    const deactivate = () => execute("setCustomerStatus", { id: customer.id, status: "INACTIVE", expectedVersion: 1 });
    // The claim (claimCustomerDeactivation(customerId: $id)) is made as the editor who deactivates, signed with the shared secret.
    const claim = { claim: "claimCustomerDeactivation", id: customer.id };
    const updated = customerOf(await changeClaimedFirst(t.agreements, claim, deactivate), "setCustomerStatus");
    expect(updated).toMatchObject({ status: "INACTIVE", version: 2 });
    expect(updated.history[0]).toEqual(historyEntry("deactivated", 2, { status: ["ACTIVE", "INACTIVE"] }));
  });

  it("refuses to deactivate a customer party to ACTIVE agreements, naming them, and writes nothing", async () => {
    const customer = await createCustomer();
    t.agreements.active.set(customer.id, ["SLA-2024-001", "OLA-2024-007"]);
    const before = await snapshot(t.server);
    const result = await execute("setCustomerStatus", { id: customer.id, status: "INACTIVE", expectedVersion: 1 });
    const error = failure(result, "CONFLICT");
    expect(error.message).toBe(
      `Customer "${customer.id}" is party to ACTIVE agreements SLA-2024-001, OLA-2024-007: it cannot be deactivated until they end`,
    );
    expect(error.extensions?.agreements).toEqual(["SLA-2024-001", "OLA-2024-007"]);
    expect(await snapshot(t.server)).toEqual(before);
    expect((await read(customer.id)).status).toBe("ACTIVE");
  });

  it("reactivates an INACTIVE customer after giving its deactivation claim back", async () => {
    const customer = await createCustomer({ status: "INACTIVE" });
    const asked = t.agreements.requests.length;
    const result = await execute("setCustomerStatus", { id: customer.id, status: "ACTIVE", expectedVersion: 1 });
    const updated = customerOf(result, "setCustomerStatus");
    expect(updated).toMatchObject({ status: "ACTIVE", version: 2 });
    expect(updated.history[0]).toEqual(historyEntry("activated", 2, { status: ["INACTIVE", "ACTIVE"] }));
    expect(t.agreements.requests.slice(asked).map((r) => r.query)).toEqual([
      expect.stringContaining("releaseCustomerDeactivation(customerId: $id)"),
    ]);
    expect(verifyIdentity(t.agreements.requests[asked].identityHeader, TEST_INTERNAL_SECRET)).toEqual(
      TEST_IDENTITIES.editor,
    );
  });

  it("does not reactivate while the agreements subgraph cannot take the claim back, and writes nothing", async () => {
    const customer = await createCustomer({ status: "INACTIVE" });
    t.agreements.mode = "drop";
    const before = await snapshot(t.server);
    const result = await execute("setCustomerStatus", { id: customer.id, status: "ACTIVE", expectedVersion: 1 });
    failure(result, "SERVICE_UNAVAILABLE");
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("goes back and forth between ACTIVE and INACTIVE, one version per move", async () => {
    const customer = await createCustomer();
    let version = 1;
    for (const status of ["INACTIVE", "ACTIVE", "INACTIVE", "ACTIVE"]) {
      const result = await execute("setCustomerStatus", { id: customer.id, status, expectedVersion: version });
      expect(customerOf(result, "setCustomerStatus")).toMatchObject({ status, version: version + 1 });
      version += 1;
    }
    const history = (await read(customer.id)).history;
    expect(history.map((h) => h.action).sort()).toEqual(
      ["activated", "activated", "created", "deactivated", "deactivated"].sort(),
    );
    expect(history.map((h) => h.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses to set the status a customer already has", async () => {
    const active = await createCustomer();
    const again = await execute("setCustomerStatus", { id: active.id, status: "ACTIVE", expectedVersion: 1 });
    expect(failure(again, "CONFLICT").message).toBe(`Customer ${active.code} is already ACTIVE`);

    const inactive = await createCustomer({ status: "INACTIVE" });
    const before = await snapshot(t.server);
    const twice = await execute("setCustomerStatus", { id: inactive.id, status: "INACTIVE", expectedVersion: 1 });
    expect(failure(twice, "CONFLICT").message).toBe(`Customer ${inactive.code} is already INACTIVE`);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a stale expectedVersion with CONFLICT, an unknown id with NOT_FOUND, a bad version with BAD_USER_INPUT", async () => {
    const customer = await createCustomer();
    await execute("updateCustomer", { id: customer.id, expectedVersion: 1, name: "Moved On" });
    const stale = await conflictWritingNothing(t.server.dataSource, () =>
      execute("setCustomerStatus", { id: customer.id, status: "INACTIVE", expectedVersion: 1 }),
    );
    expect(stale.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });

    const unknown = await execute("setCustomerStatus", {
      id: "no-such-customer",
      status: "ACTIVE",
      expectedVersion: 1,
    });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Customer "no-such-customer" does not exist');

    const invalid = await execute("setCustomerStatus", { id: customer.id, status: "INACTIVE", expectedVersion: -3 });
    expect(invalidPaths(invalid)).toEqual(["input.expectedVersion"]);
  });

  it("fails with SERVICE_UNAVAILABLE and writes nothing when the agreements subgraph is down or failing", async () => {
    const customer = await createCustomer();
    const deactivate = () => execute("setCustomerStatus", { id: customer.id, status: "INACTIVE", expectedVersion: 1 });
    await refusedWhileAgreementsFail(t.server.dataSource, t.agreements, deactivate);
  });

  it("fails with SERVICE_UNAVAILABLE when nothing listens at the agreements URL", async () => {
    await t.withPeerGone(async (isolated) => {
      const id = sampleId.customer("HR");
      const result = await isolated.execute(
        "mutation ($input: SetCustomerStatusInput!) { setCustomerStatus(input: $input) { status } }",
        { input: { id, status: "INACTIVE", expectedVersion: 1 } },
        TEST_IDENTITIES.editor,
      );
      expect(failure(result, "SERVICE_UNAVAILABLE").message).toContain("(unreachable)");
      const rows = await isolated.dataSource.query("SELECT status, version FROM customers WHERE id = ?", [id]);
      expect(rows).toEqual([{ status: "ACTIVE", version: 1 }]);
    });
  });
});

describe("addContact", () => {
  it("adds a contact, bumps the customer's version and records the contact in its history", async () => {
    const customer = await createCustomer({ contacts: [joe] });
    const result = await execute("addContact", { customerId: customer.id, expectedVersion: 1, ...jane });
    const updated = customerOf(result, "addContact");
    expect(updated.version).toBe(2);
    expect(updated.contacts.map(({ id: _id, ...c }) => c)).toEqual([jane, { ...joe, phone: null }]);
    const added = updated.contacts.find((c) => c.email === jane.email) as ContactView;
    expect(updated.history[0]).toEqual(
      historyEntry("contact added", 2, { contacts: [null, { id: added.id, ...jane }] }),
    );
    expect(await read(customer.id)).toEqual(updated);
  });

  it("needs no expectedVersion and no phone", async () => {
    const customer = await createCustomer();
    const result = await execute("addContact", { customerId: customer.id, ...joe });
    const updated = customerOf(result, "addContact");
    expect(updated.version).toBe(2);
    expect(updated.contacts).toEqual([{ id: expect.any(String), ...joe, phone: null }]);
  });

  it("accepts phone numbers in international format and rejects others", async () => {
    const customer = await createCustomer();
    const valid = ["+49 69 1234 5678", "+4969123456", "+1-212-555-0100", "+31 20 794 3310", "+683 4002"];
    for (const [i, phone] of valid.entries()) {
      const result = await execute("addContact", {
        customerId: customer.id,
        name: `Caller ${i}`,
        email: `caller${i}@example.com`,
        role: "TECHNICAL",
        phone,
      });
      expect(result.errors).toBeUndefined();
    }
    const invalid = [
      "069 1234 5678",
      "0049 69 1234 5678",
      "+0 69 1234 5678",
      "+49 (69) 1234 5678",
      "+49  69 1234",
      "+49 69 1234 5678 ",
      "+49 69 CALL NOW",
      "+12345",
      "+1 234 567 890 123 456",
      "",
    ];
    for (const phone of invalid) {
      const result = await execute("addContact", { customerId: customer.id, ...joe, phone });
      expect(invalidPaths(result)).toEqual(["input.phone"]);
      expect(result.errors?.[0].message).toContain("phone must be an international number");
    }
    expect((await read(customer.id)).contacts).toHaveLength(valid.length);
  });

  it("rejects invalid fields with BAD_USER_INPUT naming each of them", async () => {
    const invalid = { expectedVersion: 0, name: "J", email: "jane.doe@" };
    const result = await execute("addContact", { customerId: sampleId.customer("HR"), ...invalid, role: "BILLING" });
    expectInvalidFields(result, invalid);
    const fields = result.errors?.[0].extensions?.fields as { path: string; messages: string[] }[];
    expect(fields[2].messages).toEqual(["email must be an e-mail address, e.g. jane.doe@example.com"]);
  });

  it("refuses a second contact with the same e-mail (in any case) in the same role", async () => {
    const customer = await createCustomer({ contacts: [jane] });
    const before = await snapshot(t.server);
    for (const email of [jane.email, jane.email.toUpperCase()]) {
      const result = await execute("addContact", { customerId: customer.id, ...jane, name: "Jane Again", email });
      expect(failure(result, "CONFLICT").message).toBe(
        `Customer ${customer.code} already has ${jane.email} as BUSINESS_OWNER contact`,
      );
    }
    expect(await snapshot(t.server)).toEqual(before);
    // In another role, or at another customer, the same person is welcome.
    const otherRole = await execute("addContact", { customerId: customer.id, ...jane, role: "ESCALATION" });
    expect(customerOf(otherRole, "addContact").contacts).toHaveLength(2);
    const other = await createCustomer();
    const otherCustomer = await execute("addContact", { customerId: other.id, ...jane });
    expect(customerOf(otherCustomer, "addContact").contacts).toHaveLength(1);
  });

  it("refuses new contacts for an INACTIVE customer", async () => {
    const customer = await createCustomer({ status: "INACTIVE" });
    const before = await snapshot(t.server);
    const result = await execute("addContact", { customerId: customer.id, ...jane });
    expect(failure(result, "CONFLICT").message).toBe(`Customer ${customer.code} is INACTIVE: it gets no new contacts`);
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const customer = await createCustomer();
    await execute("addContact", { customerId: customer.id, ...joe });
    const error = await conflictWritingNothing(t.server.dataSource, () =>
      execute("addContact", { customerId: customer.id, expectedVersion: 1, ...jane }),
    );
    expect(error.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
  });

  it("answers an unknown customer with NOT_FOUND", async () => {
    const result = await execute("addContact", { customerId: "no-such-customer", ...jane });
    expect(failure(result, "NOT_FOUND").message).toBe('Customer "no-such-customer" does not exist');
  });

  it("adds concurrent contacts without expectedVersion one after the other, none lost", async () => {
    const customer = await createCustomer();
    const agents = Array.from({ length: 8 }, (_, i) => `agent${i}@example.com`);
    await concurrentAdditionsAllKept(
      agents,
      (email) =>
        execute("addContact", { customerId: customer.id, name: `Agent of ${email}`, email, role: "SERVICE_DESK" }),
      () => read(customer.id),
      (final) => final.contacts.map((c) => c.email),
    );
  });

  it("adds one of several concurrent identical contacts", async () => {
    const customer = await createCustomer();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => execute("addContact", { customerId: customer.id, ...jane })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const loser of results.filter((r) => r.errors)) failure(loser, "CONFLICT");
    const final = await read(customer.id);
    expect(final.contacts).toHaveLength(1);
    expect(final.version).toBe(2);
  });
});

describe("removeContact", () => {
  it("removes a contact, bumps the customer's version and records the contact removed", async () => {
    const customer = await createCustomer({ contacts: [jane, joe] });
    const removed = customer.contacts.find((c) => c.email === joe.email) as ContactView;
    const result = await execute("removeContact", { contactId: removed.id, expectedVersion: 1 });
    const updated = customerOf(result, "removeContact");
    expect(updated.version).toBe(2);
    expect(updated.contacts.map((c) => c.email)).toEqual([jane.email]);
    expect(updated.history[0]).toMatchObject({
      action: "contact removed",
      actor: "test-editor",
      version: 2,
      changes: [{ field: "contacts", from: json(removed), to: null }],
    });
    expect(await read(customer.id)).toEqual(updated);
  });

  it("removes a sample contact without expectedVersion, and a contact of an INACTIVE customer", async () => {
    const id = sampleId.contact("HR", "mehmet.yilmaz@northwind.example");
    const [row] = await t.server.dataSource.query("SELECT customerId FROM contacts WHERE id = ?", [id]);
    expect(row).toBeDefined();
    const result = await execute("removeContact", { contactId: id });
    const updated = customerOf(result, "removeContact");
    expect(updated.id).toBe(row.customerId);
    expect(updated.contacts.map((c) => c.id)).not.toContain(id);

    const former = await createCustomer({ contacts: [jane] });
    await execute("setCustomerStatus", { id: former.id, status: "INACTIVE", expectedVersion: 1 });
    const cleared = await execute("removeContact", { contactId: former.contacts[0].id, expectedVersion: 2 });
    expect(customerOf(cleared, "removeContact")).toMatchObject({ status: "INACTIVE", version: 3, contacts: [] });
  });

  it("answers an unknown or already removed contact with NOT_FOUND", async () => {
    const customer = await createCustomer({ contacts: [jane] });
    const contactId = customer.contacts[0].id;
    expect((await execute("removeContact", { contactId })).errors).toBeUndefined();
    const again = await execute("removeContact", { contactId });
    expect(failure(again, "NOT_FOUND").message).toBe(`Contact "${contactId}" does not exist`);
    const unknown = await execute("removeContact", { contactId: "no-such-contact" });
    expect(failure(unknown, "NOT_FOUND").message).toBe('Contact "no-such-contact" does not exist');
  });

  it("rejects a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const customer = await createCustomer({ contacts: [jane, joe] });
    await execute("removeContact", { contactId: customer.contacts[0].id });
    const before = await snapshot(t.server);
    const result = await execute("removeContact", { contactId: customer.contacts[1].id, expectedVersion: 1 });
    expect(failure(result, "CONFLICT").extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect(await snapshot(t.server)).toEqual(before);
  });

  it("rejects a bad expectedVersion with BAD_USER_INPUT", async () => {
    const result = await execute("removeContact", { contactId: "whatever", expectedVersion: 0 });
    expect(invalidPaths(result)).toEqual(["input.expectedVersion"]);
  });
});

describe("history", () => {
  it("lists every change to a customer, newest first", async () => {
    const customer = await createCustomer();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await pause();
    await execute("updateCustomer", { id: customer.id, expectedVersion: 1, name: "Second Name" });
    await pause();
    await execute("addContact", { customerId: customer.id, ...jane });
    await pause();
    await execute("setCustomerStatus", { id: customer.id, status: "INACTIVE", expectedVersion: 3 });
    const history = (await read(customer.id)).history;
    expect(history.map((h) => [h.version, h.action])).toEqual([
      [4, "deactivated"],
      [3, "contact added"],
      [2, "updated"],
      [1, "created"],
    ]);
    const times = history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("is empty for a sample customer nobody has changed, and batched across a page", async () => {
    const result = await t.server.execute(
      '{ customers(first: 100, filter: { codes: ["FINANCE", "LOGISTICS"] }) { nodes { code history { action } } } }',
      {},
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.customers).toEqual({
      nodes: [
        { code: "FINANCE", history: [] },
        { code: "LOGISTICS", history: [] },
      ],
    });
  });
});

describe("a failing mutation", () => {
  it("leaves every table as it was, even when it fails after writing", async () => {
    const customer = await createCustomer({ contacts: [joe] });
    const before = await snapshot(t.server);
    // The last write of addContact (the history row) fails: the contact and the new version go too.
    await changesFailingLateWriteNothing(t.server.dataSource, [
      () => execute("addContact", { customerId: customer.id, expectedVersion: 1, ...jane }),
      () =>
        execute("createCustomer", {
          code: nextCode(),
          name: "Never Made",
          description: "Its history row fails.",
          kind: "INTERNAL",
          contacts: [jane],
        }),
    ]);

    // Failing validation late (phone, after valid fields) and a stale version change nothing either.
    const invalid = await execute("addContact", { customerId: customer.id, expectedVersion: 1, ...jane, phone: "12" });
    expect(invalidPaths(invalid)).toEqual(["input.phone"]);
    const stale = await execute("addContact", { customerId: customer.id, expectedVersion: 7, ...jane });
    failure(stale, "CONFLICT");
    expect(await snapshot(t.server)).toEqual(before);
  });
});
