import { CodeField, DescriptionField, ExpectedVersionField, IdField, NameField } from "@itsm/kit";
import { IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import type { NewProvider, ProviderChanges } from "./provider.commands";
import { ProviderKind } from "./provider.enums";
import type { ProviderCriteria } from "./provider.filters";

// The expectedVersion rule: every mutable record has a change counter, and an update input names the one it
// compares as `expected<Counter>` — `version` here, so `expectedVersion` (an agreement's is `revision`).

@InputType({ description: "Criteria for `providers`; all given criteria must match." })
export class ProviderFilter implements ProviderCriteria {
  @Field(() => String, { nullable: true, description: "Text contained in the code or name (case-insensitive)." })
  search?: string | null;

  @Field(() => [ProviderKind], { nullable: true, description: "Only providers of any of these kinds." })
  kind?: ProviderKind[] | null;
}

/** A new service provider. */
@InputType({ description: "A new service provider." })
export class CreateProviderInput implements NewProvider {
  @CodeField("CORP_IT")
  code: string;

  @NameField()
  name: string;

  @DescriptionField("What the provider delivers")
  description: string;

  @Field(() => ProviderKind, { description: "Internal, shared-services or external provider." })
  kind: ProviderKind;
}

/** Changes to a provider's descriptive fields; omitted fields keep their value. */
@InputType({ description: "Changes to a provider; omitted fields keep their value. The code never changes." })
export class UpdateProviderInput implements ProviderChanges {
  @IdField("The provider to change.")
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @NameField({ optional: true })
  name?: string;

  @DescriptionField("What the provider delivers", { optional: true })
  description?: string;

  @Field(() => ProviderKind, { nullable: true, description: "Internal, shared-services or external provider." })
  @IsOptional()
  kind?: ProviderKind;
}
