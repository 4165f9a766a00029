import { Lease, writePathEntities } from "@itsm/kit";
import { IncidentClock } from "./incidents/incident-clock.entity";
import { IncidentPause } from "./incidents/incident-pause.entity";
import { Incident } from "./incidents/incident.entity";
import { Measurement } from "./measurements/measurement.entity";
import { OutageImpact } from "./outages/outage-impact.entity";
import { Outage } from "./outages/outage.entity";
import { PerformanceSnapshot } from "./performance/performance-snapshot.entity";
import { TargetFigure } from "./performance/target-figure.entity";
import { TargetFigureCount } from "./performance/target-figure-count.entity";

/** Every table of the operations database. */
export const operationsEntities = [
  Outage,
  OutageImpact,
  Incident,
  IncidentPause,
  IncidentClock,
  Measurement,
  TargetFigure,
  TargetFigureCount,
  PerformanceSnapshot,
  Lease,
  ...writePathEntities,
];
