import type { Identity } from "@itsm/kit";

/** Whether a caller may read provider rows: every signed-in caller (a partner reaches them through its agreements). */
export type ProviderScope = { readonly all: boolean };

export function providerScopeOf(identity: Identity): ProviderScope {
  return { all: identity.role !== "anonymous" };
}
