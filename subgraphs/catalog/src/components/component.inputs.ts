import { IsOptional, Length, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import type { ComponentChanges, NewComponent } from "./component.commands";
import { ComponentKind } from "./component.enums";
import type { ComponentCriteria } from "./component.filters";

// The expectedVersion rule: every mutable record has a change counter, and an update input names the one it
// compares as `expected<Counter>` — `version` here, so `expectedVersion` (an agreement's is `revision`).

@InputType({ description: "Criteria for `components`; all given criteria must match." })
export class ComponentFilter implements ComponentCriteria {
  @Field(() => String, { nullable: true, description: "Text contained in the name (case-insensitive)." })
  search?: string | null;

  @Field(() => [ComponentKind], { nullable: true, description: "Only components of any of these kinds." })
  kind?: ComponentKind[] | null;
}

@InputType({ description: "A new component." })
export class CreateComponentInput implements NewComponent {
  @Field({ description: "Display name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field(() => ComponentKind, { description: "The kind of building block." })
  kind: ComponentKind;

  @Field({ description: "What the component is and where it runs, up to 4000 characters." })
  @Length(1, 4000)
  description: string;
}

@InputType({ description: "Changes to a component; omitted fields keep their value." })
export class UpdateComponentInput implements ComponentChanges {
  @Field(() => ID, { description: "The component to change." })
  id: string;

  @Field(() => Int, { description: "The version you last read; a newer one makes this a CONFLICT." })
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: "Display name, 2–200 characters." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => ComponentKind, { nullable: true, description: "The kind of building block." })
  @IsOptional()
  kind?: ComponentKind;

  @Field({ nullable: true, description: "What the component is and where it runs, up to 4000 characters." })
  @IsOptional()
  @Length(1, 4000)
  description?: string;
}
