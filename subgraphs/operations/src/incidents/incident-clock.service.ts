import type { Transactor } from "@itsm/kit";
import { chunksOf, insertInChunks, isUniqueViolation } from "@itsm/kit";
import type { Interval } from "@itsm/service-hours";
import { elapsedServiceMinutes } from "@itsm/service-hours";
import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import type { Catalogue } from "../catalogue/catalogue.model";
import { sqlDateTime } from "../records/sql-time";
import { valuesTable } from "../records/sql-values";
import { IncidentClock } from "./incident-clock.entity";
import { IncidentPause } from "./incident-pause.entity";
import { Incident } from "./incident.entity";

/** Incidents whose clocks are computed (and written) together. */
const CHUNK = 500;

/** An incident's pauses as intervals; one still going on lasts until `until`. */
export function pauseIntervals(pauses: readonly IncidentPause[], until: Date): Interval[] {
  return pauses.map((p) => ({ start: p.pausedAt, end: p.resumedAt ?? until }));
}

/**
 * Keeps `incident_clocks` in step with the incidents and the calendars the catalogue attaches to
 * their services: computed for the incidents just recorded, and before a report for the incidents
 * whose clock is missing or was computed with an older version of its calendar.
 */
export class IncidentClockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactor: Transactor,
  ) {}

  /** Computes (again) the clocks of these incidents in every calendar their service's clock targets use. */
  async recompute(incidentIds: readonly string[], catalogue: Catalogue): Promise<void> {
    for (const chunk of chunksOf(incidentIds, CHUNK)) await this.computeChunk(chunk, catalogue);
  }

  /**
   * Brings the clocks of the incidents of `serviceIds` opened in [from, to) up to date: one
   * statement finds those missing or stale, then they are computed in chunks.
   */
  async ensure(catalogue: Catalogue, serviceIds: ReadonlySet<string>, from: Date, to: Date): Promise<void> {
    const pairs: unknown[][] = [];
    for (const [serviceId, calendarIds] of catalogue.clockCalendarsByService()) {
      if (!serviceIds.has(serviceId)) continue;
      for (const calendarId of calendarIds) {
        pairs.push([serviceId, calendarId, catalogue.calendars.get(calendarId)?.calendar.version ?? 0]);
      }
    }
    if (pairs.length === 0) return;
    const wanted = valuesTable(
      this.dataSource,
      "wanted",
      [
        ["serviceId", "text"],
        ["calendarId", "text"],
        ["calendarVersion", "number"],
      ],
      pairs,
    );
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH ${wanted.sql}
       SELECT DISTINCT i.id AS id FROM incidents i
       JOIN wanted w ON w.serviceId = i.serviceId
       LEFT JOIN incident_clocks k ON k.incidentId = i.id AND k.calendarId = w.calendarId
       WHERE i.openedAt >= ? AND i.openedAt < ? AND (k.incidentId IS NULL OR k.calendarVersion <> w.calendarVersion)`,
      [...wanted.params, sqlDateTime(from), sqlDateTime(to)],
    );
    await this.recompute(
      rows.map((r) => r.id),
      catalogue,
    );
  }

  private async computeChunk(ids: string[], catalogue: Catalogue): Promise<void> {
    const calendarsByService = catalogue.clockCalendarsByService();
    const incidents = await this.dataSource.getRepository(Incident).findBy({ id: In(ids) });
    const relevant = incidents.filter((i) => calendarsByService.has(i.serviceId));
    const pauses = relevant.length
      ? await this.dataSource.getRepository(IncidentPause).findBy({ incidentId: In(relevant.map((i) => i.id)) })
      : [];
    const clocks: IncidentClock[] = [];
    for (const incident of relevant) {
      const own = pauseIntervals(
        pauses.filter((p) => p.incidentId === incident.id),
        new Date(8.64e15),
      );
      for (const calendarId of calendarsByService.get(incident.serviceId) ?? []) {
        const entry = catalogue.calendars.get(calendarId);
        if (!entry) continue;
        const clock = (end: Date | null) =>
          end ? elapsedServiceMinutes(entry.compiled, incident.openedAt, end, own) : null;
        clocks.push({
          incidentId: incident.id,
          calendarId,
          calendarVersion: entry.calendar.version,
          responseMinutes: clock(incident.respondedAt),
          resolutionMinutes: clock(incident.resolvedAt),
        });
      }
    }
    try {
      await this.transactor.run((manager) => this.replace(manager, ids, clocks));
    } catch (error) {
      // Another request computed the same clocks meanwhile: theirs are as good as these.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  private async replace(manager: EntityManager, ids: string[], clocks: IncidentClock[]): Promise<void> {
    await manager.delete(IncidentClock, { incidentId: In(ids) });
    await insertInChunks(manager, IncidentClock, clocks);
  }
}
