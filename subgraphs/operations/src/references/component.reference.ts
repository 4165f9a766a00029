import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The catalog's Component, as far as this subgraph knows it: its key. */
@Directive('@key(fields: "id")')
@ObjectType("Component", {
  description: "A building block that services are made of (a server, an application, a link, a data centre).",
})
export class ComponentReference {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id: string;
}
