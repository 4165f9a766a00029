import type { Identity } from "@itsm/kit";
import { sampleId } from "@itsm/kit";
import type { HistoryRow } from "@itsm/kit/testing";
import { dataOf, failure, HISTORY_FIELDS, invalidPaths, snapshotTables, TEST_IDENTITIES } from "@itsm/kit/testing";
import { KNOWN } from "../../__tests__/support/fake-peers";
import { OperationsHarness, RECORD } from "../../__tests__/support/harness";

const harness = new OperationsHarness();
const EMAIL = sampleId.service("EMAIL");
const DC = sampleId.component(KNOWN.dataCentre.key);

let sequence = 0;
/** A service outage with a fresh externalId, ended an hour after it began. */
function outage(overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    externalId: `TEST-OUT-${sequence}`,
    serviceId: EMAIL,
    kind: "UNPLANNED",
    startedAt: `2026-03-0${(sequence % 9) + 1}T10:00:00.000Z`,
    endedAt: `2026-03-0${(sequence % 9) + 1}T11:00:00.000Z`,
    description: "Mail flow stopped.",
    ...overrides,
  };
}

const record = (outages: object[], identity: Identity = TEST_IDENTITIES.editor) =>
  harness.execute(RECORD.outages, { input: { outages } }, identity);

interface OutageView {
  externalId: string;
  kind: string;
  endedAt: string | null;
  service: { id: string } | null;
  component: { id: string } | null;
  impactedServices: { id: string }[];
  history: HistoryRow[];
}

async function outagesByExternalId(...externalIds: string[]): Promise<OutageView[]> {
  const result = await harness.execute(
    `{ outages(first: 100, filter: { from: "2026-03-01T00:00:00Z", to: "2026-03-31T00:00:00Z" }) {
        nodes { externalId kind endedAt service { id } component { id } impactedServices { id } ${HISTORY_FIELDS} } } }`,
    {},
    TEST_IDENTITIES.analyst,
  );
  const { nodes } = dataOf<{ nodes: OutageView[] }>(result, "outages");
  return externalIds.map((id) => nodes.find((n) => n.externalId === id) as OutageView);
}

describe("recordOutages", () => {
  it("creates new outages, leaves a re-sent batch unchanged without history, and updates a changed one", async () => {
    const batch = [outage(), outage({ kind: "PLANNED", endedAt: null })];
    expect((await record(batch)).data?.recordOutages).toEqual({ created: 2, updated: 0, unchanged: 0 });

    const before = await snapshotTables(harness.server.dataSource);
    expect((await record(batch)).data?.recordOutages).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);

    const ended = { ...batch[1], endedAt: batch[1].startedAt.replace("T10", "T12") };
    expect((await record([batch[0], ended])).data?.recordOutages).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const [first, second] = await outagesByExternalId(batch[0].externalId, batch[1].externalId);
    expect(first.history.map((h) => h.action)).toEqual(["created"]);
    expect(second.endedAt).toBe(ended.endedAt);
    expect(second.history.map((h) => [h.action, h.version, h.actor])).toEqual([
      ["updated", 2, "test-editor"],
      ["created", 1, "test-editor"],
    ]);
    expect(second.history[0].changes).toEqual([{ field: "endedAt", from: null, to: JSON.stringify(ended.endedAt) }]);
  });

  it("stores a component outage's impacted services as the catalog's impact analysis answered", async () => {
    const dcOutage = outage({ serviceId: null, componentId: DC, description: "Data-centre power event." });
    expect((await record([dcOutage])).data?.recordOutages).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const [stored] = await outagesByExternalId(dcOutage.externalId);
    expect(stored.service).toBeNull();
    expect(stored.component).toEqual({ id: DC });
    expect(stored.impactedServices.map((s) => s.id)).toEqual(KNOWN.dataCentre.reaches.map(sampleId.service).sort());
    expect(harness.peers.calls()).toContainEqual({
      peer: "catalog",
      typename: "Component",
      ids: [DC],
      subject: "test-editor",
    });

    // A re-sent outage keeps the impact it was recorded with, whatever the catalogue says now.
    harness.peers.components.set(DC, [EMAIL]);
    expect((await record([dcOutage])).data?.recordOutages).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const [again] = await outagesByExternalId(dcOutage.externalId);
    expect(again.impactedServices).toEqual(stored.impactedServices);
  });

  it("lists outages reaching a service through a component, and ongoing or ended ones", async () => {
    const dcOutage = outage({ serviceId: null, componentId: DC, endedAt: null });
    const ended = outage({ serviceId: sampleId.service("WEBSHOP") });
    await record([dcOutage, ended]);
    const result = await harness.execute(
      `query ($services: [ID!]) {
        reached: outages(filter: { serviceIds: $services, ongoing: true }, first: 100) { nodes { externalId } }
        over: outages(filter: { serviceIds: $services, ongoing: false }, first: 100) { nodes { externalId } } }`,
      { services: [sampleId.service("WEBSHOP")] },
      TEST_IDENTITIES.analyst,
    );
    expect(result.errors).toBeUndefined();
    const idsOf = (list: unknown) => (list as { nodes: { externalId: string }[] }).nodes.map((n) => n.externalId);
    const ids = idsOf(result.data?.reached);
    expect(ids).toContain(dcOutage.externalId);
    expect(ids).not.toContain(ended.externalId);
    expect(idsOf(result.data?.over)).toContain(ended.externalId);
    expect(idsOf(result.data?.over)).not.toContain(dcOutage.externalId);
  });

  it("checks every reference in one batched call per type, as the caller", async () => {
    const erp = sampleId.service("ERP");
    await record(
      [outage(), outage({ serviceId: erp }), outage(), outage({ serviceId: null, componentId: DC })],
      TEST_IDENTITIES.admin,
    );
    const calls = harness.peers.calls();
    expect(calls).toHaveLength(2);
    expect(calls).toContainEqual({ peer: "catalog", typename: "Service", ids: [EMAIL, erp], subject: "test-admin" });
    expect(calls).toContainEqual({ peer: "catalog", typename: "Component", ids: [DC], subject: "test-admin" });
  });

  it("refuses unknown services and components with INVALID_REFERENCE naming them, writing nothing", async () => {
    const before = await snapshotTables(harness.server.dataSource);
    const result = await record([
      outage(),
      outage({ serviceId: "no-such-service" }),
      outage({ serviceId: null, componentId: "no-such-component" }),
    ]);
    const error = failure(result, "INVALID_REFERENCE");
    expect(error.message).toContain('Service "no-such-service" does not exist');
    expect(error.message).toContain('Component "no-such-component" does not exist');
    expect(await snapshotTables(harness.server.dataSource)).toEqual(before);
  });

  it.each(["errors", "drop"] as const)(
    "answers SERVICE_UNAVAILABLE when the catalog %s, writing nothing",
    async (mode) => {
      harness.peers.mode.catalog = mode;
      const before = await snapshotTables(harness.server.dataSource);
      failure(await record([outage()]), "SERVICE_UNAVAILABLE");
      expect(await snapshotTables(harness.server.dataSource)).toEqual(before);
    },
  );

  it("refuses outages of both or neither a service and a component, and ends not after starts", async () => {
    const paths = invalidPaths(
      await record([
        outage({ componentId: DC }),
        outage({ serviceId: null }),
        outage({ endedAt: "2026-03-01T09:00:00.000Z", startedAt: "2026-03-01T10:00:00.000Z" }),
      ]),
    );
    expect(paths).toEqual(["input.outages.0.serviceId", "input.outages.1.serviceId", "input.outages.2.endedAt"]);
    expect(harness.peers.calls()).toEqual([]);
  });

  it("refuses duplicate externalIds within one call and more than 1000 outages", async () => {
    const one = outage();
    expect(invalidPaths(await record([one, outage(), { ...one }]))).toEqual(["input.outages.2.externalId"]);
    const many = Array.from({ length: 1001 }, () => outage());
    expect(invalidPaths(await record(many))).toEqual(["input.outages"]);
    expect(harness.peers.calls()).toEqual([]);
  });
});
