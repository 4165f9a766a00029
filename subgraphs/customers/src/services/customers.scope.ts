import type { Identity } from "@itsm/kit";
import { isStaff } from "@itsm/kit";

/**
 * The customer rows a caller may read: every one (staff), or only those whose code is listed
 * (a partner its own; an anonymous caller none).
 */
export type CustomerScope = { readonly all: true } | { readonly all: false; readonly codes: readonly string[] };

/** Whether a caller may read provider rows: every signed-in caller (a partner reaches them through its agreements). */
export type ProviderScope = { readonly all: boolean };

export function customerScopeOf(identity: Identity): CustomerScope {
  if (isStaff(identity)) return { all: true };
  return { all: false, codes: identity.role === "partner" ? identity.customerCodes : [] };
}

export function providerScopeOf(identity: Identity): ProviderScope {
  return { all: identity.role !== "anonymous" };
}
