import { ArrayMaxSize, IsOptional, Length, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { MAX_RECORDS_PER_CALL } from "../records/record-result";
import { OutageKind } from "./outage-kind.enum";

@InputType({ description: "One outage as the source system exports it; the whole record, not a change to it." })
export class OutageRecordInput {
  @Field({ description: "The outage's id in the source system, 1–100 characters; what makes recording idempotent." })
  @Length(1, 100)
  externalId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The service that was down (from the catalog); give this or `componentId`.",
  })
  @IsOptional()
  serviceId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The component that was down (from the catalog); give this or `serviceId`.",
  })
  @IsOptional()
  componentId?: string | null;

  @Field(() => OutageKind, { description: "PLANNED (agreed maintenance) or UNPLANNED (a failure)." })
  kind: OutageKind;

  @Field({ description: "When the outage began." })
  startedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the outage ended, after `startedAt`; omit while it is ongoing.",
  })
  @IsOptional()
  endedAt?: Date | null;

  @Field({ description: "What happened, 1–4000 characters." })
  @Length(1, 4000)
  description: string;
}

@InputType({ description: "A batch of outages to record." })
export class RecordOutagesInput {
  @Field(() => [OutageRecordInput], {
    description: `The outages, at most ${MAX_RECORDS_PER_CALL}; each \`externalId\` at most once.`,
  })
  @ArrayMaxSize(MAX_RECORDS_PER_CALL)
  @ValidateNested({ each: true })
  outages: OutageRecordInput[];
}

@InputType({ description: "Criteria for `outages`; all given criteria must match." })
export class OutageFilter {
  @Field(() => [ID], {
    nullable: true,
    description: "Only outages that reached any of these services (as `impactedServices` says).",
  })
  serviceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only outages of any of these components." })
  componentIds?: string[] | null;

  @Field(() => OutageKind, { nullable: true, description: "Only outages of this kind." })
  kind?: OutageKind | null;

  @Field(() => Date, { nullable: true, description: "Only outages still going on at or after this instant." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only outages that began before this instant." })
  to?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only outages still going on (no `endedAt`); false: only ended ones.",
  })
  ongoing?: boolean | null;
}
