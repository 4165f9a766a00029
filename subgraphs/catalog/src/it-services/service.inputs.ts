import {
  CodeField,
  DescriptionField,
  ExpectedVersionField,
  IdField,
  MoneyInput,
  NameField,
  TextField,
} from "@itsm/kit";
import { IsIn, IsOptional, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import type { ServiceComponentLink } from "../components/service-component.commands";
import type { ServiceDependencyLink } from "../dependencies/dependency.commands";
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
  @CodeField("EMAIL")
  code: string;

  @NameField()
  name: string;

  @DescriptionField("What the service provides")
  description: string;

  @TextField("Catalogue category, 2–100 characters.", 2, 100)
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

  @TextField("Service owner, 2–200 characters.", 2, 200)
  owner: string;

  @Field(() => MoneyInput, { description: "What delivering the service costs per month." })
  @ValidateNested()
  monthlyCost: MoneyInput;
}

/** Changes to a service's descriptive fields; omitted fields keep their value. */
@InputType({ description: "Changes to a service; omitted fields keep their value." })
export class UpdateServiceInput implements ServiceChanges {
  @IdField("The service to change.")
  id: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @NameField({ optional: true })
  name?: string;

  @DescriptionField("What the service provides", { optional: true })
  description?: string;

  @TextField("Catalogue category, 2–100 characters.", 2, 100, { optional: true })
  category?: string;

  @Field(() => ServiceType, { nullable: true, description: "Customer-facing or supporting." })
  @IsOptional()
  type?: ServiceType;

  @Field(() => Criticality, { nullable: true, description: "Business impact when the service is unavailable." })
  @IsOptional()
  criticality?: Criticality;

  @TextField("Service owner, 2–200 characters.", 2, 200, { optional: true })
  owner?: string;

  @Field(() => MoneyInput, { nullable: true, description: "What delivering the service costs per month." })
  @IsOptional()
  @ValidateNested()
  monthlyCost?: MoneyInput;
}

/** Moves a service along its lifecycle. */
@InputType({ description: "Moves a service along its lifecycle: PIPELINE → LIVE → RETIRED." })
export class SetServiceLifecycleInput implements LifecycleMove {
  @IdField("The service.")
  id: string;

  @Field(() => ServiceLifecycle, { description: "The next stage." })
  lifecycle: ServiceLifecycle;

  @ExpectedVersionField({ description: "The version you last read." })
  expectedVersion: number;
}

/** Attaches a component to a service, or detaches it. */
@InputType({ description: "A component to attach to a service, or to detach from it." })
export class ServiceComponentInput implements ServiceComponentLink {
  @IdField("The service that changes.")
  serviceId: string;

  @IdField("The component to attach or detach.")
  componentId: string;

  @ExpectedVersionField({ optional: true, description: "The service's version you last read; checked when given." })
  expectedVersion?: number;
}

/** Adds or removes a dependency of a service on another. */
@InputType({ description: "A dependency of one service on another, to add or remove." })
export class ServiceDependencyInput implements ServiceDependencyLink {
  @IdField("The service that changes (the one that depends).")
  serviceId: string;

  @IdField("The service it depends on.")
  dependsOnId: string;

  @ExpectedVersionField({ optional: true, description: "The service's version you last read; checked when given." })
  expectedVersion?: number;
}
