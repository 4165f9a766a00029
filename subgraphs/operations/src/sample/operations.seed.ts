import { insertGenerated } from "@itsm/kit";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { IncidentPause } from "../incidents/incident-pause.entity";
import { Incident } from "../incidents/incident.entity";
import { Measurement } from "../measurements/measurement.entity";
import { OutageImpact } from "../outages/outage-impact.entity";
import { Outage } from "../outages/outage.entity";
import { buildIncidents, buildMeasurements, buildOutages, SeedCalendar } from "./operations.sample-builders";
import { SampleRandom } from "./sample-random";

/** The seed of the sample's random source: the same history for the same seed day, everywhere. */
export const SAMPLE_SEED = 20_261_113;

/** Six months of outages, incidents and measurements before `now`, built from the sample data. */
export function buildSample(now: Date) {
  const calendar = new SeedCalendar(now);
  const random = new SampleRandom(SAMPLE_SEED);
  return {
    ...buildOutages(calendar),
    ...buildIncidents(calendar, random),
    measurements: buildMeasurements(calendar, random),
  };
}

/** Writes the sample through the given transaction's manager; dates are relative to `now`, so it never goes stale. */
export async function seedOperations(manager: EntityManager, now: Date = new Date()): Promise<void> {
  const sample = buildSample(now);
  // Multi-row INSERTs of a few hundred rows, as the synthetic data is written.
  const write = <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[]) =>
    insertGenerated(
      manager,
      entity,
      rows.length,
      (i) => rows[i],
      "sample",
      () => {},
    );
  const versioned = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, version: 1 }));
  await write(Outage, versioned(sample.outages));
  await write(OutageImpact, sample.impact);
  await write(Incident, versioned(sample.incidents));
  await write(IncidentPause, sample.pauses);
  await write(Measurement, versioned(sample.measurements));
}
