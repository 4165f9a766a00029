import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The agreements subgraph's ServiceLevelTarget, as far as this subgraph knows it: its key. */
@Directive('@key(fields: "id")')
@ObjectType("ServiceLevelTarget", {
  description:
    "A measurable commitment for one service, e.g. availability AT_LEAST 99.9 PERCENT per MONTH, or P1 resolution AT_MOST 4 HOURS.",
})
export class ServiceLevelTargetReference {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id: string;
}
