import type { FakeMode, FakeRequest, FakeSubgraph } from "../testing";
import { partnerIdentity, startFakeSubgraph, TEST_INTERNAL_SECRET } from "../testing";
import { PartnerCustomers } from "../write/partner-customers";
import { SubgraphClient } from "../write/subgraph-client";

/** The customers the fake customers subgraph knows, by code. */
const CUSTOMERS: Record<string, string> = { ACME: "id-acme", GLOBEX: "id-globex", INITECH: "id-initech" };

describe("PartnerCustomers", () => {
  let fake: FakeSubgraph;
  let mode: FakeMode = "answer";
  let customers: SubgraphClient;
  /** A code the fake answers for although the partner did not ask for it (a peer must not widen a scope). */
  let extra: string | undefined;

  beforeAll(async () => {
    fake = await startFakeSubgraph({
      secret: TEST_INTERNAL_SECRET,
      mode: () => mode,
      answer: ({ variables }: FakeRequest) => {
        const codes = [...(variables.codes as string[]), ...(extra ? [extra] : [])];
        const nodes = codes.filter((code) => code in CUSTOMERS).map((code) => ({ id: CUSTOMERS[code], code }));
        return { data: { customers: { nodes } } };
      },
    });
    customers = new SubgraphClient("customers", `${fake.baseUrl}/graphql`, 2_000, TEST_INTERNAL_SECRET);
  });

  afterAll(() => fake.close());

  beforeEach(() => {
    fake.requests.length = 0;
    mode = "answer";
    extra = undefined;
  });

  it("turns a partner's codes into ids, asking the customers subgraph as the partner", async () => {
    const partner = partnerIdentity("GLOBEX", "ACME", "GLOBEX");
    expect(await new PartnerCustomers(customers).idsOf(partner)).toEqual(["id-globex", "id-acme"]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].identity).toEqual(partner);
    expect(fake.requests[0].variables.codes).toEqual(["GLOBEX", "ACME"]);
  });

  it("remembers the ids it was told, and asks again only for codes it does not know", async () => {
    const lookup = new PartnerCustomers(customers);
    await lookup.idsOf(partnerIdentity("ACME"));
    expect(await lookup.idsOf(partnerIdentity("ACME", "UNKNOWN"))).toEqual(["id-acme"]);
    expect(await lookup.idsOf(partnerIdentity("ACME", "UNKNOWN"))).toEqual(["id-acme"]);
    expect(fake.requests.map((r) => r.variables.codes)).toEqual([["ACME"], ["UNKNOWN"], ["UNKNOWN"]]);
  });

  it("asks nothing for a partner whose ids it knows, nor for a partner without codes", async () => {
    const lookup = new PartnerCustomers(customers);
    await lookup.idsOf(partnerIdentity("ACME", "GLOBEX"));
    fake.requests.length = 0;
    expect(await lookup.idsOf(partnerIdentity("GLOBEX"))).toEqual(["id-globex"]);
    expect(await lookup.idsOf(partnerIdentity())).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it("keeps only as many codes as it may remember, least recently used out", async () => {
    // Full of ACME (used last but one) and INITECH: GLOBEX pushes ACME out, yet this partner still gets it.
    const lookup = new PartnerCustomers(customers, { remember: 2 });
    await lookup.idsOf(partnerIdentity("ACME", "GLOBEX"));
    await lookup.idsOf(partnerIdentity("ACME"));
    await lookup.idsOf(partnerIdentity("INITECH"));
    fake.requests.length = 0;
    expect(await lookup.idsOf(partnerIdentity("ACME", "INITECH", "GLOBEX"))).toEqual([
      "id-acme",
      "id-initech",
      "id-globex",
    ]);
    expect(fake.requests.map((r) => r.variables.codes)).toEqual([["GLOBEX"]]);
    fake.requests.length = 0;
    await lookup.idsOf(partnerIdentity("ACME"));
    expect(fake.requests.map((r) => r.variables.codes)).toEqual([["ACME"]]);
  });

  it("asks for many codes in pages of 100", async () => {
    const codes = Array.from({ length: 150 }, (_, i) => `C${i}`);
    expect(await new PartnerCustomers(customers).idsOf(partnerIdentity(...codes, "ACME"))).toEqual(["id-acme"]);
    expect(fake.requests.map((r) => (r.variables.codes as string[]).length)).toEqual([100, 51]);
    expect(fake.requests.every((r) => r.variables.first === 100)).toBe(true);
  });

  it("never takes a code the partner did not ask for, whatever the peer answers", async () => {
    extra = "INITECH";
    const lookup = new PartnerCustomers(customers);
    expect(await lookup.idsOf(partnerIdentity("ACME"))).toEqual(["id-acme"]);
    extra = undefined;
    fake.requests.length = 0;
    await lookup.idsOf(partnerIdentity("INITECH"));
    expect(fake.requests).toHaveLength(1);
  });

  it.each<FakeMode>(["errors", "drop"])(
    "fails with SERVICE_UNAVAILABLE (no ids, no wider scope) when the peer %s",
    async (failing) => {
      mode = failing;
      const lookup = new PartnerCustomers(customers);
      await expect(lookup.idsOf(partnerIdentity("ACME"))).rejects.toMatchObject({
        extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "customers" },
      });
      // Nothing was remembered from the failure: once the peer is back, the partner gets its ids.
      mode = "answer";
      expect(await lookup.idsOf(partnerIdentity("ACME"))).toEqual(["id-acme"]);
    },
  );

  it("fails with SERVICE_UNAVAILABLE when the peer lists no customers at all", async () => {
    const nothing = await startFakeSubgraph({
      secret: TEST_INTERNAL_SECRET,
      answer: () => ({ data: { customers: null } }),
    });
    try {
      const client = new SubgraphClient("customers", `${nothing.baseUrl}/graphql`, 2_000, TEST_INTERNAL_SECRET);
      await expect(new PartnerCustomers(client).idsOf(partnerIdentity("ACME"))).rejects.toMatchObject({
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
    } finally {
      await nothing.close();
    }
  });
});
