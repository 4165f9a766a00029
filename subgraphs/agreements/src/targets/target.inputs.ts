import { IsOptional, Length } from "class-validator";
import { Field, Float, ID, InputType } from "type-graphql";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { TargetSetting } from "./target.commands";
import { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "./target.enums";

@InputType({
  description:
    "Sets a service level target of a DRAFT agreement; replaces the target for the same service, metric and priority.",
})
export class SetTargetInput implements TargetSetting {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @Field(() => ID, { description: "A service the agreement covers." })
  serviceId: string;

  @Field(() => TargetMetric, { description: "What is measured." })
  metric: TargetMetric;

  @Field(() => Comparator, { description: "AT_LEAST or AT_MOST." })
  comparator: Comparator;

  @Field(() => Float, { description: "Target value in `unit`." })
  value: number;

  @Field(() => TargetUnit, { description: "Unit of the value." })
  unit: TargetUnit;

  @Field(() => Priority, { nullable: true, description: "Priority it applies to; omit for all." })
  @IsOptional()
  priority?: Priority | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "For RESPONSE_TIME and RESOLUTION_TIME only: the share of tickets (above 0, up to 100 percent) that must meet the target; omit for 100.",
  })
  @IsOptional()
  compliancePercent?: number | null;

  @Field(() => MeasurementPeriod, { defaultValue: MeasurementPeriod.MONTH, description: "Reporting period." })
  period: MeasurementPeriod;

  @Field({ description: "The target in words, up to 1000 characters." })
  @Length(1, 1000)
  description: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}
