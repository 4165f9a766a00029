import type { Identity } from "@itsm/kit";
import type { ReferenceChecker } from "../references/reference.checker";
import type { RecordResult } from "../records/record-result";
import { rejectInvalid } from "../records/record.validation";
import type { PreparedRecord, RecordTable, RecordWriter } from "../records/record.writer";
import { isoOrNull } from "../records/sql-time";
import { OutageImpact } from "./outage-impact.entity";
import { Outage } from "./outage.entity";
import type { RecordOutagesInput } from "./outage.inputs";
import { checkOutages } from "./outage.rules";

type Impact = Pick<OutageImpact, "serviceId">;

/** How outages are stored and audited; the impacted services are derived, not sent. */
export const OUTAGES: RecordTable<Outage, Impact> = {
  typeName: "Outage",
  entity: Outage,
  child: {
    entity: OutageImpact,
    parentColumn: "outageId" as keyof Impact & string,
    order: (a, b) => a.serviceId.localeCompare(b.serviceId),
  },
  audited: (o, impact) => ({
    externalId: o.externalId,
    service: o.serviceId,
    component: o.componentId,
    kind: o.kind,
    startedAt: isoOrNull(o.startedAt),
    endedAt: isoOrNull(o.endedAt),
    description: o.description,
    impactedServices: impact.map((i) => i.serviceId),
  }),
  sentFields: ["externalId", "service", "component", "kind", "startedAt", "endedAt", "description"],
  auditedFields: [
    "externalId",
    "service",
    "component",
    "kind",
    "startedAt",
    "endedAt",
    "description",
    "impactedServices",
  ],
  servicesOf: (_outage, impact) => impact.map((i) => i.serviceId),
};

/** Records outages exported by monitoring or the ITSM tool. */
export class OutageCommands {
  constructor(
    private readonly writer: RecordWriter,
    private readonly references: ReferenceChecker,
  ) {}

  /**
   * Validates the batch, checks its services and components with the catalog (which answers each
   * component's impact analysis), then stores it in one transaction. A component outage reaches
   * the services the catalog named at that moment; a re-sent, unchanged outage keeps the impact it
   * was recorded with, so later changes to the catalogue do not rewrite history.
   */
  async record(input: RecordOutagesInput, actor: Identity): Promise<RecordResult> {
    rejectInvalid(input.outages, checkOutages);
    const { impactedServiceIds } = await this.references.check(
      {
        serviceIds: input.outages.flatMap((o) => o.serviceId ?? []),
        componentIds: input.outages.flatMap((o) => o.componentId ?? []),
      },
      actor,
    );
    const prepared: PreparedRecord<Outage, Impact>[] = input.outages.map((o) => {
      const reached = o.serviceId ? [o.serviceId] : (impactedServiceIds.get(o.componentId as string) ?? []);
      return {
        columns: {
          externalId: o.externalId,
          serviceId: o.serviceId ?? null,
          componentId: o.componentId ?? null,
          kind: o.kind,
          startedAt: o.startedAt,
          endedAt: o.endedAt ?? null,
          description: o.description,
        } as PreparedRecord<Outage, Impact>["columns"],
        children: [...new Set(reached)].sort().map((serviceId) => ({ serviceId })),
      };
    });
    return this.writer.write(OUTAGES, prepared, actor);
  }
}
