import { sampleId } from "@itsm/kit";
import { dataOf, failure, invalidPaths, partnerIdentity, snapshotTables, TEST_IDENTITIES } from "@itsm/kit/testing";
import { OperationsHarness, RECORD } from "../../__tests__/support/harness";

const harness = new OperationsHarness();

let sequence = 0;
function measurement(overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    externalId: `TEST-MSR-${sequence}`,
    serviceId: sampleId.service("SERVICE_DESK"),
    customerId: sampleId.customer("HR"),
    metric: "FIRST_CONTACT_RESOLUTION",
    month: "2025-01-01",
    value: 71.5,
    ...overrides,
  };
}

const record = (measurements: object[]) => harness.execute(RECORD.measurements, { input: { measurements } });

describe("recordMeasurements", () => {
  it("creates, leaves re-sent figures unchanged and updates a corrected one", async () => {
    const batch = [measurement(), measurement({ customerId: null, metric: "CUSTOMER_SATISFACTION", value: 4.3 })];
    expect((await record(batch)).data?.recordMeasurements).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const before = await snapshotTables(harness.server.dataSource);
    expect((await record(batch)).data?.recordMeasurements).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);
    expect((await record([{ ...batch[0], value: 69.9 }, batch[1]])).data?.recordMeasurements).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const result = await harness.execute(
      `{ measurements(filter: { monthFrom: "2025-01-01", monthTo: "2025-01-01" }, first: 10) {
          totalCount nodes { externalId value customer { id } history { action changes { field from to } } } } }`,
      {},
      TEST_IDENTITIES.analyst,
    );
    expect(result.data?.measurements).toEqual({
      totalCount: 2,
      nodes: expect.arrayContaining([
        {
          externalId: batch[0].externalId,
          value: 69.9,
          customer: { id: batch[0].customerId },
          history: [
            { action: "updated", changes: [{ field: "value", from: "71.5", to: "69.9" }] },
            { action: "created", changes: expect.any(Array) },
          ],
        },
      ]),
    });
  });

  it("refuses a month that is not a first day, clock metrics, and percentages over 100", async () => {
    const paths = invalidPaths(
      await record([
        measurement({ month: "2025-01-15" }),
        measurement({ metric: "AVAILABILITY" }),
        measurement({ value: 101 }),
        measurement({ metric: "CUSTOMER_SATISFACTION", value: -1 }),
      ]),
    );
    expect(paths).toEqual([
      "input.measurements.0.month",
      "input.measurements.1.metric",
      "input.measurements.2.value",
      "input.measurements.3.value",
    ]);
  });

  it("refuses an unknown customer with INVALID_REFERENCE, writing nothing", async () => {
    const before = await snapshotTables(harness.server.dataSource);
    const error = failure(await record([measurement({ customerId: "nobody" })]), "INVALID_REFERENCE");
    expect(error.message).toBe('Invalid references: Customer "nobody" does not exist');
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);
  });

  it("shows a partner its own customers' figures only, not those over all customers", async () => {
    const query = `query ($c: [ID!]) { measurements(filter: { customerIds: $c }) { totalCount } }`;
    const staff = await harness.execute(query, { c: [sampleId.customer("HR")] }, TEST_IDENTITIES.analyst);
    const partner = await harness.execute(
      "{ measurements { totalCount nodes { customer { id } } } }",
      {},
      partnerIdentity("HR"),
    );
    const page = dataOf<{ totalCount: number; nodes: { customer: { id: string } | null }[] }>(partner, "measurements");
    expect(page.totalCount).toBe((staff.data?.measurements as { totalCount: number }).totalCount);
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.nodes.every((n) => n.customer?.id === sampleId.customer("HR"))).toBe(true);
  });
});
