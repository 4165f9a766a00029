import { VersionedRecords } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Service } from "./service.entity";
import { assertChangeable } from "./service.rules";

/** A service as the audit trail records it: its API fields (money as one value). */
function audited(service: Service) {
  const { code, name, description, category, type, lifecycle, criticality, owner } = service;
  return { code, name, description, category, type, lifecycle, criticality, owner, monthlyCost: service.monthlyCost };
}

/** How services are changed and audited: each audit entry carries the service's version after the change. */
export const serviceRecords = new VersionedRecords(Service, {
  typeName: "Service",
  view: audited,
  audited: ["code", "name", "description", "category", "type", "lifecycle", "criticality", "owner", "monthlyCost"],
});

/**
 * A change to one of a service's relations (a component, a dependency): `expectedVersion` is the
 * service's version as last read, checked when given.
 */
export interface ServiceRelationChange {
  serviceId: string;
  expectedVersion?: number | null;
}

/** The service a relation change applies to, locked: it must exist, be at the expected version and not be RETIRED. */
export async function loadChangeable(manager: EntityManager, link: ServiceRelationChange): Promise<Service> {
  const service = await serviceRecords.load(manager, link.serviceId, link.expectedVersion, { lock: true });
  assertChangeable(service);
  return service;
}
