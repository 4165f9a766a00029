import { CODE_MESSAGE, CODE_PATTERN } from "@itsm/kit";
import { IsOptional, Length, Matches, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
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
  @Field({ description: 'Unique code, e.g. "CORP_IT": 2–32 upper-case letters, digits or _; cannot change later.' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @Field({ description: "Display name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field({ description: "What the provider delivers, up to 4000 characters." })
  @Length(1, 4000)
  description: string;

  @Field(() => ProviderKind, { description: "Internal, shared-services or external provider." })
  kind: ProviderKind;
}

/** Changes to a provider's descriptive fields; omitted fields keep their value. */
@InputType({ description: "Changes to a provider; omitted fields keep their value. The code never changes." })
export class UpdateProviderInput implements ProviderChanges {
  @Field(() => ID, { description: "The provider to change." })
  id: string;

  @Field(() => Int, { description: "The version you last read; a newer one makes this a CONFLICT." })
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: "Display name, 2–200 characters." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: "What the provider delivers, up to 4000 characters." })
  @IsOptional()
  @Length(1, 4000)
  description?: string;

  @Field(() => ProviderKind, { nullable: true, description: "Internal, shared-services or external provider." })
  @IsOptional()
  kind?: ProviderKind;
}
