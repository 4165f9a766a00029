import { ArrayMaxSize, IsOptional, Length, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Priority } from "../references/agreements.enums";
import { MAX_RECORDS_PER_CALL } from "../records/record-result";

@InputType({ description: "A stretch in which the incident waited on the customer." })
export class IncidentPauseInput {
  @Field({ description: "When waiting began, at or after `openedAt`." })
  from: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      "When work resumed, after `from` and at or before `resolvedAt`; omit while still waiting (last pause of an open incident only).",
  })
  @IsOptional()
  to?: Date | null;
}

@InputType({ description: "One incident as the ITSM tool exports it; the whole record, not a change to it." })
export class IncidentRecordInput {
  @Field({
    description: "The incident's number in the source system, 1–100 characters; what makes recording idempotent.",
  })
  @Length(1, 100)
  externalId: string;

  @Field(() => ID, { description: "The service that was disrupted (from the catalog)." })
  serviceId: string;

  @Field(() => ID, { description: "The customer who reported it (from the customers subgraph)." })
  customerId: string;

  @Field(() => Priority, { description: "Priority it was handled at." })
  priority: Priority;

  @Field({ description: "When it was logged." })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: "When work on it started, at or after `openedAt`." })
  @IsOptional()
  respondedAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the service was restored, at or after `openedAt`; omit while open.",
  })
  @IsOptional()
  resolvedAt?: Date | null;

  @Field(() => [IncidentPauseInput], {
    defaultValue: [],
    description: "Stretches waiting on the customer, at most 100, within [openedAt, resolvedAt] and not overlapping.",
  })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  pauses: IncidentPauseInput[];
}

@InputType({ description: "A batch of incidents to record." })
export class RecordIncidentsInput {
  @Field(() => [IncidentRecordInput], {
    description: `The incidents, at most ${MAX_RECORDS_PER_CALL}; each \`externalId\` at most once.`,
  })
  @ArrayMaxSize(MAX_RECORDS_PER_CALL)
  @ValidateNested({ each: true })
  incidents: IncidentRecordInput[];
}

@InputType({ description: "Criteria for `incidents`; all given criteria must match." })
export class IncidentFilter {
  @Field(() => [ID], { nullable: true, description: "Only incidents of any of these services." })
  serviceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only incidents of any of these customers." })
  customerIds?: string[] | null;

  @Field(() => [Priority], { nullable: true, description: "Only incidents of any of these priorities." })
  priorities?: Priority[] | null;

  @Field(() => Date, { nullable: true, description: "Only incidents opened at or after this instant." })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only incidents opened before this instant." })
  openedTo?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only open incidents (not resolved); false: only resolved ones.",
  })
  open?: boolean | null;
}
