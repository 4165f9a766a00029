import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * An incident's response and resolution clocks in one calendar's service hours (pauses excluded),
 * computed when the incident is recorded and again when the calendar's version changes, so that a
 * report counts tickets against their targets in SQL. Null while not yet responded / resolved.
 */
@Entity("incident_clocks")
@Index("IDX_incident_clocks_calendar", ["calendarId", "incidentId"])
export class IncidentClock {
  @PrimaryColumn({ type: "varchar", length: 36 })
  incidentId: string;

  @PrimaryColumn({ type: "varchar", length: 36 })
  calendarId: string;

  /** The calendar's version the clocks were computed with: an older one means compute again. */
  @Column({ type: "int" })
  calendarVersion: number;

  @Column({ type: "double", nullable: true, default: null })
  responseMinutes: number | null;

  @Column({ type: "double", nullable: true, default: null })
  resolutionMinutes: number | null;
}
