import { Field, ID, InputType } from "type-graphql";
import { AgreementType } from "../references/agreements.enums";
import { PerformanceStatus } from "./performance.types";

@InputType({ description: "Criteria for `serviceLevelReport`; all given criteria must match." })
export class ServiceLevelReportFilter {
  @Field(() => PerformanceStatus, { nullable: true, description: "Only targets with this status in the period." })
  status?: PerformanceStatus | null;

  @Field(() => AgreementType, { nullable: true, description: "Only targets of agreements of this type." })
  agreementType?: AgreementType | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only targets of SLAs this customer is party to, with figures from this customer's tickets and measurements only; a partner may name only its own customers (FORBIDDEN otherwise).",
  })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only targets of agreements with this provider." })
  providerId?: string | null;
}
