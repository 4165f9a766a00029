import type { Identity, Transactor } from "@itsm/kit";
import { BadUserInputError, ConflictError, newId } from "@itsm/kit";
import { IsNull } from "typeorm";
import type { AgainstRevision, PartRef } from "../agreements/agreement.changes";
import { loadDraft, removePart, touch } from "../agreements/agreement.changes";
import type { Agreement } from "../agreements/agreement.entity";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { ServiceLevelTarget } from "./target.entity";
import type { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "./target.enums";
import { targetValueProblems } from "./target.rules";

/** A service level target to set; it replaces the one for the same service, metric and priority. */
export interface TargetSetting extends AgainstRevision {
  agreementId: string;
  serviceId: string;
  metric: TargetMetric;
  comparator: Comparator;
  value: number;
  unit: TargetUnit;
  /** Null or omitted: the target applies to all priorities. */
  priority?: Priority | null;
  period: MeasurementPeriod;
  description: string;
  /** For time targets: the share of tickets that must meet it; null or omitted means 100. */
  compliancePercent?: number | null;
}

/** How a target reads in an agreement's history. */
const labelOf = (t: Pick<ServiceLevelTarget, "metric" | "priority" | "serviceId">) =>
  `${t.metric}${t.priority ? ` ${t.priority}` : ""} of service ${t.serviceId}`;

/** What a target commits to, as its agreement's history shows it. */
const termsOf = (t: Pick<TargetSetting, "comparator" | "value" | "unit" | "compliancePercent">) =>
  `${t.comparator} ${t.value} ${t.unit}${t.compliancePercent != null ? ` for ${t.compliancePercent} %` : ""}`;

/** Changes to the service level targets of a DRAFT agreement; each one transaction, revision-checked, audited. */
export class TargetCommands {
  constructor(private readonly transactor: Transactor) {}

  set(input: TargetSetting, actor: Identity): Promise<Agreement> {
    const problems = targetValueProblems(input);
    if (problems.length > 0) {
      throw new BadUserInputError(`Invalid target: ${problems.map((p) => p.message).join("; ")}`, {
        fields: problems.map((p) => ({ path: `input.${p.field}`, messages: [p.message] })),
      });
    }
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      if (
        !(await manager.exists(ServiceCoverage, { where: { agreementId: agreement.id, serviceId: input.serviceId } }))
      ) {
        throw new ConflictError(
          `Agreement ${agreement.number} does not cover service "${input.serviceId}": add it first`,
        );
      }
      const values = {
        comparator: input.comparator,
        value: input.value,
        unit: input.unit,
        period: input.period,
        description: input.description,
        compliancePercent: input.compliancePercent ?? null,
      };
      const existing = await manager.findOneBy(ServiceLevelTarget, {
        agreementId: agreement.id,
        serviceId: input.serviceId,
        metric: input.metric,
        priority: input.priority ?? IsNull(),
      });
      if (existing) await manager.update(ServiceLevelTarget, { id: existing.id }, values);
      else {
        await manager.insert(ServiceLevelTarget, {
          id: newId(),
          agreementId: agreement.id,
          serviceId: input.serviceId,
          metric: input.metric,
          priority: input.priority ?? null,
          ...values,
        });
      }
      const label = labelOf({ ...input, priority: input.priority ?? null });
      return touch(manager, agreement, existing ? "target changed" : "target set", actor, [
        {
          field: "targets",
          from: existing ? JSON.stringify(`${label}: ${termsOf(existing)}`) : null,
          to: JSON.stringify(`${label}: ${termsOf(input)}`),
        },
      ]);
    });
  }

  remove(part: PartRef, actor: Identity): Promise<Agreement> {
    return this.transactor.run((manager) =>
      removePart(manager, ServiceLevelTarget, "ServiceLevelTarget", part, actor, {
        action: "target removed",
        field: "targets",
        describe: labelOf,
      }),
    );
  }
}
