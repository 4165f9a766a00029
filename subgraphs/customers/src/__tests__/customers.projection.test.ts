import { sampleId } from "@itsm/kit";
import { ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES, withAndWithoutProjection } from "@itsm/kit/testing";
import { sampleCustomers, sampleProviders } from "../sample/customers.sample";
import { CustomersHarness } from "./support/harness";

const t = new CustomersHarness();

// Every sample customer and provider, an unknown id among each.
const customers = [
  ...sampleCustomers.map((c) => ({ __typename: "Customer", id: sampleId.customer(c.code) })),
  { __typename: "Customer", id: "no-such-customer" },
];
const providers = [
  ...sampleProviders.map((p) => ({ __typename: "Provider", id: sampleId.provider(p.code) })),
  { __typename: "Provider", id: "no-such-provider" },
];

// As the gateway's cross request sends them (its query planner's fetches), then every plain field.
const CROSS_PROVIDERS =
  "query CrossSubgraph__customers__1($representations:[_Any!]!){_entities(representations:$representations){...on Provider{name}}}";
const CROSS_CUSTOMERS =
  "query CrossSubgraph__customers__2($representations:[_Any!]!){_entities(representations:$representations){...on Customer{name}}}";
const COMMON = "id version createdAt updatedAt code name description kind";

describe("reads of only the selected columns answer as whole rows do", () => {
  const analyst = TEST_IDENTITIES.analyst;
  const partner = partnerIdentity("ACME_RETAIL");
  it.each([
    ["Provider _entities as the cross request sends them", CROSS_PROVIDERS, providers, analyst, "Provider"],
    ["Customer _entities as the cross request sends them", CROSS_CUSTOMERS, customers, analyst, "Customer"],
    [
      "Customer _entities as the cross request sends them, as a partner",
      CROSS_CUSTOMERS,
      customers,
      partner,
      "Customer",
    ],
    ["Provider _entities of every plain field", ENTITIES_QUERY("Provider", COMMON), providers, analyst, "Provider"],
    [
      "Customer _entities of every plain field",
      ENTITIES_QUERY("Customer", `${COMMON} status`),
      customers,
      analyst,
      "Customer",
    ],
  ])("%s", async (_name, query, representations, identity, typeName) => {
    const { projected, whole, selection } = await withAndWithoutProjection(
      t.server,
      { query, variables: { representations } },
      identity,
    );
    expect(selection.of(typeName)).toBeDefined();
    const answer = JSON.parse(projected);
    expect(answer.errors).toBeUndefined();
    expect((answer.data._entities as unknown[]).filter((e) => e !== null).length).toBeGreaterThan(0);
    expect(projected).toBe(whole);
  });
});
