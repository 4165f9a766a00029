import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The customers subgraph's Provider, as far as this subgraph knows it: its key. */
@Directive('@key(fields: "id")')
@ObjectType("Provider", {
  description: "A service provider: internal IT, a shared-services unit or an external supplier.",
})
export class ProviderReference {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id: string;
}
