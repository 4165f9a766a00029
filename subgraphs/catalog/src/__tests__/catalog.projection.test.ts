import { sampleId } from "@itsm/kit";
import { ENTITIES_QUERY, partnerIdentity, TEST_IDENTITIES, withAndWithoutProjection } from "@itsm/kit/testing";
import { sampleServices } from "../sample/catalog.sample";
import { CatalogHarness } from "./support/harness";

const t = new CatalogHarness();

// Every sample service, an unknown id among them.
const representations = [
  ...sampleServices.map((s) => ({ __typename: "Service", id: sampleId.service(s.code) })),
  { __typename: "Service", id: "no-such-service" },
];

// The gateway's cross request asks for code and name (its query planner's fetch), then every plain field.
const CROSS_SERVICES =
  "query CrossSubgraph__catalog__3($representations:[_Any!]!){_entities(representations:$representations){...on Service{code name}}}";
const PLAIN_FIELDS = ENTITIES_QUERY(
  "Service",
  "id version createdAt updatedAt code name description category type lifecycle criticality owner monthlyCost { amount currency }",
);
const SERVICE_BY_ID = "query S($id: ID!) { service(id: $id) { code name dependsOn { code name } usedBy { code } } }";

describe("reads of only the selected columns answer as whole rows do", () => {
  const analyst = TEST_IDENTITIES.analyst;
  const byId = { id: sampleId.service("EMAIL") };
  it.each([
    ["Service _entities as the cross request sends them, as an analyst", CROSS_SERVICES, { representations }, analyst],
    [
      "Service _entities as the cross request sends them, as a partner",
      CROSS_SERVICES,
      { representations },
      partnerIdentity("ACME_RETAIL"),
    ],
    ["Service _entities of every plain field", PLAIN_FIELDS, { representations }, analyst],
    ["a service by id with its dependencies", SERVICE_BY_ID, byId, analyst],
  ])("%s", async (_name, query, variables, identity) => {
    const { projected, whole, selection } = await withAndWithoutProjection(t.server, { query, variables }, identity);
    expect(selection.of("Service")).toBeDefined();
    const answer = JSON.parse(projected);
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).toContain('"code":"EMAIL"');
    expect(projected).toBe(whole);
  });
});
