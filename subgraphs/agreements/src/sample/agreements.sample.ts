// Sample SLAs, OLAs and underpinning contracts of Northwind Corporate IT, its Shared Services Centre and NetCo.
// LIVE services with no ACTIVE SLA: DB_PLATFORM (supporting; covered only by OLA-2025-008) and VPN (no SLA at all).
import type { SampleAgreement } from "./agreements.sample-types";
import { erp, payroll, salesCrmAndOrders } from "./business-applications.sample";
import { netcoBridgingContract, netcoFrameworkContract } from "./contracts.sample";
import {
  acmeRetailManagedServices,
  stadtwerkeManagedPrintExpired,
  vanDijkOutletServicesDraft,
} from "./external-customers.sample";
import { firstLineSupportOla, infrastructureAndDatabaseOla, networkOperationsOla } from "./olas.sample";
import {
  digitalWorkplace,
  emailAndCollaboration,
  infrastructureLogisticsManufacturing,
} from "./workplace-infrastructure.sample";

/** Every sample agreement, in the order they are seeded (the order rows are inserted, and read back when unordered). */
export const sampleAgreements: SampleAgreement[] = [
  emailAndCollaboration,
  acmeRetailManagedServices,
  salesCrmAndOrders,
  erp,
  payroll,
  digitalWorkplace,
  infrastructureLogisticsManufacturing,
  vanDijkOutletServicesDraft,
  stadtwerkeManagedPrintExpired,
  networkOperationsOla,
  infrastructureAndDatabaseOla,
  firstLineSupportOla,
  netcoBridgingContract,
  netcoFrameworkContract,
];
