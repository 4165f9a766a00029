import { sampleId } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import { dataOf, failure, HISTORY_FIELDS, invalidPaths, snapshotTables, TEST_IDENTITIES } from "@itsm/kit/testing";
import { OperationsHarness, RECORD } from "../../__tests__/support/harness";

const harness = new OperationsHarness();

let sequence = 0;
/** A resolved P3 incident of FINANCE on EMAIL with one pause, and a fresh externalId. */
function incident(overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    externalId: `TEST-INC-${sequence}`,
    serviceId: sampleId.service("EMAIL"),
    customerId: sampleId.customer("FINANCE"),
    priority: "P3",
    openedAt: "2026-04-01T08:00:00.000Z",
    respondedAt: "2026-04-01T08:20:00.000Z",
    resolvedAt: "2026-04-01T16:00:00.000Z",
    pauses: [{ from: "2026-04-01T10:00:00.000Z", to: "2026-04-01T12:00:00.000Z" }],
    ...overrides,
  };
}

const record = (incidents: object[]) => harness.execute(RECORD.incidents, { input: { incidents } });

interface IncidentView {
  externalId: string;
  resolvedAt: string | null;
  pauses: { from: string; to: string | null }[];
  history: HistoryRow[];
}

async function incidentsOpenedOn(day: string): Promise<IncidentView[]> {
  const result = await harness.execute(
    `query ($from: DateTimeISO, $to: DateTimeISO) { incidents(first: 100, filter: { openedFrom: $from, openedTo: $to }) {
        nodes { externalId resolvedAt pauses { from to } ${HISTORY_FIELDS} } } }`,
    { from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z` },
    TEST_IDENTITIES.analyst,
  );
  return dataOf<{ nodes: IncidentView[] }>(result, "incidents").nodes;
}

describe("recordIncidents", () => {
  it("creates, leaves a re-sent export unchanged without history, and updates a changed incident with its pauses", async () => {
    const batch = [incident(), incident({ resolvedAt: null, pauses: [{ from: "2026-04-01T09:00:00.000Z" }] })];
    expect((await record(batch)).data?.recordIncidents).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const before = await snapshotTables(harness.server.dataSource);
    expect((await record(batch)).data?.recordIncidents).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);

    const resolved = {
      ...batch[1],
      resolvedAt: "2026-04-02T09:00:00.000Z",
      pauses: [{ from: "2026-04-01T09:00:00.000Z", to: "2026-04-01T15:00:00.000Z" }],
    };
    expect((await record([batch[0], resolved])).data?.recordIncidents).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const stored = (await incidentsOpenedOn("2026-04-01")).find((i) => i.externalId === resolved.externalId);
    expect(stored?.resolvedAt).toBe(resolved.resolvedAt);
    expect(stored?.pauses).toEqual(resolved.pauses);
    expect(stored?.history.map((h) => h.action)).toEqual(["updated", "created"]);
    expect(stored?.history[0].changes.map((c) => c.field)).toEqual(["resolvedAt", "pauses"]);
  });

  it("keeps pauses in chronological order whatever order they are sent in", async () => {
    const pauses = [
      { from: "2026-04-03T13:00:00.000Z", to: "2026-04-03T14:00:00.000Z" },
      { from: "2026-04-03T09:00:00.000Z", to: "2026-04-03T10:00:00.000Z" },
    ];
    const day = { openedAt: "2026-04-03T08:00:00.000Z", respondedAt: "2026-04-03T08:10:00.000Z" };
    const sent = incident({ ...day, resolvedAt: "2026-04-03T16:00:00.000Z", pauses });
    expect((await record([sent])).data?.recordIncidents).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const [stored] = (await incidentsOpenedOn("2026-04-03")).filter((i) => i.externalId === sent.externalId);
    expect(stored.pauses).toEqual([pauses[1], pauses[0]]);
    expect((await record([sent])).data?.recordIncidents).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it("lists open or resolved incidents on request", async () => {
    const day = { openedAt: "2026-04-05T08:00:00.000Z", respondedAt: null, pauses: [] };
    const open = incident({ ...day, resolvedAt: null });
    const resolved = incident({ ...day, resolvedAt: "2026-04-05T09:00:00.000Z" });
    expect((await record([open, resolved])).data?.recordIncidents).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const result = await harness.execute(
      `query ($from: DateTimeISO, $to: DateTimeISO) {
        open: incidents(first: 100, filter: { openedFrom: $from, openedTo: $to, open: true }) { nodes { externalId } }
        resolved: incidents(first: 100, filter: { openedFrom: $from, openedTo: $to, open: false }) { nodes { externalId } } }`,
      { from: "2026-04-05T00:00:00Z", to: "2026-04-06T00:00:00Z" },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    const idsOf = (list: unknown) => (list as { nodes: { externalId: string }[] }).nodes.map((n) => n.externalId);
    expect(idsOf(result.data?.open)).toEqual([open.externalId]);
    expect(idsOf(result.data?.resolved)).toEqual([resolved.externalId]);
  });

  it("refuses clocks before openedAt and pauses outside [openedAt, resolvedAt], overlapping or left open", async () => {
    const paths = invalidPaths(
      await record([
        incident({ respondedAt: "2026-04-01T07:00:00.000Z", resolvedAt: "2026-04-01T07:30:00.000Z", pauses: [] }),
        incident({ pauses: [{ from: "2026-04-01T07:00:00.000Z", to: "2026-04-01T09:00:00.000Z" }] }),
        incident({ pauses: [{ from: "2026-04-01T15:00:00.000Z", to: "2026-04-01T17:00:00.000Z" }] }),
        incident({
          pauses: [
            { from: "2026-04-01T10:00:00.000Z", to: "2026-04-01T12:00:00.000Z" },
            { from: "2026-04-01T11:00:00.000Z", to: "2026-04-01T13:00:00.000Z" },
          ],
        }),
        incident({ pauses: [{ from: "2026-04-01T10:00:00.000Z" }] }),
        incident({
          resolvedAt: null,
          pauses: [{ from: "2026-04-01T10:00:00.000Z" }, { from: "2026-04-01T11:00:00.000Z" }],
        }),
        incident({ pauses: [{ from: "2026-04-01T10:00:00.000Z", to: "2026-04-01T10:00:00.000Z" }] }),
      ]),
    );
    expect(paths).toEqual([
      "input.incidents.0.respondedAt",
      "input.incidents.0.resolvedAt",
      "input.incidents.1.pauses.0.from",
      "input.incidents.2.pauses.0.to",
      "input.incidents.3.pauses.1.from",
      "input.incidents.4.pauses.0.to",
      "input.incidents.5.pauses.0.to",
      "input.incidents.5.pauses.1.from",
      "input.incidents.6.pauses.0.to",
    ]);
    expect(harness.peers.calls()).toEqual([]);
  });

  it("refuses duplicate externalIds and more than 1000 incidents", async () => {
    const one = incident();
    expect(invalidPaths(await record([one, one]))).toEqual(["input.incidents.1.externalId"]);
    expect(invalidPaths(await record(Array.from({ length: 1001 }, () => incident())))).toEqual(["input.incidents"]);
  });

  it("refuses unknown services and customers with INVALID_REFERENCE, writing nothing", async () => {
    const before = await snapshotTables(harness.server.dataSource);
    const error = failure(
      await record([incident(), incident({ customerId: "no-such-customer", serviceId: "no-such-service" })]),
      "INVALID_REFERENCE",
    );
    expect(error.message).toBe(
      'Invalid references: Service "no-such-service" does not exist; Customer "no-such-customer" does not exist',
    );
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);
    const calls = harness.peers.calls().map((c) => [c.peer, c.typename, c.ids.length]);
    expect(calls).toEqual(
      expect.arrayContaining([
        ["catalog", "Service", 2],
        ["customers", "Customer", 2],
      ]),
    );
  });

  it("answers SERVICE_UNAVAILABLE when the customers subgraph is down, writing nothing", async () => {
    harness.peers.mode.customers = "drop";
    const before = await snapshotTables(harness.server.dataSource);
    failure(await record([incident()]), "SERVICE_UNAVAILABLE");
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);
  });
});
