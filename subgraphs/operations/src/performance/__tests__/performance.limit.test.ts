import { partnerIdentity, TEST_IDENTITIES } from "@itsm/kit/testing";
import { OperationsHarness } from "../../__tests__/support/harness";
import { installFixture, NOW } from "./performance.fixture";

// The fixture's March 2026 holds 10 targets in force for staff (performance.test.ts, STAFF_ORDER):
// with a limit of 9, staff's whole report is too large to compute in the request (the job is off here).
const harness = new OperationsHarness({ now: () => NOW, inRequestTargetLimit: 9 });
const REPORT = `query ($period: String!, $filter: ServiceLevelReportFilter) {
  serviceLevelReport(period: $period, filter: $filter, first: 50) { totalCount nodes { target { id } } } }`;

beforeEach(() => installFixture(harness.peers));

describe("a report over more targets than a request may compute", () => {
  it("answers SERVICE_UNAVAILABLE saying why, and asks the job to keep the period", async () => {
    const result = await harness.execute(REPORT, { period: "2026-03" }, TEST_IDENTITIES.analyst);
    expect(result.data?.serviceLevelReport).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].message).toMatch(
      /^The figures of 2026-03 are not stored yet and 10 targets are too many/,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      period: "2026-03",
      targets: 10,
      limit: 9,
    });
    const asked = await harness.server.dataSource.query("SELECT period, ready FROM performance_snapshots");
    expect(asked).toEqual([{ period: "2026-03", ready: 0 }]);
  });

  it("still computes a narrower report in the request", async () => {
    const byProvider = await harness.execute(
      REPORT,
      { period: "2026-03", filter: { providerId: "prov-2" } },
      TEST_IDENTITIES.analyst,
    );
    expect(byProvider.errors).toBeUndefined();
    expect(byProvider.data?.serviceLevelReport).toMatchObject({ totalCount: 2 });
    const partner = await harness.execute(REPORT, { period: "2026-03" }, partnerIdentity("SALES"));
    expect(partner.errors).toBeUndefined();
  });
});
