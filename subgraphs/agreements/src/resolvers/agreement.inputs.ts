import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { AgreementStatus, AgreementType } from "../entities";

@InputType({ description: "Criteria for `agreements`; all given criteria must match." })
export class AgreementFilter {
  @Field(() => String, { nullable: true, description: "Text contained in the number or title (case-insensitive)." })
  search?: string | null;

  @Field(() => [AgreementStatus], { nullable: true, description: "Only agreements in any of these statuses." })
  status?: AgreementStatus[] | null;

  @Field(() => [AgreementType], { nullable: true, description: "Only agreements of any of these types." })
  type?: AgreementType[] | null;

  @Field(() => ID, { nullable: true, description: "Only agreements that cover this service." })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only agreements to which this customer is a party." })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only agreements of this provider." })
  providerId?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Only agreements whose end date is on or before this date (open-ended agreements never match).",
  })
  expiringBefore?: string | null;
}

/** Narrows the agreements listed on a service, customer or provider. */
@ArgsType()
export class RelatedAgreementsArgs {
  @Field(() => [AgreementStatus], {
    nullable: true,
    description: "Only agreements in any of these statuses (default: all).",
  })
  status?: AgreementStatus[] | null;

  @Field(() => [AgreementType], {
    nullable: true,
    description: "Only agreements of any of these types (default: all).",
  })
  type?: AgreementType[] | null;
}
