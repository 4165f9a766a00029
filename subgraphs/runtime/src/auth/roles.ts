import type { Identity, Role } from "./identity";
import { ROLES } from "./identity";

/** Roles that read everything (the organisation's own staff). */
export const STAFF: Role[] = ["analyst", "editor", "admin"];
/** Roles that change data. */
export const WRITERS: Role[] = ["editor", "admin"];
/** Every signed-in role (anyone with a valid token). */
export const SIGNED_IN: Role[] = ["partner", "analyst", "editor", "admin"];

/** Whether the identity reads everything (no row filters apply). */
export function isStaff(identity: Identity): boolean {
  return STAFF.includes(identity.role);
}

/** Whether the identity sees only the LIVE part of the service catalogue. */
export function seesLiveCatalogueOnly(identity: Identity): boolean {
  return identity.role === "partner" || identity.role === "anonymous";
}

/** The roles a bearer token may carry, most privileged first (an array claim takes the first one found); anonymous is the absence of a token. */
export const TOKEN_ROLES = ROLES.filter((role): role is Exclude<Role, "anonymous"> => role !== "anonymous");
