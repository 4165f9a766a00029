import { ConflictError } from "@itsm/kit";
import type { Service } from "./service.entity";
import { ServiceLifecycle } from "./service.enums";

/** The lifecycle moves a service may make: forward only. */
export const NEXT_STAGE: Record<ServiceLifecycle, ServiceLifecycle[]> = {
  [ServiceLifecycle.PIPELINE]: [ServiceLifecycle.LIVE],
  [ServiceLifecycle.LIVE]: [ServiceLifecycle.RETIRED],
  [ServiceLifecycle.RETIRED]: [],
};

/** The CONFLICT for a lifecycle move the service may not make, naming the moves it may. */
export function invalidMove(service: Service, to: ServiceLifecycle): ConflictError {
  const allowed = NEXT_STAGE[service.lifecycle];
  return new ConflictError(
    `Service ${service.code} is ${service.lifecycle}: it can move to ${allowed.join(" or ") || "no other stage"}, not ${to}`,
    { lifecycle: service.lifecycle, allowed },
  );
}

/** A RETIRED service is kept as it was: neither its fields nor its relations change. */
export function assertChangeable(service: Service): void {
  if (service.lifecycle === ServiceLifecycle.RETIRED) {
    throw new ConflictError(`Service ${service.code} is RETIRED: its record is kept as it was`);
  }
}

export function codeTaken(code: string): ConflictError {
  return new ConflictError(`A service with code ${code} already exists`, { takenCode: code });
}
