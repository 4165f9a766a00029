import { TEST_IDENTITIES } from "@itsm/kit/testing";
import { loadAgreementsConfig } from "../agreements.config";
import type { Result } from "./support/agreements";
import { AgreementsHarness, CORP_IT, failure, FINANCE } from "./support/agreements";

const t = new AgreementsHarness({ requireSignatures: true });

const HASH = "query ($id: ID!) { agreement(id: $id) { documentSha256 } }";
const SIGN = "mutation ($input: SignAgreementInput!) { signAgreement(input: $input) { id } }";

async function hashOf(id: string): Promise<string> {
  const result = await t.query(HASH, { id });
  return (result.data?.agreement as { documentSha256: string }).documentSha256;
}

async function sign(agreementId: string, party: string, customerId?: string): Promise<void> {
  const input = { agreementId, party, customerId, signedBy: "Signatory", documentSha256: await hashOf(agreementId) };
  const result = await t.server.execute(SIGN, { input }, TEST_IDENTITIES.editor);
  expect(result.errors).toBeUndefined();
}

function problemsOf(result: Result): string[] {
  return failure(result, "CONFLICT").extensions?.problems as string[];
}

describe("activateAgreement with REQUIRE_SIGNATURES=true", () => {
  it("lists every missing signature of the current terms and changes nothing", async () => {
    const second = t.newCustomer();
    const draft = await t.completeDraft({ customerIds: [FINANCE, second], effectiveTo: null });
    const sha = await hashOf(draft.id);
    const before = await t.snapshot();
    expect(problemsOf(await t.execute("activateAgreement", { id: draft.id }))).toEqual([
      `no signature of the provider "${CORP_IT}" on the current terms (${sha})`,
      ...[FINANCE, second].sort().map((id) => `no signature of customer "${id}" on the current terms (${sha})`),
    ]);
    expect(await t.snapshot()).toEqual(before);

    await sign(draft.id, "PROVIDER");
    await sign(draft.id, "CUSTOMER", FINANCE);
    expect(problemsOf(await t.execute("activateAgreement", { id: draft.id }))).toEqual([
      `no signature of customer "${second}" on the current terms (${sha})`,
    ]);
  });

  it("counts only signatures of the terms being activated: a change after signing needs them again", async () => {
    const draft = await t.completeDraft();
    await sign(draft.id, "PROVIDER");
    await sign(draft.id, "CUSTOMER");
    const { revision } = await t.read(draft.id);
    await t.ok("updateAgreement", { id: draft.id, expectedRevision: revision, title: "Changed after signing" });
    const sha = await hashOf(draft.id);
    const problems = problemsOf(await t.execute("activateAgreement", { id: draft.id }));
    expect(problems).toEqual([
      `no signature of the provider "${CORP_IT}" on the current terms (${sha})`,
      `no signature of customer "${FINANCE}" on the current terms (${sha})`,
    ]);
    await sign(draft.id, "PROVIDER");
    await sign(draft.id, "CUSTOMER");
    expect((await t.ok("activateAgreement", { id: draft.id })).status).toBe("ACTIVE");
  });

  it("activates an SLA signed by both parties; OLAs need no signature", async () => {
    const draft = await t.completeDraft();
    await sign(draft.id, "PROVIDER");
    await sign(draft.id, "CUSTOMER");
    const active = await t.ok("activateAgreement", { id: draft.id });
    expect(active.status).toBe("ACTIVE");
    expect(active.history[0].action).toBe("activated");
    const ola = await t.completeDraft({ type: "OLA" });
    expect((await t.ok("activateAgreement", { id: ola.id })).status).toBe("ACTIVE");
  });
});

describe("REQUIRE_SIGNATURES", () => {
  it("is false unless set to true, and refuses anything but true or false", () => {
    expect(loadAgreementsConfig({}).requireSignatures).toBe(false);
    expect(loadAgreementsConfig({ REQUIRE_SIGNATURES: "true" }).requireSignatures).toBe(true);
    expect(loadAgreementsConfig({ REQUIRE_SIGNATURES: "false" }).requireSignatures).toBe(false);
    expect(() => loadAgreementsConfig({ REQUIRE_SIGNATURES: "yes" })).toThrow(/REQUIRE_SIGNATURES/);
  });
});
