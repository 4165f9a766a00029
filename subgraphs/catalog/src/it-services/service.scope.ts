import type { Identity } from "@itsm/kit";
import { seesLiveCatalogueOnly } from "@itsm/kit";
import type { FindOptionsWhere, SelectQueryBuilder } from "typeorm";
import type { Service } from "./service.entity";
import { ServiceLifecycle } from "./service.enums";

/** Which services a caller may read: every lifecycle, or only the LIVE catalogue. */
export type ServiceScope = "all" | "live";

/** What a caller browses (lists, by id or code, dependencies): partner and anonymous the LIVE catalogue only. */
export function catalogueScope(identity: Identity): ServiceScope {
  return seesLiveCatalogueOnly(identity) ? "live" : "all";
}

/**
 * What a caller's entity references resolve to: a partner reaches services only through its own
 * agreements (e.g. the RETIRED service of a terminated SLA), so it resolves every lifecycle; anonymous only LIVE.
 */
export function referenceScope(identity: Identity): ServiceScope {
  return identity.role === "anonymous" ? "live" : "all";
}

/** The row condition of a scope for lookups by key: the LIVE catalogue, or everything. */
export function inScope(scope: ServiceScope): FindOptionsWhere<Service> {
  return scope === "live" ? { lifecycle: ServiceLifecycle.LIVE } : {};
}

/** The same condition on a list query (alias `service`). */
export function whereInScope(query: SelectQueryBuilder<Service>, scope: ServiceScope): void {
  if (scope === "live")
    query.andWhere("service.lifecycle = :scopeLifecycle", { scopeLifecycle: ServiceLifecycle.LIVE });
}
