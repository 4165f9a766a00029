import type { Identity } from "@itsm/kit";
import { seesLiveCatalogueOnly } from "@itsm/kit";

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
