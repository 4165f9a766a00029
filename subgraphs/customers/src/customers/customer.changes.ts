import type { FieldChange, Identity } from "@itsm/kit";
import { auditTrailOf, updateVersioned } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Customer } from "./customer.entity";

/** The audit trail of customers (their contacts included): each entry carries the customer's version after the change. */
export const auditCustomer = auditTrailOf<Customer>("Customer", (c) => c.version);

/** A change to a customer's contacts: bump its version and record it. */
export async function touchCustomer(
  manager: EntityManager,
  customer: Customer,
  action: string,
  actor: Identity,
  change: FieldChange,
): Promise<Customer> {
  const updated = await updateVersioned(manager, Customer, "Customer", customer, {});
  await auditCustomer(manager, updated, action, actor, [change]);
  return updated;
}
