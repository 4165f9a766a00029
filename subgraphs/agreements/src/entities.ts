import { Lease, writePathEntities } from "@itsm/kit";
import { Agreement } from "./agreements/agreement.entity";
import { ServiceCalendar } from "./calendars/calendar.entity";
import { ReferenceClaim } from "./claims/reference-claim.entity";
import { ServiceCoverage } from "./coverage/service-coverage.entity";
import { AgreementCustomer } from "./parties/agreement-customer.entity";
import { Responsibility } from "./responsibilities/responsibility.entity";
import { ServiceLevelTarget } from "./targets/target.entity";
import { AgreementUnderpinning } from "./underpinning/underpinning.entity";
import { AgreementSignature } from "./signatures/signature.entity";

/** Every table of the agreements database (the write path's history and locks, and the scheduler's lease). */
export const agreementEntities = [
  Agreement,
  AgreementCustomer,
  AgreementUnderpinning,
  ServiceCoverage,
  ServiceLevelTarget,
  Responsibility,
  ReferenceClaim,
  ServiceCalendar,
  AgreementSignature,
  ...writePathEntities,
  Lease,
];
