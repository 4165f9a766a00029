import { keysetOrder, whereContains, whereIn } from "@itsm/kit";
import type { SelectQueryBuilder } from "typeorm";
import type { Provider } from "./provider.entity";
import type { ProviderKind } from "./provider.enums";

/** The criteria a list of providers may be narrowed by (the GraphQL `ProviderFilter` is one). */
export interface ProviderCriteria {
  search?: string | null;
  kind?: ProviderKind[] | null;
}

/** Narrows a providers query (alias `provider`): every given criterion must match. */
export function filterProviders(
  query: SelectQueryBuilder<Provider>,
  criteria: ProviderCriteria | null | undefined,
): void {
  whereContains(query, ["provider.code", "provider.name"], criteria?.search);
  whereIn(query, "provider.kind", criteria?.kind);
}

/** Lists of providers are ordered by code (the id breaks ties for the keyset cursor). */
export const PROVIDER_ORDER = keysetOrder<Provider>("provider", "code");
