import { loadExisting, sortByText } from "@itsm/kit";
import type { Agreement, ServiceLevelTarget } from "../entities";
import { TargetMetric } from "../entities";
import type { AgreementsContext } from "../services/agreements.context";
import type { RelatedAgreementsArgs } from "./agreement.inputs";

/** Loads agreements by id, keeps those matching the status/type arguments, orders them by number. */
export async function relatedAgreements(
  ctx: AgreementsContext,
  ids: readonly string[],
  args: RelatedAgreementsArgs = {},
): Promise<Agreement[]> {
  const agreements = await loadExisting(ctx.loaders.agreementById, [...new Set(ids)]);
  return sortByText(
    agreements.filter(
      (a) => (!args.status || args.status.includes(a.status)) && (!args.type || args.type.includes(a.type)),
    ),
    (a) => a.number,
  );
}

const METRIC_ORDER = Object.values(TargetMetric) as string[];

/** Orders targets as an agreement reads: per service, by metric, then priority (P1 first, "all priorities" before). */
export function sortTargets(targets: ServiceLevelTarget[]): ServiceLevelTarget[] {
  return [...targets].sort(
    (a, b) =>
      a.serviceId.localeCompare(b.serviceId) ||
      METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric) ||
      (a.priority ?? "").localeCompare(b.priority ?? "") ||
      a.id.localeCompare(b.id),
  );
}
