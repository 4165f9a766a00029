import type { ProjectionParity } from "@itsm/kit/testing";
import { partnerIdentity, TEST_IDENTITIES, withAndWithoutProjection } from "@itsm/kit/testing";
import { sampleAgreements } from "../sample/agreements.sample";
import { AgreementsHarness } from "./support/agreements";

// The fake catalog answers feasibility's questions, the fake customers a partner's scope.
const subgraph = new AgreementsHarness();

// The agreements page of the gateway's cross request, as its query planner sends it to this subgraph.
const CROSS_PAGE =
  "query CrossSubgraph__agreements__0($after:String){agreements(first:50 after:$after){nodes{number status provider{__typename id}customers{__typename id}services{__typename id}targets{metric value unit}responsibilities{party description}}}}";

// Every column of coverage and targets that a field reads, and Agreement.services beside coverage.
const WIDE_PAGE = `query Wide($after: String) { agreements(first: 7, after: $after) {
  totalCount pageInfo { endCursor hasNextPage }
  nodes { id number title type status effectiveFrom effectiveTo provider { id } services { id }
    coverage { id service { id } description serviceHours monthlyCharge { amount currency } calendar { id code } }
    targets { id service { id } metric comparator value unit priority period description } } } }`;

// A field resolver the projection does not know (feasibility): whole target rows, the same answer.
const WITH_FEASIBILITY =
  "{ agreements(first: 50) { nodes { number targets { metric value feasibility { status } } feasibilityFindings { id } } } }";

describe("reads of only the selected columns answer as whole rows do", () => {
  it.each([
    ["the cross request's agreements page, as an analyst", CROSS_PAGE, TEST_IDENTITIES.analyst],
    ["the cross request's agreements page, as a partner", CROSS_PAGE, partnerIdentity("ACME_RETAIL")],
    ["a page selecting every column of coverage and targets", WIDE_PAGE, TEST_IDENTITIES.analyst],
    ["a page with a field resolver the projection does not know", WITH_FEASIBILITY, TEST_IDENTITIES.analyst],
  ])("%s", async (_name, query, identity) => {
    const { projected, whole, selection } = await withAndWithoutProjection(subgraph.server, { query }, identity);
    expect(selection.of("Agreement")).toBeDefined();
    const answer = JSON.parse(projected);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.agreements.nodes.length).toBeGreaterThan(0);
    expect(projected).toBe(whole);
  });

  it("on every page of the wide selection", async () => {
    let after: string | null = null;
    let pages = 0;
    do {
      const run: ProjectionParity = await withAndWithoutProjection(
        subgraph.server,
        { query: WIDE_PAGE, variables: { after } },
        TEST_IDENTITIES.analyst,
      );
      expect(run.projected).toBe(run.whole);
      const page: { pageInfo: { endCursor: string; hasNextPage: boolean } } = JSON.parse(run.projected).data.agreements;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(Math.ceil(sampleAgreements.length / 7));
  });
});
