import type { ServiceLevelTarget } from "./target.entity";
import { TargetMetric } from "./target.enums";

const METRIC_ORDER = Object.values(TargetMetric) as string[];

/** Orders targets as an agreement reads: per service, by metric, then priority (P1 first, "all priorities" before). */
export function sortTargets<T extends Pick<ServiceLevelTarget, "id" | "serviceId" | "metric" | "priority">>(
  targets: readonly T[],
): T[] {
  return [...targets].sort(
    (a, b) =>
      a.serviceId.localeCompare(b.serviceId) ||
      METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric) ||
      (a.priority ?? "").localeCompare(b.priority ?? "") ||
      a.id.localeCompare(b.id),
  );
}
