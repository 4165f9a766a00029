import { keysetOrder, whereContains, whereEquals, whereIn } from "@itsm/kit";
import type { SelectQueryBuilder } from "typeorm";
import type { Service } from "./service.entity";
import type { Criticality, ServiceLifecycle, ServiceType } from "./service.enums";

/** The criteria a list of services may be narrowed by (the GraphQL `ServiceFilter` is one). */
export interface ServiceCriteria {
  search?: string | null;
  codes?: string[] | null;
  category?: string | null;
  type?: ServiceType[] | null;
  lifecycle?: ServiceLifecycle[] | null;
  criticality?: Criticality[] | null;
}

/** Narrows a services query (alias `service`): every given criterion must match, a list matches any of its values. */
export function filterServices(query: SelectQueryBuilder<Service>, criteria: ServiceCriteria | null | undefined): void {
  whereContains(query, ["service.code", "service.name"], criteria?.search);
  whereIn(query, "service.code", criteria?.codes);
  whereEquals(query, "service.category", criteria?.category);
  whereIn(query, "service.type", criteria?.type);
  whereIn(query, "service.lifecycle", criteria?.lifecycle);
  whereIn(query, "service.criticality", criteria?.criticality);
}

/** Lists of services are ordered by code (the id breaks ties for the keyset cursor). */
export const SERVICE_ORDER = keysetOrder<Service>("service", "code");
