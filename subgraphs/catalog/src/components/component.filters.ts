import { keysetOrder, whereContains, whereIn } from "@itsm/kit";
import type { SelectQueryBuilder } from "typeorm";
import type { Component } from "./component.entity";
import type { ComponentKind } from "./component.enums";

/** The criteria a list of components may be narrowed by (the GraphQL `ComponentFilter` is one). */
export interface ComponentCriteria {
  search?: string | null;
  kind?: ComponentKind[] | null;
}

/** Narrows a components query (alias `component`): every given criterion must match. */
export function filterComponents(
  query: SelectQueryBuilder<Component>,
  criteria: ComponentCriteria | null | undefined,
): void {
  whereContains(query, ["component.name"], criteria?.search);
  whereIn(query, "component.kind", criteria?.kind);
}

/** Lists of components are ordered by name (the id breaks ties for the keyset cursor). */
export const COMPONENT_ORDER = keysetOrder<Component>("component", "name");
