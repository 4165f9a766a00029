import { Field, ID, InputType } from "type-graphql";
import { AlertKind } from "./alert.enums";

/** What `alerts(filter:)` can ask for. */
export interface AlertCriteria {
  kind?: AlertKind | null;
  agreementId?: string | null;
  customerId?: string | null;
}

@InputType({ description: "Criteria for `alerts`; all given criteria must match." })
export class AlertFilter implements AlertCriteria {
  @Field(() => AlertKind, { nullable: true, description: "Only alerts of this kind." })
  kind?: AlertKind | null;

  @Field(() => ID, { nullable: true, description: "Only alerts about this agreement." })
  agreementId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only alerts about SLAs to which this customer is a party." })
  customerId?: string | null;
}
