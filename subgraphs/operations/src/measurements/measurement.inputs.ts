import { ArrayMaxSize, IsOptional, Length, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, InputType } from "type-graphql";
import { TargetMetric } from "../references/agreements.enums";
import { MAX_RECORDS_PER_CALL } from "../records/record-result";

@InputType({ description: "One monthly figure as the source system exports it; the whole record, not a change to it." })
export class MeasurementRecordInput {
  @Field({ description: "The figure's id in the source system, 1–100 characters; what makes recording idempotent." })
  @Length(1, 100)
  externalId: string;

  @Field(() => ID, { description: "The service measured (from the catalog)." })
  serviceId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The customer the figure is for; omit for all customers of the service.",
  })
  @IsOptional()
  customerId?: string | null;

  @Field(() => TargetMetric, {
    description:
      "What was measured; not AVAILABILITY, RESPONSE_TIME or RESOLUTION_TIME, which are computed from outages and incidents.",
  })
  metric: TargetMetric;

  @Field(() => LocalDateResolver, { description: "The month measured, as its first day (e.g. 2026-03-01)." })
  month: string;

  @Field(() => Float, { description: "The figure, in the unit `Measurement.value` describes for the metric." })
  value: number;
}

@InputType({ description: "A batch of monthly figures to record." })
export class RecordMeasurementsInput {
  @Field(() => [MeasurementRecordInput], {
    description: `The figures, at most ${MAX_RECORDS_PER_CALL}; each \`externalId\` at most once.`,
  })
  @ArrayMaxSize(MAX_RECORDS_PER_CALL)
  @ValidateNested({ each: true })
  measurements: MeasurementRecordInput[];
}

@InputType({ description: "Criteria for `measurements`; all given criteria must match." })
export class MeasurementFilter {
  @Field(() => [ID], { nullable: true, description: "Only figures of any of these services." })
  serviceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only figures for any of these customers." })
  customerIds?: string[] | null;

  @Field(() => [TargetMetric], { nullable: true, description: "Only figures of any of these metrics." })
  metrics?: TargetMetric[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only months from this one on (its first day)." })
  monthFrom?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Only months up to and including this one (its first day).",
  })
  monthTo?: string | null;
}
