import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { AlertKind } from "./alert.enums";

/** Who an alert is for. */
@ObjectType({ description: "Someone an alert is for." })
export class AlertRecipient {
  @Field({ description: "The contact's name (or the provider's, for OLAs and contracts)." })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: "Where to write; null for a provider (providers have no contacts in the customers subgraph yet).",
  })
  email: string | null;

  @Field({
    description:
      "The contact's role at the customer (ESCALATION or BUSINESS_OWNER), or PROVIDER for the provider of an OLA or contract.",
  })
  role: string;
}

/** An alert about an agreement, computed on the day it is asked for. */
@ObjectType({
  description: "Something about an agreement that needs attention by a date: an end, a notice deadline, a review.",
})
export class Alert {
  @Field(() => ID, { description: "Opaque and stable for the same condition of the same agreement(s)." })
  id: string;

  @Field(() => AlertKind, { description: "What the alert is about." })
  kind: AlertKind;

  @Field(() => LocalDateResolver, {
    description: "The date it is about: the last day in force, the notice deadline, or the review date.",
  })
  dueOn: string;

  @Field({ description: "What is due, in a sentence." })
  message: string;

  /** The agreement it is about (resolved by the resolver). */
  agreementId: string;
}
