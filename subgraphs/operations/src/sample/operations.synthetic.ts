import { insertGenerated, sampleId, stableId, syntheticCounts, syntheticKey } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { IncidentPause } from "../incidents/incident-pause.entity";
import { Incident } from "../incidents/incident.entity";
import { Measurement } from "../measurements/measurement.entity";
import { OutageImpact } from "../outages/outage-impact.entity";
import { OutageKind } from "../outages/outage-kind.enum";
import { Outage } from "../outages/outage.entity";
import { Priority, TargetMetric } from "../references/agreements.enums";
import { HISTORY_DAYS, SeedCalendar } from "./operations.sample-builders";

/** Incidents per synthetic service: about 1,000,000 at scale 10000. */
export const INCIDENTS_PER_SERVICE = 100;

const MINUTE = 60_000;
const PRIORITIES = [
  Priority.P1,
  Priority.P2,
  Priority.P2,
  ...Array<Priority>(9).fill(Priority.P3),
  ...Array<Priority>(8).fill(Priority.P4),
];
const RESPONSE_MINUTES: Record<Priority, number> = { P1: 8, P2: 20, P3: 45, P4: 150 };

/**
 * Synthetic history for a dataset of `scale` services (benchmarks): 100 incidents per service
 * spread over six months (every tenth waiting on its customer a while, the latest few still open),
 * one planned and one unplanned outage of each service, and monthly satisfaction per service and
 * customer. Deterministic arithmetic, no randomness; written in multi-row batches as generated.
 * Outages are of services only: a synthetic component's reach would need the synthetic catalogue's
 * whole dependency closure.
 */
export async function seedSyntheticOperations(
  manager: EntityManager,
  scale: number,
  progress: (message: string) => void,
  now: Date = new Date(),
): Promise<void> {
  const counts = syntheticCounts(scale);
  const calendar = new SeedCalendar(now);
  const start = calendar.day(-HISTORY_DAYS).toMillis();
  const span = now.getTime() - start;
  const serviceId = (s: number) => sampleId.service(syntheticKey.service(s));
  const incidents = counts.services * INCIDENTS_PER_SERVICE;
  const incidentKey = (i: number) => `SYN-INC-${String(i).padStart(8, "0")}`;
  // Spread evenly over the history, in order: incident i opens at the i-th step.
  const openedAt = (i: number) => start + Math.floor((span * i) / incidents / MINUTE) * MINUTE;
  const resolutionMinutes = (i: number, priority: Priority) => RESPONSE_MINUTES[priority] * (6 + (i % 17));

  await insertGenerated(
    manager,
    Incident,
    incidents,
    (i) => {
      const priority = PRIORITIES[i % PRIORITIES.length];
      const opened = openedAt(i);
      const responded = opened + RESPONSE_MINUTES[priority] * (0.4 + (i % 7) * 0.25) * MINUTE;
      const resolved = opened + resolutionMinutes(i, priority) * MINUTE;
      return {
        id: stableId("Incident", incidentKey(i)),
        externalId: incidentKey(i),
        serviceId: serviceId(i % counts.services),
        customerId: sampleId.customer(syntheticKey.customer((i * 7) % counts.customers)),
        priority,
        openedAt: new Date(opened),
        respondedAt: responded <= now.getTime() ? new Date(Math.round(responded)) : null,
        resolvedAt: resolved <= now.getTime() ? new Date(resolved) : null,
        version: 1,
      };
    },
    "operations incidents",
    progress,
  );
  await insertGenerated(
    manager,
    IncidentPause,
    Math.floor(incidents / 10),
    (n) => {
      const i = n * 10 + 3;
      const priority = PRIORITIES[i % PRIORITIES.length];
      const opened = openedAt(i);
      const resolution = resolutionMinutes(i, priority) * MINUTE;
      const from = opened + Math.round((resolution * 0.5) / MINUTE) * MINUTE;
      const to = from + Math.round((resolution * 0.25) / MINUTE) * MINUTE;
      if (from > now.getTime()) return [];
      return {
        incidentId: stableId("Incident", incidentKey(i)),
        position: 0,
        pausedAt: new Date(from),
        resumedAt: opened + resolution <= now.getTime() ? new Date(to) : null,
      };
    },
    "operations incident pauses",
    progress,
  );
  const outageKey = (s: number, kind: OutageKind) => `SYN-OUT-${kind[0]}-${String(s).padStart(7, "0")}`;
  await insertGenerated(
    manager,
    Outage,
    counts.services,
    (s) =>
      [OutageKind.PLANNED, OutageKind.UNPLANNED].map((kind) => {
        const started =
          start +
          ((s * 7919 + (kind === OutageKind.PLANNED ? 0 : 3_001)) % (HISTORY_DAYS - 1)) * 86_400_000 +
          3 * 3_600_000;
        return {
          id: stableId("Outage", outageKey(s, kind)),
          externalId: outageKey(s, kind),
          serviceId: serviceId(s),
          componentId: null,
          kind,
          startedAt: new Date(started),
          endedAt: new Date(started + (kind === OutageKind.PLANNED ? 120 : 10 + (s % 50)) * MINUTE),
          description: kind === OutageKind.PLANNED ? "Synthetic maintenance." : "Synthetic failure.",
          version: 1,
        };
      }),
    "operations outages",
    progress,
  );
  await insertGenerated(
    manager,
    OutageImpact,
    counts.services,
    (s) =>
      [OutageKind.PLANNED, OutageKind.UNPLANNED].map((kind) => ({
        outageId: stableId("Outage", outageKey(s, kind)),
        serviceId: serviceId(s),
      })),
    "operations outage impact",
    progress,
  );
  const months = Math.ceil(HISTORY_DAYS / 30);
  await insertGenerated(
    manager,
    Measurement,
    counts.services,
    (s) =>
      Array.from({ length: months + 1 }, (_, m) => {
        const month = calendar.month(m - months);
        const externalId = `SYN-MSR-${String(s).padStart(7, "0")}-${month.slice(0, 7)}`;
        return {
          id: stableId("Measurement", externalId),
          externalId,
          serviceId: serviceId(s),
          customerId: sampleId.customer(syntheticKey.customer(s % counts.customers)),
          metric: TargetMetric.CUSTOMER_SATISFACTION,
          month,
          value: 3.6 + ((s + m) % 12) / 10,
          version: 1,
        };
      }),
    "operations measurements",
    progress,
  );
}
