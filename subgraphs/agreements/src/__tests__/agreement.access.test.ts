import type { Identity, Role } from "@itsm/kit";
import { ROLES, sampleId, SIGNED_IN, STAFF, WRITERS } from "@itsm/kit";
import { dataOf, ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { sampleAgreements } from "../sample/agreements.sample";
import type { SampleAgreement } from "../sample/agreements.sample-types";
import type { Result } from "./support/agreements";
import { AgreementsHarness, FINANCE } from "./support/agreements";
import { CODES_LOOKUP } from "./support/fake-peers";

const t = new AgreementsHarness();

// Two sample customers with different agreements: ACME_RETAIL (an external customer, one SLA) and SALES.
const A = "ACME_RETAIL";
const B = "SALES";
const partnerA = partnerIdentity(A);
const partnerB = partnerIdentity(B);
const { admin, editor, analyst, anonymous } = TEST_IDENTITIES;

const IDENTITY_OF: Record<Role, Identity> = { admin, editor, analyst, partner: partnerA, anonymous };
/** Every role, with the identity the matrix uses for it. */
const ROLE_IDENTITIES: [Role, Identity][] = ROLES.map((role) => [role, IDENTITY_OF[role]]);

/** What the policy says a role gets: the operation runs, or fails with this code. */
type Outcome = "allowed" | "FORBIDDEN" | "UNAUTHENTICATED";
/** A policy that allows these roles: anyone else is FORBIDDEN, or UNAUTHENTICATED when anonymous. */
const onlyFor = (allowed: readonly Role[]): Record<Role, Outcome> =>
  Object.fromEntries(
    ROLES.map((role) => [
      role,
      allowed.includes(role) ? "allowed" : role === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN",
    ]),
  ) as Record<Role, Outcome>;
const SIGNED_IN_ONLY = onlyFor(SIGNED_IN);
const WRITERS_ONLY = onlyFor(WRITERS);

const inScopeOf = (code: string) => (a: SampleAgreement) => a.type === "SLA" && a.customerCodes.includes(code);
const numbers = (keep: (a: SampleAgreement) => boolean) =>
  sampleAgreements
    .filter(keep)
    .map((a) => a.number)
    .sort();
const sample = (number: string) => sampleAgreements.find((a) => a.number === number) as SampleAgreement;
const idOf = (number: string) => sampleId.agreement(number);

const A_NUMBERS = numbers(inScopeOf(A));
const B_NUMBERS = numbers(inScopeOf(B));
/** An agreement only B's customer is party to, and one shared by B's customer and others. */
const B_ONLY = B_NUMBERS.find((n) => sample(n).customerCodes.length === 1) as string;
const SHARED = B_NUMBERS.find((n) => sample(n).customerCodes.length > 1) as string;
const AN_OLA = numbers((a) => a.type === "OLA")[0];
const A_UNDERPINNED = A_NUMBERS.find((n) => sampleAgreements.some((a) => a.underpins.includes(n))) as string;

function codesOf(result: Result): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code as string | undefined);
}

/** Asserts the policy's outcome: no authorization error when allowed, else exactly the denial and no data. */
function expectOutcome(result: Result, field: string, outcome: Outcome) {
  if (outcome === "allowed") {
    expect(codesOf(result)).not.toContain("FORBIDDEN");
    expect(codesOf(result)).not.toContain("UNAUTHENTICATED");
  } else {
    expect(codesOf(result)).toEqual([outcome]);
    expect(result.data?.[field] ?? null).toBeNull();
  }
}

describe("sample data the access tests rely on", () => {
  it("has partners with disjoint agreements, a shared SLA, and an underpinned SLA of partner A", () => {
    expect(A_NUMBERS.length).toBeGreaterThan(0);
    expect(B_NUMBERS.length).toBeGreaterThan(1);
    expect(A_NUMBERS.filter((n) => B_NUMBERS.includes(n))).toEqual([]);
    expect(B_ONLY).toBeDefined();
    expect(SHARED).toBeDefined();
    expect(AN_OLA).toBeDefined();
    expect(A_UNDERPINNED).toBeDefined();
  });
});

describe("role × operation matrix", () => {
  const queries: [string, string, Record<string, unknown>][] = [
    ["agreements", "{ agreements(first: 5) { totalCount nodes { id } } }", {}],
    ["agreement", "query ($id: ID!) { agreement(id: $id) { id } }", { id: idOf(A_NUMBERS[0]) }],
    ["agreementByNumber", "query ($n: String!) { agreementByNumber(number: $n) { id } }", { n: A_NUMBERS[0] }],
  ];
  for (const [field, query, variables] of queries) {
    for (const [role, identity] of ROLE_IDENTITIES) {
      it(`${field} as ${role}: ${SIGNED_IN_ONLY[role]}`, async () => {
        const result = await t.query(query, variables, identity);
        expectOutcome(result, field, SIGNED_IN_ONLY[role]);
        if (SIGNED_IN_ONLY[role] === "allowed") {
          expect(result.errors).toBeUndefined();
          expect(result.data?.[field]).not.toBeNull();
        }
      });
    }
  }

  const none = "no-such-agreement";
  const service = { agreementId: none, serviceId: "no-such-service" };
  const customer = { agreementId: none, customerId: "no-such-customer" };
  const underpinning = { agreementId: none, underpinningId: "no-such-agreement" };
  const mutations: [string, string, () => Record<string, unknown>][] = [
    ["createAgreement", "CreateAgreementInput", () => t.draftInput({ customerIds: [FINANCE] })],
    ["updateAgreement", "UpdateAgreementInput", () => ({ id: none, expectedRevision: 1, title: "Any title" })],
    [
      "addAgreementService",
      "AddAgreementServiceInput",
      () => ({ agreementId: none, serviceId: "s", description: "d", serviceHours: "24x7" }),
    ],
    ["removeAgreementService", "AgreementServiceInput", () => service],
    ["addAgreementCustomer", "AgreementCustomerInput", () => customer],
    ["removeAgreementCustomer", "AgreementCustomerInput", () => customer],
    [
      "setTarget",
      "SetTargetInput",
      () => ({
        agreementId: none,
        serviceId: "s",
        metric: "AVAILABILITY",
        comparator: "AT_LEAST",
        value: 99,
        unit: "PERCENT",
        description: "d",
      }),
    ],
    ["removeTarget", "RemovePartInput", () => ({ id: none })],
    [
      "addResponsibility",
      "AddResponsibilityInput",
      () => ({ agreementId: none, party: "PROVIDER", category: "SUPPORT", description: "Does its part." }),
    ],
    ["removeResponsibility", "RemovePartInput", () => ({ id: none })],
    ["linkUnderpinning", "AgreementUnderpinningInput", () => underpinning],
    ["unlinkUnderpinning", "AgreementUnderpinningInput", () => underpinning],
    ["activateAgreement", "AgreementRefInput", () => ({ id: none })],
    ["terminateAgreement", "TerminateAgreementInput", () => ({ id: none, expectedRevision: 1, reason: "Ended." })],
    ["reviseAgreement", "AgreementRefInput", () => ({ id: none })],
  ];
  for (const [name, inputType, input] of mutations) {
    for (const [role, identity] of ROLE_IDENTITIES) {
      it(`${name} as ${role}: ${WRITERS_ONLY[role]}`, async () => {
        const before = WRITERS_ONLY[role] === "allowed" ? null : await t.snapshot();
        const result = await t.query(
          `mutation ($input: ${inputType}!) { ${name}(input: $input) { id } }`,
          { input: input() },
          identity,
        );
        expectOutcome(result, name, WRITERS_ONLY[role]);
        if (name === "createAgreement" && WRITERS_ONLY[role] === "allowed") expect(result.errors).toBeUndefined();
        if (before) expect(await t.snapshot()).toEqual(before);
      });
    }
  }

  const claims: [string, string][] = [
    ["claimServiceRetirement", "mutation ($id: ID!) { claimServiceRetirement(serviceId: $id) { granted } }"],
    ["releaseServiceRetirement", "mutation ($id: ID!) { releaseServiceRetirement(serviceId: $id) }"],
    ["claimCustomerDeactivation", "mutation ($id: ID!) { claimCustomerDeactivation(customerId: $id) { granted } }"],
    ["releaseCustomerDeactivation", "mutation ($id: ID!) { releaseCustomerDeactivation(customerId: $id) }"],
  ];
  for (const [name, mutation] of claims) {
    for (const [role, identity] of ROLE_IDENTITIES) {
      it(`${name} as ${role}: ${WRITERS_ONLY[role]}`, async () => {
        const before = WRITERS_ONLY[role] === "allowed" ? null : await t.snapshot();
        const result = await t.query(mutation, { id: `unclaimed-${role}` }, identity);
        expectOutcome(result, name, WRITERS_ONLY[role]);
        if (WRITERS_ONLY[role] === "allowed") expect(result.errors).toBeUndefined();
        if (before) expect(await t.snapshot()).toEqual(before);
      });
    }
  }

  const entityFields: [string, string, string][] = [
    ["Service", "agreements { number }", sampleId.service("EMAIL")],
    ["Service", "targets { id }", sampleId.service("EMAIL")],
    ["Customer", "agreements { number }", sampleId.customer(A)],
    ["Provider", "agreements { number }", sampleId.provider("CORP_IT")],
  ];
  for (const [typename, selection, id] of entityFields) {
    const field = selection.split(" ")[0];
    for (const [role, identity] of ROLE_IDENTITIES) {
      it(`${typename}.${field} as ${role}: ${SIGNED_IN_ONLY[role]}`, async () => {
        const result = await t.query(
          ENTITIES_QUERY(typename, `id ${selection}`),
          {
            representations: [{ __typename: typename, id }],
          },
          identity,
        );
        const [entity] = result.data?._entities as Record<string, unknown>[];
        if (SIGNED_IN_ONLY[role] === "allowed") {
          expect(result.errors).toBeUndefined();
          expect(entity[field]).toEqual(expect.any(Array));
        } else {
          expect(codesOf(result)).toEqual([SIGNED_IN_ONLY[role]]);
          expect(entity[field]).toBeNull();
        }
      });
    }
  }

  const STAFF_ONLY = onlyFor(STAFF);
  for (const [role, identity] of ROLE_IDENTITIES.filter(([role]) => role !== "anonymous")) {
    it(`Agreement.history as ${role}: ${STAFF_ONLY[role]}`, async () => {
      const result = await t.query(
        "query ($id: ID!) { agreement(id: $id) { number history { action } } }",
        { id: idOf(A_NUMBERS[0]) },
        identity,
      );
      if (STAFF_ONLY[role] === "allowed") {
        expect(dataOf(result, "agreement")).toMatchObject({ number: A_NUMBERS[0], history: expect.any(Array) });
      } else {
        // The agreement itself is readable; only its (non-null) history is denied, which nulls the agreement.
        expect(codesOf(result)).toEqual([STAFF_ONLY[role]]);
        expect(result.errors?.[0].path).toEqual(["agreement", "history"]);
      }
    });
  }
});

const LIST = `query ($filter: AgreementFilter, $first: Int) {
  agreements(first: $first, filter: $filter) { totalCount pageInfo { hasNextPage } nodes { number type } }
}`;

interface ListAnswer {
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  nodes: { number: string; type: string }[];
}

async function list(identity: Identity, filter: Record<string, unknown> | null = null, first = 100) {
  return dataOf<ListAnswer>(await t.query(LIST, { filter, first }, identity), "agreements");
}

describe("partner row filters", () => {
  it("lists only the partner's SLAs, with a totalCount to match", async () => {
    for (const [partner, expected] of [
      [partnerA, A_NUMBERS],
      [partnerB, B_NUMBERS],
    ] as const) {
      const page = await list(partner);
      expect(page.nodes.map((n) => n.number)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
    }
    // Staff see every agreement (the matrix above created a few more).
    expect((await list(analyst)).totalCount).toBeGreaterThanOrEqual(sampleAgreements.length);
  });

  it("pages within the scope", async () => {
    const first = await list(partnerB, null, 1);
    expect(first.nodes.map((n) => n.number)).toEqual([B_NUMBERS[0]]);
    expect(first.totalCount).toBe(B_NUMBERS.length);
    expect(first.pageInfo.hasNextPage).toBe(true);
  });

  it("never lists OLAs or underpinning contracts to a partner", async () => {
    const filter = { type: ["OLA", "UNDERPINNING_CONTRACT"] };
    expect(await list(partnerB, filter)).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] });
    expect((await list(analyst, filter)).totalCount).toBeGreaterThan(0);
  });

  it("applies the scope to the other filters too (B's customer id as filter, asked by A)", async () => {
    const page = await list(partnerA, { customerId: sampleId.customer(B) });
    expect(page).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it("answers another partner's agreement, an OLA, by id or number, exactly like a nonexistent one", async () => {
    const byId = "query ($id: ID!) { agreement(id: $id) { id } }";
    const byNumber = "query ($n: String!, $v: Int) { agreementByNumber(number: $n, version: $v) { id } }";
    for (const number of [B_ONLY, SHARED, AN_OLA]) {
      const viaId = await t.query(byId, { id: idOf(number) }, partnerA);
      expect(viaId.data?.agreement).toBeNull();
      expect(viaId.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ["NOT_FOUND", `Agreement "${idOf(number)}" does not exist`],
      ]);
      const viaNumber = await t.query(byNumber, { n: number }, partnerA);
      expect(viaNumber.data?.agreementByNumber).toBeNull();
      expect(viaNumber.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ["NOT_FOUND", `Agreement "${number}" does not exist`],
      ]);
      const viaVersion = await t.query(byNumber, { n: number, v: 1 }, partnerA);
      expect(viaVersion.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    }
    const own = await t.query(byNumber, { n: B_ONLY }, partnerB);
    expect(own.data?.agreementByNumber).toEqual({ id: idOf(B_ONLY) });
  });

  it("resolves Agreement entities in scope only (others null); anonymous resolves none", async () => {
    const representations = [A_NUMBERS[0], B_ONLY, AN_OLA, SHARED].map((n) => ({
      __typename: "Agreement",
      id: idOf(n),
    }));
    const query = ENTITIES_QUERY("Agreement", "number");
    const asA = await t.query(query, { representations }, partnerA);
    expect(dataOf(asA, "_entities")).toEqual([{ number: A_NUMBERS[0] }, null, null, null]);
    const asB = await t.query(query, { representations }, partnerB);
    expect(asB.data?._entities).toEqual([null, { number: B_ONLY }, null, { number: SHARED }]);
    const asAnonymous = await t.query(query, { representations }, anonymous);
    expect(asAnonymous.data?._entities).toEqual([null, null, null, null]);
    const asAnalyst = await t.query(query, { representations }, analyst);
    expect(asAnalyst.data?._entities).toEqual([A_NUMBERS[0], B_ONLY, AN_OLA, SHARED].map((number) => ({ number })));
  });

  it("scopes Service.agreements, Customer.agreements and Provider.agreements", async () => {
    const serviceCodes = [...new Set(sampleAgreements.flatMap((a) => a.coverage.map((c) => c.serviceCode)))];
    const customerCodes = [...new Set(sampleAgreements.flatMap((a) => a.customerCodes))];
    const providerCodes = [...new Set(sampleAgreements.map((a) => a.providerCode))];
    const cases: [string, string[], (code: string) => string, (code: string) => (a: SampleAgreement) => boolean][] = [
      ["Service", serviceCodes, sampleId.service, (code) => (a) => a.coverage.some((c) => c.serviceCode === code)],
      ["Customer", customerCodes, sampleId.customer, (code) => (a) => a.customerCodes.includes(code)],
      ["Provider", providerCodes, sampleId.provider, (code) => (a) => a.providerCode === code],
    ];
    for (const [typename, codes, id, relates] of cases) {
      const representations = codes.map((code) => ({ __typename: typename, id: id(code) }));
      const query = ENTITIES_QUERY(typename, "agreements { number }");
      for (const [partnerCode, partner] of [
        [A, partnerA],
        [B, partnerB],
      ] as const) {
        const result = await t.query(query, { representations }, partner);
        expect(result.errors).toBeUndefined();
        const seen = (result.data?._entities as { agreements: { number: string }[] }[]).map((e) =>
          e.agreements.map((a) => a.number),
        );
        expect(seen).toEqual(codes.map((code) => numbers((a) => inScopeOf(partnerCode)(a) && relates(code)(a))));
      }
      // Staff see more than either partner, or the test above would prove nothing.
      const staff = await t.query(query, { representations }, analyst);
      const staffCount = (staff.data?._entities as { agreements: unknown[] }[]).reduce(
        (n, e) => n + e.agreements.length,
        0,
      );
      expect(staffCount).toBeGreaterThan(
        codes.reduce((n, code) => n + numbers((a) => inScopeOf(A)(a) && relates(code)(a)).length, 0),
      );
    }
  });

  it("keeps Service.targets to the targets of agreements in scope", async () => {
    const serviceCodes = [...new Set(sample(A_NUMBERS[0]).coverage.map((c) => c.serviceCode))];
    const representations = serviceCodes.map((code) => ({ __typename: "Service", id: sampleId.service(code) }));
    const query = ENTITIES_QUERY(
      "Service",
      "targets(agreementStatus: [ACTIVE, DRAFT, EXPIRED, TERMINATED]) { agreement { number } }",
    );
    const of = async (identity: Identity) => {
      const result = await t.query(query, { representations }, identity);
      expect(result.errors).toBeUndefined();
      return (result.data?._entities as { targets: { agreement: { number: string } }[] }[]).flatMap((e) =>
        e.targets.map((target) => target.agreement.number),
      );
    };
    const asA = await of(partnerA);
    expect(asA.length).toBeGreaterThan(0);
    expect(new Set(asA)).toEqual(new Set(A_NUMBERS));
    expect((await of(analyst)).some((n) => !A_NUMBERS.includes(n))).toBe(true);
  });

  it("hides underpinning OLAs and contracts from a partner, not from staff", async () => {
    const query = "query ($n: String!) { agreementByNumber(number: $n) { underpinnedBy { number } } }";
    const asA = await t.query(query, { n: A_UNDERPINNED }, partnerA);
    expect(dataOf(asA, "agreementByNumber")).toEqual({ underpinnedBy: [] });
    const asAnalyst = await t.query(query, { n: A_UNDERPINNED }, analyst);
    expect(asAnalyst.data?.agreementByNumber).toEqual({
      underpinnedBy: numbers((a) => a.underpins.includes(A_UNDERPINNED)).map((number) => ({ number })),
    });
  });

  it("lists only the partner's own customers as parties of a shared SLA", async () => {
    const query = "query ($n: String!) { agreementByNumber(number: $n) { customers { id } } }";
    const asB = await t.query(query, { n: SHARED }, partnerB);
    expect(dataOf(asB, "agreementByNumber")).toEqual({ customers: [{ id: sampleId.customer(B) }] });
    const asAnalyst = await t.query(query, { n: SHARED }, analyst);
    expect((asAnalyst.data?.agreementByNumber as { customers: unknown[] }).customers).toHaveLength(
      sample(SHARED).customerCodes.length,
    );
  });

  it("scopes versions, supersedes and supersededBy: a revision that changes the customer changes hands", async () => {
    const acme = sampleId.customer(A);
    const sales = sampleId.customer(B);
    const v1 = await t.activeAgreement({ customerIds: [acme] });
    const v2 = await t.ok("reviseAgreement", { id: v1.id });
    await t.ok("addAgreementCustomer", { agreementId: v2.id, customerId: sales });
    await t.ok("removeAgreementCustomer", { agreementId: v2.id, customerId: acme });
    const query = `query ($n: String!, $v: Int) { agreementByNumber(number: $n, version: $v) {
      id versions { id } supersedes { id } supersededBy { id } } }`;
    const asA = await t.query(query, { n: v1.number }, partnerA);
    expect(dataOf(asA, "agreementByNumber")).toEqual({
      id: v1.id,
      versions: [{ id: v1.id }],
      supersedes: null,
      supersededBy: null,
    });
    const asB = await t.query(query, { n: v1.number }, partnerB);
    expect(asB.data?.agreementByNumber).toEqual({
      id: v2.id,
      versions: [{ id: v2.id }],
      supersedes: null,
      supersededBy: null,
    });
    const asAnalyst = await t.query(query, { n: v1.number, v: 1 }, analyst);
    expect(asAnalyst.data?.agreementByNumber).toEqual({
      id: v1.id,
      versions: [{ id: v1.id }, { id: v2.id }],
      supersedes: null,
      supersededBy: { id: v2.id },
    });
    const v2ForB = await t.query(query, { n: v1.number, v: 1 }, partnerB);
    expect(v2ForB.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  });
});

describe("the partner's customer ids", () => {
  it("are asked of the customers subgraph once, signed as the partner, and then remembered", async () => {
    // Codes no earlier test asked for: customer codes never change, so answers are kept.
    const logistics = partnerIdentity("LOGISTICS");
    const asked = t.peers.requests.length;
    const query = `{ agreements(first: 100) { totalCount nodes { number customers { id } versions { id } underpinnedBy { id } } } }`;
    expect((await t.query(query, {}, logistics)).errors).toBeUndefined();
    expect(t.peers.requests.slice(asked)).toEqual([
      { peer: "customers", typename: CODES_LOOKUP, ids: ["LOGISTICS"], subject: logistics.subject },
    ]);
    expect((await t.query(query, {}, logistics)).errors).toBeUndefined();
    expect(t.peers.requests.length).toBe(asked + 1);
    const both = partnerIdentity("LOGISTICS", "HR");
    expect((await t.query(query, {}, both)).errors).toBeUndefined();
    expect(t.peers.requests.slice(asked + 1)).toEqual([
      { peer: "customers", typename: CODES_LOOKUP, ids: ["HR"], subject: both.subject },
    ]);
  });

  it("are not asked for staff", async () => {
    const asked = t.peers.requests.length;
    expect((await list(analyst)).totalCount).toBeGreaterThan(0);
    expect(t.peers.requests.length).toBe(asked);
  });

  it("fail a partner's reads with SERVICE_UNAVAILABLE when the customers subgraph cannot answer (never a wider scope)", async () => {
    // A partner whose codes were never looked up (a failed lookup is not remembered).
    const partner = partnerIdentity("STADTWERKE_RHEINTAL");
    for (const mode of ["errors", "drop"] as const) {
      t.peers.mode.customers = mode;
      const listed = await t.query(LIST, { first: 10 }, partner);
      expect(listed.data?.agreements).toBeNull();
      expect(codesOf(listed)).toEqual(["SERVICE_UNAVAILABLE"]);
      const entities = await t.query(
        ENTITIES_QUERY("Agreement", "number"),
        { representations: [{ __typename: "Agreement", id: idOf(B_ONLY) }] },
        partner,
      );
      expect(codesOf(entities)).toEqual(["SERVICE_UNAVAILABLE"]);
      // Staff need no lookup, so they still read.
      expect((await list(analyst)).totalCount).toBeGreaterThan(0);
    }
  });

  it("give a partner with no known customer nothing", async () => {
    expect(await list(partnerIdentity("NO_SUCH_CUSTOMER"))).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false },
      nodes: [],
    });
    expect(await list(partnerIdentity())).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
