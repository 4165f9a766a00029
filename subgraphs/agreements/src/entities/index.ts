import { writePathEntities } from "@itsm/kit";
import { AgreementCustomer } from "./agreement-customer.entity";
import { AgreementUnderpinning } from "./agreement-underpinning.entity";
import { Agreement } from "./agreement.entity";
import { ReferenceClaim } from "./reference-claim.entity";
import { Responsibility } from "./responsibility.entity";
import { ServiceCoverage } from "./service-coverage.entity";
import { ServiceLevelTarget } from "./service-level-target.entity";

export {
  Agreement,
  AgreementCustomer,
  AgreementUnderpinning,
  ReferenceClaim,
  Responsibility,
  ServiceCoverage,
  ServiceLevelTarget,
};
export { CustomerReference } from "./customer.reference";
export { ProviderReference } from "./provider.reference";
export { ServiceReference } from "./service.reference";
export * from "./agreements.enums";

/** Every table of the agreements database. */
export const agreementEntities = [
  Agreement,
  AgreementCustomer,
  AgreementUnderpinning,
  ServiceCoverage,
  ServiceLevelTarget,
  Responsibility,
  ReferenceClaim,
  ...writePathEntities,
];
