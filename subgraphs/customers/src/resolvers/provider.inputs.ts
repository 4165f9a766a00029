import { Field, InputType } from "type-graphql";
import { ProviderKind } from "../entities";

@InputType({ description: "Criteria for `providers`; all given criteria must match." })
export class ProviderFilter {
  @Field(() => String, { nullable: true, description: "Text contained in the code or name (case-insensitive)." })
  search?: string | null;

  @Field(() => [ProviderKind], { nullable: true, description: "Only providers of any of these kinds." })
  kind?: ProviderKind[] | null;
}
