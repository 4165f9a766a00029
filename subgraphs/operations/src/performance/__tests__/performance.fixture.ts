// Hand-made history and catalogue for the performance tests: services of their own (so the sample
// does not mix in), three calendars in Europe/Berlin, and the targets the expectations are worked
// out for in performance.test.ts.
import { AVAILABILITY_TARGET_TERMS } from "@itsm/runtime/testing";
import { sampleId } from "@itsm/kit";
import type { CatalogueCalendar, CatalogueTarget } from "../../catalogue/catalogue.model";
import type { FakePeers } from "../../__tests__/support/fake-peers";

export const NOW = new Date("2026-06-15T12:00:00.000Z");

export const SERVICE = {
  dst: sampleId.service("PERF_DST"),
  biz: sampleId.service("PERF_BIZ"),
  late: sampleId.service("PERF_LATE"),
  dep: sampleId.service("PERF_DEP"),
  desk: sampleId.service("PERF_DESK"),
};
export const COMPONENT = sampleId.component("PERF_COMP");
export const CUSTOMER = {
  sales: sampleId.customer("SALES"),
  acme: sampleId.customer("ACME_RETAIL"),
  finance: sampleId.customer("FINANCE"),
};

const WEEK = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as CatalogueCalendar["windows"][number]["days"];
const WORKDAYS = WEEK.slice(0, 5);

export const CALENDARS: Record<"always" | "business" | "evenings", CatalogueCalendar> = {
  always: {
    id: "cal-247",
    code: "24X7-CET",
    timeZone: "Europe/Berlin",
    windows: [{ days: WEEK, from: "00:00", to: "24:00" }],
    holidays: [],
    version: 1,
  },
  business: {
    id: "cal-biz",
    code: "BUSINESS-CET",
    timeZone: "Europe/Berlin",
    windows: [{ days: WORKDAYS, from: "08:00", to: "18:00" }],
    holidays: ["2026-04-03", "2026-04-06"],
    version: 1,
  },
  evenings: {
    id: "cal-late",
    code: "EVENINGS-CET",
    timeZone: "Europe/Berlin",
    windows: [{ days: WORKDAYS, from: "18:00", to: "24:00" }],
    holidays: [],
    version: 1,
  },
};

function target(targetId: string, over: Partial<CatalogueTarget>): CatalogueTarget {
  return {
    targetId,
    agreementId: "agr-sla-1",
    agreementNumber: "SLA-T-001",
    agreementType: "SLA",
    agreementStatus: "ACTIVE",
    effectiveFrom: "2025-01-01",
    effectiveTo: null,
    providerId: "prov-1",
    customerIds: [CUSTOMER.sales, CUSTOMER.acme],
    serviceId: SERVICE.dst,
    calendarId: CALENDARS.always.id,
    ...AVAILABILITY_TARGET_TERMS,
    period: "MONTH",
    ...over,
  };
}

const SLA2 = { agreementId: "agr-sla-2", agreementNumber: "SLA-T-002", serviceId: SERVICE.desk };
const OLA = {
  agreementId: "agr-ola-1",
  agreementNumber: "OLA-T-001",
  agreementType: "OLA" as const,
  customerIds: [],
  providerId: "prov-2",
  serviceId: SERVICE.desk,
};
const TIME = { comparator: "AT_MOST" as const, calendarId: CALENDARS.business.id, priority: "P2" };

export const TARGETS: CatalogueTarget[] = [
  target("t-dst", {}),
  target("t-biz", { serviceId: SERVICE.biz, calendarId: CALENDARS.business.id, value: 99.5 }),
  target("t-late", { serviceId: SERVICE.late, calendarId: CALENDARS.evenings.id }),
  target("t-dep", { serviceId: SERVICE.dep, value: 99.85 }),
  target("t-resp-sla", {
    ...SLA2,
    ...TIME,
    metric: "RESPONSE_TIME",
    value: 30,
    unit: "MINUTES",
    compliancePercent: 90,
  }),
  target("t-reso-sla", { ...SLA2, ...TIME, metric: "RESOLUTION_TIME", value: 8, unit: "HOURS" }),
  target("t-csat-sla", { ...SLA2, metric: "CUSTOMER_SATISFACTION", value: 4.2, unit: "SCORE" }),
  target("t-reso-ola", { ...OLA, ...TIME, metric: "RESOLUTION_TIME", value: 10, unit: "HOURS", compliancePercent: 50 }),
  target("t-csat-ola", { ...OLA, metric: "CUSTOMER_SATISFACTION", value: 4.4, unit: "SCORE" }),
  target("t-fin", {
    ...TIME,
    agreementId: "agr-sla-3",
    agreementNumber: "SLA-T-003",
    customerIds: [CUSTOMER.finance],
    serviceId: SERVICE.desk,
    metric: "RESPONSE_TIME",
    value: 30,
    unit: "MINUTES",
    compliancePercent: 90,
  }),
  target("t-old", {
    agreementId: "agr-old",
    agreementNumber: "SLA-T-000",
    agreementStatus: "EXPIRED",
    effectiveFrom: "2024-01-01",
    effectiveTo: "2025-12-31",
  }),
];

/** Makes the fake peers know the fixture's services, component and catalogue (after each reset). */
export function installFixture(peers: FakePeers, revision = "r1", calendars = Object.values(CALENDARS)): void {
  for (const id of Object.values(SERVICE)) peers.services.add(id);
  peers.components.set(COMPONENT, [SERVICE.dep]);
  peers.catalogue = { revision, calendars, targets: TARGETS };
}

export const OUTAGES = [
  // PERF_DST: 60 min in February and 60 in March (local midnight falls inside), two overlapping, one planned.
  {
    externalId: "PO-1",
    serviceId: SERVICE.dst,
    kind: "UNPLANNED",
    startedAt: "2026-02-28T22:00:00Z",
    endedAt: "2026-03-01T00:00:00Z",
  },
  {
    externalId: "PO-2",
    serviceId: SERVICE.dst,
    kind: "UNPLANNED",
    startedAt: "2026-03-12T10:00:00Z",
    endedAt: "2026-03-12T10:30:00Z",
  },
  {
    externalId: "PO-3",
    serviceId: SERVICE.dst,
    kind: "UNPLANNED",
    startedAt: "2026-03-12T10:20:00Z",
    endedAt: "2026-03-12T10:50:00Z",
  },
  {
    externalId: "PO-4",
    serviceId: SERVICE.dst,
    kind: "PLANNED",
    startedAt: "2026-03-15T01:00:00Z",
    endedAt: "2026-03-15T02:00:00Z",
  },
  // PERF_BIZ: Thu 2 April 17:00–19:00 (one hour in service), Good Friday, a Saturday.
  {
    externalId: "PO-5",
    serviceId: SERVICE.biz,
    kind: "UNPLANNED",
    startedAt: "2026-04-02T15:00:00Z",
    endedAt: "2026-04-02T17:00:00Z",
  },
  {
    externalId: "PO-6",
    serviceId: SERVICE.biz,
    kind: "UNPLANNED",
    startedAt: "2026-04-03T08:00:00Z",
    endedAt: "2026-04-03T10:00:00Z",
  },
  {
    externalId: "PO-7",
    serviceId: SERVICE.biz,
    kind: "UNPLANNED",
    startedAt: "2026-04-11T08:00:00Z",
    endedAt: "2026-04-11T09:00:00Z",
  },
  // PERF_LATE: Friday 8 May 23:30 to Saturday 00:30 Berlin — the window ends at midnight.
  {
    externalId: "PO-8",
    serviceId: SERVICE.late,
    kind: "UNPLANNED",
    startedAt: "2026-05-08T21:30:00Z",
    endedAt: "2026-05-08T22:30:00Z",
  },
  // PERF_COMP, reaching PERF_DEP: ongoing since an hour before NOW.
  { externalId: "PO-9", componentId: COMPONENT, kind: "UNPLANNED", startedAt: "2026-06-15T11:00:00Z", endedAt: null },
].map((o) => ({ description: `Test outage ${o.externalId}`, ...o }));

const P2 = { serviceId: SERVICE.desk, priority: "P2", pauses: [] as { from: string; to: string | null }[] };
export const INCIDENTS = [
  {
    ...P2,
    externalId: "PI-1",
    customerId: CUSTOMER.sales,
    openedAt: "2026-03-02T08:00:00Z",
    respondedAt: "2026-03-02T08:20:00Z",
    resolvedAt: "2026-03-02T11:00:00Z",
  },
  {
    ...P2,
    externalId: "PI-2",
    customerId: CUSTOMER.sales,
    openedAt: "2026-03-06T16:50:00Z",
    respondedAt: "2026-03-09T07:15:00Z",
    resolvedAt: "2026-03-09T16:00:00Z",
  },
  {
    ...P2,
    externalId: "PI-3",
    customerId: CUSTOMER.acme,
    openedAt: "2026-03-10T09:00:00Z",
    respondedAt: "2026-03-10T09:45:00Z",
    resolvedAt: "2026-03-11T10:00:00Z",
    pauses: [{ from: "2026-03-10T10:00:00Z", to: "2026-03-10T14:00:00Z" }],
  },
  {
    ...P2,
    externalId: "PI-4",
    customerId: CUSTOMER.finance,
    openedAt: "2026-03-03T08:00:00Z",
    respondedAt: "2026-03-03T08:10:00Z",
    resolvedAt: "2026-03-03T10:00:00Z",
  },
  {
    ...P2,
    externalId: "PI-5",
    customerId: CUSTOMER.sales,
    openedAt: "2026-03-30T07:00:00Z",
    respondedAt: null,
    resolvedAt: null,
  },
  {
    ...P2,
    externalId: "PI-6",
    customerId: CUSTOMER.sales,
    priority: "P3",
    openedAt: "2026-03-04T08:00:00Z",
    respondedAt: "2026-03-04T12:00:00Z",
    resolvedAt: "2026-03-05T08:00:00Z",
  },
];

export const MEASUREMENTS = [
  { externalId: "PM-1", customerId: CUSTOMER.sales, value: 4.0 },
  { externalId: "PM-2", customerId: CUSTOMER.acme, value: 4.6 },
  { externalId: "PM-3", customerId: CUSTOMER.finance, value: 3.0 },
  { externalId: "PM-4", customerId: null, value: 4.5 },
].map((m) => ({ ...m, serviceId: SERVICE.desk, metric: "CUSTOMER_SATISFACTION", month: "2026-03-01" }));
