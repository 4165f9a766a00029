import type { Identity } from "@itsm/kit";
import { dataOf, partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { documentSha256Of } from "../signatures/document-terms.service";
import type { AgreementView, Result } from "./support/agreements";
import { AgreementsHarness, CORP_IT, failure, FINANCE, json } from "./support/agreements";

const t = new AgreementsHarness();

const SIGNATURES = `id status revision documentSha256
  signatures { party customer { id } signedBy signedAt documentSha256 actor }`;
const SIGNED = `${SIGNATURES} history { actor action version changes { field from to } }`;
// The history is for staff: a partner reads the rest.
const signMutation = (identity: Identity) =>
  `mutation ($input: SignAgreementInput!) { signAgreement(input: $input) { ${identity.role === "partner" ? SIGNATURES : SIGNED} } }`;

interface Signed {
  id: string;
  status: string;
  revision: number;
  documentSha256: string;
  signatures: {
    party: string;
    customer: { id: string } | null;
    signedBy: string;
    signedAt: string;
    documentSha256: string;
    actor: string;
  }[];
  history: {
    actor: string;
    action: string;
    version: number;
    changes: { field: string; from: string | null; to: string | null }[];
  }[];
}

async function readSigned(id: string, identity: Identity = TEST_IDENTITIES.analyst): Promise<Signed> {
  return dataOf(await t.query(`query ($id: ID!) { agreement(id: $id) { ${SIGNED} } }`, { id }, identity), "agreement");
}

function sign(input: Record<string, unknown>, identity: Identity = TEST_IDENTITIES.editor): Promise<Result> {
  return t.server.execute(signMutation(identity), { input }, identity);
}

async function signed(input: Record<string, unknown>, identity?: Identity): Promise<Signed> {
  return dataOf(await sign(input, identity), "signAgreement");
}

/** A refusal that changed nothing: its code, and its `reason` for a CONFLICT. */
async function refused(input: Record<string, unknown>, code: string, identity?: Identity) {
  const before = await t.snapshot();
  const error = failure(await sign(input, identity), code);
  expect(await t.snapshot()).toEqual(before);
  return error;
}

/** A partner acting for a fresh customer, and that customer's id. */
function newPartner(): [Identity, string] {
  const code = `SIGNING_PARTNER_${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  return [partnerIdentity(code), t.peers.addCustomer(code)];
}

describe("Agreement.documentSha256", () => {
  it("is the SHA-256 of the version's terms as stored: the same on every read, another after any change", async () => {
    const draft = await t.completeDraft();
    const first = await readSigned(draft.id);
    expect(first.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await readSigned(draft.id, TEST_IDENTITIES.editor)).documentSha256).toBe(first.documentSha256);
    expect(await documentSha256Of(t.server.dataSource.manager, [draft.id])).toEqual([first.documentSha256]);

    const hashes = new Set([first.documentSha256]);
    const changes: [string, Record<string, unknown>][] = [
      [
        "updateAgreement",
        { id: draft.id, expectedRevision: (await t.read(draft.id)).revision, title: "Renamed terms" },
      ],
      [
        "setTarget",
        {
          agreementId: draft.id,
          serviceId: draft.services[0].id,
          metric: "AVAILABILITY",
          comparator: "AT_LEAST",
          value: 99.7,
          unit: "PERCENT",
          description: "As agreed.",
        },
      ],
      [
        "addResponsibility",
        { agreementId: draft.id, party: "CUSTOMER", category: "SECURITY", description: "Keeps passwords." },
      ],
      ["addAgreementCustomer", { agreementId: draft.id, customerId: t.newCustomer() }],
    ];
    for (const [name, input] of changes) {
      await t.ok(name as "updateAgreement", input);
      const { documentSha256 } = await readSigned(draft.id);
      expect([name, hashes.has(documentSha256)]).toEqual([name, false]);
      hashes.add(documentSha256);
    }
  });

  it("does not change with the status, a signature or an administrative date; a new version has its own", async () => {
    const draft = await t.completeDraft();
    const { documentSha256 } = await readSigned(draft.id);
    await signed({ agreementId: draft.id, party: "PROVIDER", signedBy: "Anna Kowalska", documentSha256 });
    const active = await t.ok("activateAgreement", { id: draft.id });
    await t.query(
      "mutation ($input: SetReviewDueInput!) { setReviewDue(input: $input) { id } }",
      {
        input: { id: draft.id, reviewDue: "2027-03-01" },
      },
      TEST_IDENTITIES.editor,
    );
    expect((await readSigned(active.id)).documentSha256).toBe(documentSha256);
    const revision = await t.ok("reviseAgreement", { id: active.id });
    expect((await readSigned(revision.id)).documentSha256).not.toBe(documentSha256);
    expect((await readSigned(active.id)).documentSha256).toBe(documentSha256);
  });
});

describe("signAgreement", () => {
  it("records the provider's signature of the current terms, with its history entry", async () => {
    const draft = await t.completeDraft();
    const { documentSha256, revision } = await readSigned(draft.id);
    const after = await signed({
      agreementId: draft.id,
      party: "PROVIDER",
      signedBy: "  Łukasz Wiśniewski ",
      documentSha256: documentSha256.toUpperCase(),
    });
    expect(after.revision).toBe(revision + 1);
    expect(after.documentSha256).toBe(documentSha256);
    expect(after.signatures).toEqual([
      {
        party: "PROVIDER",
        customer: null,
        signedBy: "Łukasz Wiśniewski",
        signedAt: expect.any(String),
        documentSha256,
        actor: "test-editor",
      },
    ]);
    expect(after.history[0]).toEqual({
      actor: "test-editor",
      action: "signed for the provider",
      version: revision + 1,
      changes: [
        {
          field: "signature",
          from: null,
          to: json({ party: "PROVIDER", partyId: CORP_IT, signedBy: "Łukasz Wiśniewski", documentSha256 }),
        },
      ],
    });
  });

  it("lets a writer record the customer's signature (the only customer when none is named)", async () => {
    const draft = await t.completeDraft();
    const { documentSha256 } = await readSigned(draft.id);
    const after = await signed(
      { agreementId: draft.id, party: "CUSTOMER", signedBy: "Greta Ölund", documentSha256 },
      TEST_IDENTITIES.admin,
    );
    expect(after.signatures).toEqual([
      expect.objectContaining({ party: "CUSTOMER", customer: { id: FINANCE }, actor: "test-admin" }),
    ]);
    expect(after.history[0].action).toBe("signed for the customer");
  });

  it("lets a partner sign for its own customer, and shows it only the provider's and its own customers' signatures", async () => {
    const [partner, own] = newPartner();
    const other = t.newCustomer();
    const draft = await t.completeDraft({ customerIds: [own, other] });
    const { documentSha256 } = await readSigned(draft.id);
    await signed({ agreementId: draft.id, party: "PROVIDER", signedBy: "Provider Person", documentSha256 });
    await signed({
      agreementId: draft.id,
      party: "CUSTOMER",
      customerId: other,
      signedBy: "Other Person",
      documentSha256,
    });
    const after = await signed(
      { agreementId: draft.id, party: "CUSTOMER", signedBy: "José Núñez", documentSha256 },
      partner,
    );
    expect(after.signatures.map((s) => [s.party, s.customer?.id ?? null, s.signedBy, s.actor])).toEqual([
      ["PROVIDER", null, "Provider Person", "test-editor"],
      ["CUSTOMER", own, "José Núñez", partner.subject],
    ]);
    expect((await readSigned(draft.id)).signatures).toHaveLength(3);
  });

  it("refuses a hash that is not the current terms' (DOCUMENT_CHANGED), also once the draft has changed since", async () => {
    const draft = await t.completeDraft();
    const { documentSha256 } = await readSigned(draft.id);
    const wrong = await refused(
      { agreementId: draft.id, party: "PROVIDER", signedBy: "Anna", documentSha256: "0".repeat(64) },
      "CONFLICT",
    );
    expect(wrong.extensions).toMatchObject({ reason: "DOCUMENT_CHANGED", documentSha256 });
    await signed({ agreementId: draft.id, party: "PROVIDER", signedBy: "Anna", documentSha256 });
    const { revision } = await t.read(draft.id);
    await t.ok("updateAgreement", {
      id: draft.id,
      expectedRevision: revision,
      description: "Changed after it was signed.",
    });
    const stale = await refused(
      { agreementId: draft.id, party: "CUSTOMER", signedBy: "Greta", documentSha256 },
      "CONFLICT",
    );
    expect(stale.extensions?.reason).toBe("DOCUMENT_CHANGED");
    expect(stale.message).toContain("not that of the current terms");
    // The new terms are signed anew; the first signature stays, naming the terms it signed.
    const current = (await readSigned(draft.id)).documentSha256;
    const after = await signed({ agreementId: draft.id, party: "PROVIDER", signedBy: "Anna", documentSha256: current });
    expect(after.signatures.map((s) => s.documentSha256)).toEqual([documentSha256, current]);
  });

  it("refuses a second signature of the same terms by the same party (ALREADY_SIGNED)", async () => {
    const draft = await t.completeDraft();
    const { documentSha256 } = await readSigned(draft.id);
    await signed({ agreementId: draft.id, party: "CUSTOMER", signedBy: "Greta", documentSha256 });
    const error = await refused(
      { agreementId: draft.id, party: "CUSTOMER", customerId: FINANCE, signedBy: "Someone Else", documentSha256 },
      "CONFLICT",
    );
    expect(error.extensions?.reason).toBe("ALREADY_SIGNED");
    expect(error.message).toContain("Greta");
  });

  it("refuses an agreement whose status is not signable (NOT_SIGNABLE)", async () => {
    const active = await t.activeAgreement();
    const { documentSha256 } = await readSigned(active.id);
    await signed({ agreementId: active.id, party: "PROVIDER", signedBy: "Countersigned later", documentSha256 });
    await t.ok("terminateAgreement", {
      id: active.id,
      expectedRevision: (await t.read(active.id)).revision,
      reason: "Ended early",
    });
    const error = await refused(
      { agreementId: active.id, party: "CUSTOMER", signedBy: "Too late", documentSha256 },
      "CONFLICT",
    );
    expect(error.extensions).toMatchObject({ reason: "NOT_SIGNABLE", status: "TERMINATED" });
  });

  it("refuses callers who may not sign for the party", async () => {
    const [partner, own] = newPartner();
    const other = t.newCustomer();
    const shared = await t.completeDraft({ customerIds: [own, other] });
    const foreign = await t.completeDraft();
    const hashOf = async (id: string) => (await readSigned(id)).documentSha256;
    const sharedHash = await hashOf(shared.id);
    const input = (party: string, extra: Record<string, unknown> = {}) => ({
      agreementId: shared.id,
      party,
      signedBy: "Somebody",
      documentSha256: sharedHash,
      ...extra,
    });
    expect((await refused(input("CUSTOMER"), "FORBIDDEN", TEST_IDENTITIES.analyst)).message).toContain("analyst");
    await refused(input("CUSTOMER"), "UNAUTHENTICATED", TEST_IDENTITIES.anonymous);
    expect((await refused(input("PROVIDER"), "FORBIDDEN", partner)).message).toContain("never for the provider");
    await refused(input("CUSTOMER", { customerId: other }), "FORBIDDEN", partner);
    // An SLA of someone else is, to a partner, one that does not exist.
    await refused(
      { ...input("CUSTOMER"), agreementId: foreign.id, documentSha256: await hashOf(foreign.id) },
      "NOT_FOUND",
      partner,
    );
  });

  it("refuses bad input: a malformed hash, a customer that is no party, a customer left out among several", async () => {
    const two = await t.completeDraft({ customerIds: [FINANCE, t.newCustomer()] });
    const { documentSha256 } = await readSigned(two.id);
    const base = { agreementId: two.id, party: "CUSTOMER", signedBy: "Greta", documentSha256 };
    await refused({ ...base, documentSha256: "abc" }, "BAD_USER_INPUT");
    await refused({ ...base, signedBy: "  " }, "BAD_USER_INPUT");
    expect((await refused(base, "BAD_USER_INPUT")).message).toContain("name the one signing as customerId");
    expect((await refused({ ...base, customerId: t.newCustomer() }, "BAD_USER_INPUT")).message).toContain(
      "not a party",
    );
    await refused({ ...base, party: "PROVIDER", customerId: FINANCE }, "BAD_USER_INPUT");
    await refused({ ...base, agreementId: "no-such-agreement" }, "NOT_FOUND");
  });
});

describe("activation without REQUIRE_SIGNATURES", () => {
  it("activates an unsigned SLA (the default)", async () => {
    const draft: AgreementView = await t.completeDraft();
    expect((await t.ok("activateAgreement", { id: draft.id })).status).toBe("ACTIVE");
  });
});
