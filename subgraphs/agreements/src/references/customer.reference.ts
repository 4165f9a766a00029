import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The customers subgraph's Customer, as far as this subgraph knows it: its key. */
@Directive('@key(fields: "id")')
@ObjectType("Customer", {
  description: "A customer: a business unit or external organisation that receives services under agreements.",
})
export class CustomerReference {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id: string;
}
