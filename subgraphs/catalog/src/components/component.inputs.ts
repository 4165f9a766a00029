import { DescriptionField, ExpectedVersionField, IdField, NameField } from "@itsm/kit";
import { IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
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
  @NameField()
  name: string;

  @Field(() => ComponentKind, { description: "The kind of building block." })
  kind: ComponentKind;

  @DescriptionField("What the component is and where it runs")
  description: string;
}

@InputType({ description: "Changes to a component; omitted fields keep their value." })
export class UpdateComponentInput implements ComponentChanges {
  @IdField("The component to change.")
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @NameField({ optional: true })
  name?: string;

  @Field(() => ComponentKind, { nullable: true, description: "The kind of building block." })
  @IsOptional()
  kind?: ComponentKind;

  @DescriptionField("What the component is and where it runs", { optional: true })
  description?: string;
}
