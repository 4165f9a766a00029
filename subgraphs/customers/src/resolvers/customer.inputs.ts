import { Field, InputType } from "type-graphql";
import { CustomerKind, CustomerStatus } from "../entities";

@InputType({ description: "Criteria for `customers`; all given criteria must match." })
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: "Text contained in the code or name (case-insensitive)." })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: "Only these customer codes." })
  codes?: string[] | null;

  @Field(() => [CustomerKind], { nullable: true, description: "Only customers of any of these kinds." })
  kind?: CustomerKind[] | null;

  @Field(() => [CustomerStatus], { nullable: true, description: "Only customers in any of these statuses." })
  status?: CustomerStatus[] | null;
}
