import { loader } from "@itsm/kit";
import type { Period } from "@itsm/service-hours";
import { parsePeriod } from "@itsm/service-hours";
import type { Catalogue } from "../catalogue/catalogue.model";
import type { PerformanceService, TargetResult } from "./performance.service";
import type { Viewer } from "./performance.scope";
import { canSee } from "./performance.scope";

/** A performance loader key: one target (or service) for one period and optional customer. */
export function performanceKey(period: Period, customerId: string | null | undefined, id: string): string {
  return JSON.stringify([period.label, customerId ?? null, id]);
}

function groupKeys(keys: readonly string[]) {
  const groups = new Map<string, { period: Period; customerId: string | null; ids: string[] }>();
  for (const key of keys) {
    const [label, customerId, id] = JSON.parse(key) as [string, string | null, string];
    const group = groups.get(JSON.stringify([label, customerId])) ?? {
      period: parsePeriod(label),
      customerId,
      ids: [],
    };
    group.ids.push(id);
    groups.set(JSON.stringify([label, customerId]), group);
  }
  return [...groups.values()];
}

/**
 * Per-request loaders of performance: every target (or service) asked for in one request with the
 * same period and customer is computed in one go — a list of N targets through the gateway costs
 * the statements of one. A target the caller may not see (or unknown to the catalogue) is null.
 */
export function createPerformanceLoaders(
  performance: PerformanceService,
  catalogue: () => Promise<Catalogue>,
  viewer: () => Promise<Viewer>,
) {
  return {
    targetPerformance: loader(async (keys: readonly string[]): Promise<(TargetResult | null)[]> => {
      const [current, who] = await Promise.all([catalogue(), viewer()]);
      const found = new Map<string, TargetResult>();
      for (const group of groupKeys(keys)) {
        const targets = group.ids.flatMap((id) => {
          const target = current.targets.get(id);
          return target && canSee(who, target) ? [target] : [];
        });
        const results = await performance.compute(current, targets, group.period, who, group.customerId);
        for (const result of results) {
          found.set(performanceKey(group.period, group.customerId, result.target.targetId), result);
        }
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
    serviceAvailability: loader(async (keys: readonly string[]): Promise<(number | null)[]> => {
      const found = new Map<string, number | null>();
      for (const group of groupKeys(keys)) {
        const availability = await performance.serviceAvailability([...new Set(group.ids)], group.period);
        for (const [id, value] of availability) found.set(performanceKey(group.period, group.customerId, id), value);
      }
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}
