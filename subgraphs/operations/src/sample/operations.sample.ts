// Six months of Northwind Corporate IT's operations, as data: who reports incidents on which
// service and how often, how fast each priority is handled, the maintenance calendar, the failures.
// The builders in operations.sample-builders.ts turn it into rows relative to the seed day.
import { OutageKind } from "../outages/outage-kind.enum";
import { Priority, TargetMetric } from "../references/agreements.enums";

const BUSINESS_UNITS = ["FINANCE", "SALES", "HR", "LOGISTICS", "MANUFACTURING"];

/**
 * The customers of each service under the agreements sample's ACTIVE SLAs
 * (subgraphs/agreements/src/sample): the service/customer pairs incidents and measurements are for.
 */
export const SLA_COVERAGE: { agreement: string; customers: string[]; services: string[] }[] = [
  { agreement: "SLA-2026-001", customers: BUSINESS_UNITS, services: ["EMAIL", "COLLAB"] },
  { agreement: "SLA-2024-007", customers: ["ACME_RETAIL"], services: ["WEBSHOP", "SERVICE_DESK", "ENDPOINT", "EMAIL"] },
  { agreement: "SLA-2026-002", customers: ["SALES"], services: ["CRM", "ERP"] },
  { agreement: "SLA-2025-006", customers: ["FINANCE", "LOGISTICS", "MANUFACTURING"], services: ["ERP"] },
  { agreement: "SLA-2024-009", customers: ["HR", "FINANCE"], services: ["PAYROLL"] },
  {
    agreement: "SLA-2025-012",
    customers: BUSINESS_UNITS,
    services: ["SERVICE_DESK", "ENDPOINT", "IDENTITY", "LAN_WIFI"],
  },
  { agreement: "SLA-2026-003", customers: ["LOGISTICS", "MANUFACTURING"], services: ["HOSTING", "BACKUP", "WAN"] },
];

/**
 * How many incidents a service gets per working day (weekends see a third of that), and who reports
 * them when no SLA names its customers (VPN and the database platform are used through others).
 */
export const INCIDENT_PROFILES: { service: string; perDay: number; customers?: string[] }[] = [
  { service: "SERVICE_DESK", perDay: 5.5 },
  { service: "ENDPOINT", perDay: 4.5 },
  { service: "EMAIL", perDay: 4 },
  { service: "COLLAB", perDay: 2.5 },
  { service: "ERP", perDay: 2 },
  { service: "WEBSHOP", perDay: 1.5 },
  { service: "CRM", perDay: 1.2 },
  { service: "LAN_WIFI", perDay: 1.2 },
  { service: "IDENTITY", perDay: 1 },
  { service: "VPN", perDay: 0.8, customers: BUSINESS_UNITS },
  { service: "PAYROLL", perDay: 0.5 },
  { service: "HOSTING", perDay: 0.4 },
  { service: "WAN", perDay: 0.4 },
  { service: "DB_PLATFORM", perDay: 0.3, customers: ["FINANCE", "LOGISTICS", "MANUFACTURING"] },
  { service: "BACKUP", perDay: 0.15 },
];

/** Share of incidents per priority: a P1 is rare. */
export const PRIORITY_MIX: [Priority, number][] = [
  [Priority.P1, 1.5],
  [Priority.P2, 8.5],
  [Priority.P3, 50],
  [Priority.P4, 40],
];

/** Median minutes to respond and hours to resolve per priority; times are log-normal around them. */
export const HANDLING: Record<Priority, { responseMinutes: number; resolutionHours: number }> = {
  [Priority.P1]: { responseMinutes: 7, resolutionHours: 2.2 },
  [Priority.P2]: { responseMinutes: 17, resolutionHours: 5 },
  [Priority.P3]: { responseMinutes: 38, resolutionHours: 14 },
  [Priority.P4]: { responseMinutes: 110, resolutionHours: 36 },
};

/** Spread of the log-normal response and resolution times. */
export const RESPONSE_SIGMA = 0.7;
export const RESOLUTION_SIGMA = 0.8;

/** Share of P3/P4 incidents that wait on the customer for a while. */
export const PAUSED_SHARE = 0.12;

/**
 * The month (0 = the seed day's, -1 the one before, ...) the service desk was short-staffed: more
 * incidents, slower handling, lower satisfaction and first-contact resolution — breached targets.
 */
export const SHORT_STAFFED_MONTH = -2;
export const SHORT_STAFFED = { volume: 1.2, slowdown: 1.8 };

/** Recurring maintenance, in local time of the windows the agreements name (Europe/Berlin). */
export const MAINTENANCE: {
  service: string;
  description: string;
  /** Which Sundays: every second one, or the nth of each month. */
  sundays: { every: 2 } | { nthOfMonth: number };
  from: string;
  to: string;
}[] = [
  {
    service: "WEBSHOP",
    description: "Fortnightly webshop release inside the agreed Sunday 02:00–05:00 maintenance window.",
    sundays: { every: 2 },
    from: "02:00",
    to: "03:30",
  },
  {
    service: "ERP",
    description: "Monthly SAP S/4HANA support package and kernel patching (first Sunday, 00:00–06:00 window).",
    sundays: { nthOfMonth: 1 },
    from: "00:30",
    to: "04:30",
  },
  {
    service: "LAN_WIFI",
    description: "Monthly campus switch and access point firmware rollout.",
    sundays: { nthOfMonth: 3 },
    from: "05:00",
    to: "06:00",
  },
];

/** A failure, dated relative to the seed day (UTC); `component` outages reach every service using it. */
export interface SampleFailure {
  externalId: string;
  service?: string;
  /** A component key; DATA_CENTRE means the data centre the most services rely on. */
  component?: string;
  daysAgo: number;
  at: string;
  minutes: number;
  description: string;
}

export const DATA_CENTRE = "DATA_CENTRE";

export const FAILURES: SampleFailure[] = [
  {
    externalId: "MON-2026-0007",
    component: "load-balancers",
    daysAgo: 131,
    at: "14:20",
    minutes: 18,
    description:
      "Load balancer pair failed over after a certificate expired on the active node; checkout traffic dropped.",
  },
  {
    externalId: "MON-2026-0019",
    service: "WEBSHOP",
    daysAgo: 76,
    at: "19:05",
    minutes: 42,
    description: "Webshop checkout returned errors after a payment provider API change.",
  },
  {
    externalId: "MON-2026-0023",
    component: DATA_CENTRE,
    daysAgo: 52,
    at: "03:12",
    minutes: 95,
    description:
      "Data-centre power event: a utility failure and a generator that did not start drained the UPS; hosts in the affected halls went down.",
  },
  {
    externalId: "MON-2026-0031",
    service: "EMAIL",
    daysAgo: 38,
    at: "09:05",
    minutes: 165,
    description: "Outbound and inbound mail flow stopped after a connector misconfiguration in Exchange Online.",
  },
  {
    externalId: "MON-2026-0036",
    service: "CRM",
    daysAgo: 20,
    at: "08:40",
    minutes: 25,
    description: "Single sign-on to Salesforce failed after the identity provider's signing certificate rolled over.",
  },
];

/**
 * A short failure this month, half-way between the month's start and the seed day: 38 minutes are
 * 85–94 % of a 99.9 % target's budget over a 24×7 month (44.64 minutes in a 31-day month, 40.32 in
 * February), so the report shows COLLAB's availability AT_RISK whatever the seed day.
 */
export const THIS_MONTH_FAILURE = {
  externalId: "MON-2026-0041",
  service: "COLLAB",
  minutes: 38,
  description: "Teams meetings and chat degraded for users in the EU region (Microsoft incident).",
};

export const OUTAGE_KINDS = { maintenance: OutageKind.PLANNED, failure: OutageKind.UNPLANNED };

/**
 * What is measured monthly per service/customer pair, and the level agreed for it (where an
 * agreement sets one): figures sit a little above it, below it in the short-staffed month, and
 * close to it this month.
 */
export const MEASURED: { metric: TargetMetric; typical: number; target: Record<string, number>; spread: number }[] = [
  {
    metric: TargetMetric.CUSTOMER_SATISFACTION,
    typical: 4.35,
    target: { SERVICE_DESK: 4.2, PAYROLL: 4.0 },
    spread: 0.08,
  },
  { metric: TargetMetric.FIRST_CONTACT_RESOLUTION, typical: 74, target: { SERVICE_DESK: 70 }, spread: 1.5 },
];

/** Figures over all customers of a service (what OLAs and contracts are measured on). */
export const ALL_CUSTOMER_FIGURES: { service: string; metric: TargetMetric; target: number; margin: number }[] = [
  { service: "SERVICE_DESK", metric: TargetMetric.FIRST_CONTACT_RESOLUTION, target: 75, margin: 2.5 },
  { service: "SERVICE_DESK", metric: TargetMetric.CUSTOMER_SATISFACTION, target: 4.4, margin: 0.1 },
  { service: "ERP", metric: TargetMetric.CHANGE_SUCCESS_RATE, target: 95, margin: 2 },
];

/** Disaster-recovery tests (minutes): RTO and RPO of the backup and database platform. */
export const RECOVERY_TESTS: { service: string; metric: TargetMetric; monthsAgo: number; minutes: number }[] = [
  { service: "BACKUP", metric: TargetMetric.RECOVERY_TIME_OBJECTIVE, monthsAgo: 3, minutes: 215 },
  { service: "BACKUP", metric: TargetMetric.RECOVERY_POINT_OBJECTIVE, monthsAgo: 3, minutes: 720 },
  { service: "DB_PLATFORM", metric: TargetMetric.RECOVERY_POINT_OBJECTIVE, monthsAgo: 3, minutes: 9 },
];
