import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The agreements subgraph's Agreement, as far as this subgraph knows it: its key. */
@Directive('@key(fields: "id")')
@ObjectType("Agreement", {
  description:
    "A documented agreement between a service provider and a customer (SLA), an internal group (OLA) or an external supplier (underpinning contract): the services covered, their service level targets and the responsibilities of both parties.",
})
export class AgreementReference {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id: string;
}
