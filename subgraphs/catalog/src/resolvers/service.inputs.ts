import { Field, InputType } from "type-graphql";
import { Criticality, ServiceLifecycle, ServiceType } from "../entities";

/** Narrows `services`; every given criterion must match, list criteria match any of their values. */
@InputType({ description: "Criteria for `services`; all given criteria must match." })
export class ServiceFilter {
  @Field(() => String, { nullable: true, description: "Text contained in the code or name (case-insensitive)." })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "Only these service codes." })
  codes?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only this catalogue category (exact match)." })
  category?: string | null;

  @Field(() => [ServiceType], { nullable: true, description: "Only services of any of these types." })
  type?: ServiceType[] | null;

  @Field(() => [ServiceLifecycle], { nullable: true, description: "Only services in any of these lifecycle stages." })
  lifecycle?: ServiceLifecycle[] | null;

  @Field(() => [Criticality], { nullable: true, description: "Only services of any of these criticalities." })
  criticality?: Criticality[] | null;
}
