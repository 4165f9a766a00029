import type { Identity, Logger } from "@itsm/kit";
import { In } from "typeorm";
import type { CatalogueClient } from "../catalogue/catalogue.client";
import type { ReferenceChecker } from "../references/reference.checker";
import type { RecordResult } from "../records/record-result";
import { rejectInvalid } from "../records/record.validation";
import type { PreparedRecord, RecordTable, RecordWriter } from "../records/record.writer";
import { isoOrNull } from "../records/sql-time";
import { IncidentClock } from "./incident-clock.entity";
import type { IncidentClockService } from "./incident-clock.service";
import { IncidentPause } from "./incident-pause.entity";
import { Incident } from "./incident.entity";
import type { RecordIncidentsInput } from "./incident.inputs";
import { checkIncidents, chronological } from "./incident.rules";

type Pause = Pick<IncidentPause, "position" | "pausedAt" | "resumedAt">;

/** How incidents are stored and audited: the pauses are part of the record. */
export const INCIDENTS: RecordTable<Incident, Pause> = {
  typeName: "Incident",
  entity: Incident,
  child: {
    entity: IncidentPause,
    parentColumn: "incidentId" as keyof Pause & string,
    order: (a, b) => a.position - b.position,
  },
  audited: (i, pauses) => ({
    externalId: i.externalId,
    service: i.serviceId,
    customer: i.customerId,
    priority: i.priority,
    openedAt: isoOrNull(i.openedAt),
    respondedAt: isoOrNull(i.respondedAt),
    resolvedAt: isoOrNull(i.resolvedAt),
    pauses: pauses.map((p) => ({ from: isoOrNull(p.pausedAt), to: isoOrNull(p.resumedAt) })),
  }),
  sentFields: ["externalId", "service", "customer", "priority", "openedAt", "respondedAt", "resolvedAt", "pauses"],
  auditedFields: ["externalId", "service", "customer", "priority", "openedAt", "respondedAt", "resolvedAt", "pauses"],
  servicesOf: (incident) => [incident.serviceId],
};

/** Records incidents exported by the ITSM tool. */
export class IncidentCommands {
  constructor(
    private readonly writer: RecordWriter,
    private readonly references: ReferenceChecker,
    private readonly catalogue: CatalogueClient,
    private readonly clocks: IncidentClockService,
    private readonly logger: Logger,
  ) {}

  /** Validates the batch, checks its services and customers with their owners, then stores it in one transaction. */
  async record(input: RecordIncidentsInput, actor: Identity): Promise<RecordResult> {
    rejectInvalid(input.incidents, checkIncidents);
    await this.references.check(
      { serviceIds: input.incidents.map((i) => i.serviceId), customerIds: input.incidents.map((i) => i.customerId) },
      actor,
    );
    const prepared: PreparedRecord<Incident, Pause>[] = input.incidents.map((i) => ({
      columns: {
        externalId: i.externalId,
        serviceId: i.serviceId,
        customerId: i.customerId,
        priority: i.priority,
        openedAt: i.openedAt,
        respondedAt: i.respondedAt ?? null,
        resolvedAt: i.resolvedAt ?? null,
      } as PreparedRecord<Incident, Pause>["columns"],
      children: chronological(i.pauses).map((p, position) => ({
        position,
        pausedAt: p.from,
        resumedAt: p.to ?? null,
      })),
    }));
    let changed: string[] = [];
    const result = await this.writer.write(INCIDENTS, prepared, actor, async (manager, ids) => {
      // A changed incident's clocks are dropped with the change, so no report reads stale ones.
      changed = ids;
      if (ids.length > 0) await manager.delete(IncidentClock, { incidentId: In(ids) });
    });
    await this.computeClocks(changed);
    return result;
  }

  /**
   * Computes the changed incidents' clocks in the calendars the catalogue attaches to their
   * services. Recording does not depend on agreements: without the catalogue the clocks stay
   * missing and the next report computes them.
   */
  private async computeClocks(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.clocks.recompute(ids, await this.catalogue.current());
    } catch (error) {
      this.logger.warn({ err: error }, "incident clocks left for the next report to compute");
    }
  }
}
