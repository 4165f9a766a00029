import type { FieldChange, Identity } from "@itsm/kit";
import { auditTrailOf, loadForChange, updateVersioned } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Service } from "./service.entity";
import { assertChangeable } from "./service.rules";

/** The audit trail of services: each entry carries the service's version after the change. */
export const auditService = auditTrailOf<Service>("Service", (s) => s.version);

/** A service as the audit trail records it: its API fields (money as one value). */
export function audited(service: Service) {
  const { code, name, description, category, type, lifecycle, criticality, owner } = service;
  return { code, name, description, category, type, lifecycle, criticality, owner, monthlyCost: service.monthlyCost };
}
type Audited = ReturnType<typeof audited>;
export const AUDITED: (keyof Audited)[] = [
  "code",
  "name",
  "description",
  "category",
  "type",
  "lifecycle",
  "criticality",
  "owner",
  "monthlyCost",
];

/**
 * A change to one of a service's relations (a component, a dependency): `targetId` is the other
 * record; `expectedVersion` is the service's version as last read, checked when given.
 */
export interface ServiceLink {
  serviceId: string;
  targetId: string;
  expectedVersion?: number | null;
}

/** The service a relation change applies to, locked: it must exist, be at the expected version and not be RETIRED. */
export async function loadChangeable(manager: EntityManager, link: ServiceLink): Promise<Service> {
  const service = await loadForChange(manager, Service, "Service", link.serviceId, link.expectedVersion, {
    lock: true,
  });
  assertChangeable(service);
  return service;
}

/** A change to a service's relations: bump its version and record it. */
export async function touchService(
  manager: EntityManager,
  service: Service,
  action: string,
  actor: Identity,
  change: FieldChange,
): Promise<Service> {
  const updated = await updateVersioned(manager, Service, "Service", service, {});
  await auditService(manager, updated, action, actor, [change]);
  return updated;
}
