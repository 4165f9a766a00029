import { CODE_MESSAGE, CODE_PATTERN, MoneyInput } from "@itsm/kit";
import { IsIn, IsOptional, Length, Matches, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import type { ServiceLink } from "./service.changes";
import type { LifecycleMove, NewService, ServiceChanges } from "./service.commands";
import { Criticality, ServiceLifecycle, ServiceType } from "./service.enums";
import type { ServiceCriteria } from "./service.filters";

// The expectedVersion rule: every mutable record has a change counter, and an update input names the one it
// compares as `expected<Counter>` — `version` here, so `expectedVersion` (an agreement's is `revision`).

/** Narrows `services`; every given criterion must match, list criteria match any of their values. */
@InputType({ description: "Criteria for `services`; all given criteria must match." })
export class ServiceFilter implements ServiceCriteria {
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

/** A new service for the catalogue. */
@InputType({ description: "A new service for the catalogue." })
export class CreateServiceInput implements NewService {
  @Field({ description: 'Unique code, e.g. "EMAIL": 2–32 upper-case letters, digits or _; cannot change later.' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @Field({ description: "Display name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field({ description: "What the service provides, up to 4000 characters." })
  @Length(1, 4000)
  description: string;

  @Field({ description: "Catalogue category, 2–100 characters." })
  @Length(2, 100)
  category: string;

  @Field(() => ServiceType, { description: "Customer-facing or supporting." })
  type: ServiceType;

  @Field(() => ServiceLifecycle, {
    defaultValue: ServiceLifecycle.PIPELINE,
    description: "PIPELINE (default) or LIVE; a service cannot be created RETIRED.",
  })
  @IsIn([ServiceLifecycle.PIPELINE, ServiceLifecycle.LIVE], { message: "$property must be PIPELINE or LIVE" })
  lifecycle: ServiceLifecycle;

  @Field(() => Criticality, { description: "Business impact when the service is unavailable." })
  criticality: Criticality;

  @Field({ description: "Service owner, 2–200 characters." })
  @Length(2, 200)
  owner: string;

  @Field(() => MoneyInput, { description: "What delivering the service costs per month." })
  @ValidateNested()
  monthlyCost: MoneyInput;
}

/** Changes to a service's descriptive fields; omitted fields keep their value. */
@InputType({ description: "Changes to a service; omitted fields keep their value." })
export class UpdateServiceInput implements ServiceChanges {
  @Field(() => ID, { description: "The service to change." })
  id: string;

  @Field(() => Int, { description: "The version you last read; a newer one makes this a CONFLICT." })
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: "Display name, 2–200 characters." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: "What the service provides, up to 4000 characters." })
  @IsOptional()
  @Length(1, 4000)
  description?: string;

  @Field({ nullable: true, description: "Catalogue category, 2–100 characters." })
  @IsOptional()
  @Length(2, 100)
  category?: string;

  @Field(() => ServiceType, { nullable: true, description: "Customer-facing or supporting." })
  @IsOptional()
  type?: ServiceType;

  @Field(() => Criticality, { nullable: true, description: "Business impact when the service is unavailable." })
  @IsOptional()
  criticality?: Criticality;

  @Field({ nullable: true, description: "Service owner, 2–200 characters." })
  @IsOptional()
  @Length(2, 200)
  owner?: string;

  @Field(() => MoneyInput, { nullable: true, description: "What delivering the service costs per month." })
  @IsOptional()
  @ValidateNested()
  monthlyCost?: MoneyInput;
}

/** Moves a service along its lifecycle. */
@InputType({ description: "Moves a service along its lifecycle: PIPELINE → LIVE → RETIRED." })
export class SetServiceLifecycleInput implements LifecycleMove {
  @Field(() => ID, { description: "The service." })
  id: string;

  @Field(() => ServiceLifecycle, { description: "The next stage." })
  lifecycle: ServiceLifecycle;

  @Field(() => Int, { description: "The version you last read." })
  @Min(1)
  expectedVersion: number;
}

/** Links two catalogue records (a component or a dependency) to a service. */
@InputType({ description: "Links a service to another catalogue record." })
export class ServiceLinkInput implements ServiceLink {
  @Field(() => ID, { description: "The service that changes." })
  serviceId: string;

  @Field(() => ID, { description: "The component (attach/detach) or service (dependencies) to link or unlink." })
  targetId: string;

  @Field(() => Int, { nullable: true, description: "The service's version you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedVersion?: number;
}
