import { Field, InputType } from "type-graphql";
import { ComponentKind } from "../entities";

@InputType({ description: "Criteria for `components`; all given criteria must match." })
export class ComponentFilter {
  @Field(() => String, { nullable: true, description: "Text contained in the name (case-insensitive)." })
  search?: string | null;

  @Field(() => [ComponentKind], { nullable: true, description: "Only components of any of these kinds." })
  kind?: ComponentKind[] | null;
}
