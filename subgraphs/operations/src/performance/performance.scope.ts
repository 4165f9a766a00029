import { ForbiddenError } from "@itsm/kit";
import type { CatalogueTarget } from "../catalogue/catalogue.model";
import type { CustomerScope } from "../scope/record.scope";

/**
 * Who is asking, as far as performance cares: staff see every target and every ticket; a partner
 * sees only SLAs one of its customers is party to, and in every figure only its own customers'
 * incidents and measurements (an SLA shared with other customers shows it only its own tickets).
 */
export type Viewer = { kind: "staff" } | { kind: "partner"; customerIds: ReadonlySet<string> };

export function viewerOf(scope: CustomerScope): Viewer {
  if (scope.kind === "all") return { kind: "staff" };
  return { kind: "partner", customerIds: new Set(scope.kind === "customers" ? scope.customerIds : []) };
}

/** Whether the viewer may see the target at all. */
export function canSee(viewer: Viewer, target: CatalogueTarget): boolean {
  if (viewer.kind === "staff") return true;
  return target.agreementType === "SLA" && target.customerIds.some((id) => viewer.customerIds.has(id));
}

/** A partner asking for another customer's figures is FORBIDDEN (not answered with empty ones). */
export function checkCustomer(viewer: Viewer, customerId: string | null | undefined): void {
  if (customerId && viewer.kind === "partner" && !viewer.customerIds.has(customerId)) {
    throw new ForbiddenError(`Customer "${customerId}" is not one of the customers you act for`, { customerId });
  }
}

/**
 * Whose tickets and measurements count for a target: null means everyone's (an OLA or contract,
 * asked by staff); otherwise the list — the SLA's customers, narrowed to `customerId` when given
 * and to the partner's own customers.
 */
export function figureCustomers(viewer: Viewer, target: CatalogueTarget, customerId?: string | null): string[] | null {
  let customers: string[] | null = target.agreementType === "SLA" ? [...target.customerIds] : null;
  if (customerId) customers = customers ? customers.filter((id) => id === customerId) : [customerId];
  if (viewer.kind === "partner") {
    customers = (customers ?? []).filter((id) => viewer.customerIds.has(id));
  }
  return customers;
}
