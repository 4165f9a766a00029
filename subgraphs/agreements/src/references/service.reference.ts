import { Money } from "@itsm/kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The catalog's Service, as far as this subgraph knows it: its key. Agreements add fields to it. */
@Directive('@key(fields: "id")')
@ObjectType("Service", {
  description: "An IT service: something the provider delivers that creates value for customers.",
})
export class ServiceReference {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id: string;

  /** Only present when the gateway sends it for a field that `@requires` it (`costRecovery`). */
  @Directive("@external")
  @Field(() => Money, { description: "What the service costs per month (owned by the catalog)." })
  monthlyCost?: Money;
}
