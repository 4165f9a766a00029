import { IsAfterField, MoneyInput } from "@itsm/kit";
import { ArrayMaxSize, IsOptional, Length, Matches, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import {
  AgreementType,
  Comparator,
  MeasurementPeriod,
  Party,
  Priority,
  ResponsibilityCategory,
  TargetMetric,
  TargetUnit,
} from "../entities";

const NUMBER_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

@InputType({ description: "How the agreement covers one service." })
export class CoverageInput {
  @Field(() => ID, { description: "The service (from the catalog); it must exist and not be RETIRED." })
  serviceId: string;

  @Field({ description: "The service as the agreement describes it, up to 4000 characters." })
  @Length(1, 4000)
  description: string;

  @Field({ description: 'When the service is provided, e.g. "24x7" or "Mon–Fri 08:00–18:00 CET".' })
  @Length(2, 200)
  serviceHours: string;

  @Field(() => MoneyInput, { nullable: true, description: "Monthly charge to the customer, if any." })
  @IsOptional()
  @ValidateNested()
  monthlyCharge?: MoneyInput | null;
}

@InputType({ description: "A new agreement; it starts as a DRAFT, version 1." })
export class CreateAgreementInput {
  @Field({ description: 'Unique agreement number, e.g. "SLA-2026-014".' })
  @Length(3, 40)
  @Matches(NUMBER_PATTERN, {
    message: '$property must look like "SLA-2026-014": upper-case letters and digits in dash-separated parts',
  })
  number: string;

  @Field({ description: "Title of the agreement document, 3–300 characters." })
  @Length(3, 300)
  title: string;

  @Field({ description: "Scope and purpose, up to 4000 characters." })
  @Length(1, 4000)
  description: string;

  @Field(() => AgreementType, { description: "SLA, OLA or underpinning contract." })
  type: AgreementType;

  @Field(() => LocalDateResolver, { description: "First day in force." })
  effectiveFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Last day in force; omit for open-ended." })
  @IsOptional()
  @IsAfterField("effectiveFrom")
  effectiveTo?: string | null;

  @Field(() => ID, { description: "The provider (from the customers subgraph)." })
  providerId: string;

  @Field(() => [ID], { defaultValue: [], description: "Customers party to the agreement; each must be ACTIVE." })
  @ArrayMaxSize(200)
  customerIds: string[];

  @Field(() => [CoverageInput], { defaultValue: [], description: "Services the agreement covers." })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  services: CoverageInput[];
}

@InputType({ description: "Changes to a DRAFT agreement; omitted fields keep their value." })
export class UpdateAgreementInput {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  id: string;

  @Field(() => Int, { description: "The revision you last read; a newer one makes this a CONFLICT." })
  @Min(1)
  expectedRevision: number;

  @Field({ nullable: true, description: "Title, 3–300 characters." })
  @IsOptional()
  @Length(3, 300)
  title?: string;

  @Field({ nullable: true, description: "Scope and purpose, up to 4000 characters." })
  @IsOptional()
  @Length(1, 4000)
  description?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "First day in force." })
  @IsOptional()
  effectiveFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Last day in force." })
  @IsOptional()
  @IsAfterField("effectiveFrom")
  effectiveTo?: string;

  @Field({ nullable: true, description: "Make the agreement open-ended (clears effectiveTo)." })
  @IsOptional()
  openEnded?: boolean;

  @Field(() => ID, { nullable: true, description: "Another provider." })
  @IsOptional()
  providerId?: string;
}

@InputType({ description: "Identifies an agreement to change, with the revision last read." })
export class AgreementRefInput {
  @Field(() => ID, { description: "The agreement." })
  id: string;

  @Field(() => Int, { nullable: true, description: "The revision you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: "Adds a covered service to a DRAFT agreement." })
export class AddAgreementServiceInput extends CoverageInput {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @Field(() => Int, { nullable: true, description: "The revision you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: "Links or unlinks a party or service of a DRAFT agreement." })
export class AgreementLinkInput {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @Field(() => ID, { description: "The service, customer or underpinning agreement to link or unlink." })
  targetId: string;

  @Field(() => Int, { nullable: true, description: "The revision you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({
  description:
    "Sets a service level target of a DRAFT agreement; replaces the target for the same service, metric and priority.",
})
export class SetTargetInput {
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

  @Field(() => MeasurementPeriod, { defaultValue: MeasurementPeriod.MONTH, description: "Reporting period." })
  period: MeasurementPeriod;

  @Field({ description: "The target in words, up to 1000 characters." })
  @Length(1, 1000)
  description: string;

  @Field(() => Int, { nullable: true, description: "The revision you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: "Adds a responsibility of one party to a DRAFT agreement." })
export class AddResponsibilityInput {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @Field(() => Party, { description: "PROVIDER or CUSTOMER." })
  party: Party;

  @Field(() => ResponsibilityCategory, { description: "Area of the responsibility." })
  category: ResponsibilityCategory;

  @Field({ description: "What the party undertakes, 3–2000 characters." })
  @Length(3, 2000)
  description: string;

  @Field(() => Int, { nullable: true, description: "The revision you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: "Removes a part (target or responsibility) of a DRAFT agreement." })
export class RemovePartInput {
  @Field(() => ID, { description: "The target or responsibility." })
  id: string;

  @Field(() => Int, { nullable: true, description: "The agreement's revision you last read; checked when given." })
  @IsOptional()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: "Ends an ACTIVE agreement early." })
export class TerminateAgreementInput {
  @Field(() => ID, { description: "The agreement (must be ACTIVE)." })
  id: string;

  @Field(() => Int, { description: "The revision you last read." })
  @Min(1)
  expectedRevision: number;

  @Field({ description: "Why it ends, recorded in its history (3–1000 characters)." })
  @Length(3, 1000)
  reason: string;
}
