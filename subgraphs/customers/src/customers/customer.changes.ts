import { VersionedRecords } from "@itsm/kit";
import { Customer } from "./customer.entity";

/**
 * How customers are changed and audited (their contacts included): each audit entry carries the
 * customer's version after the change.
 */
export const customerRecords = new VersionedRecords(Customer, {
  typeName: "Customer",
  audited: ["code", "name", "description", "kind", "status"],
});
