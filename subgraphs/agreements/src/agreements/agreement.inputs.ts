import { IsAfterField } from "@itsm/kit";
import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { CoverageInput } from "../coverage/coverage.inputs";
import type { PartRef } from "./agreement.changes";
import type { AgreementEdit, NewAgreement } from "./agreement.commands";
import { AgreementStatus, AgreementType } from "./agreement.enums";
import type { AgreementCriteria, RelatedAgreementCriteria } from "./agreement.filters";
import { ExpectedRevision } from "./expected-revision.field";

const NUMBER_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

@InputType({ description: "A new agreement; it starts as a DRAFT, version 1." })
export class CreateAgreementInput implements NewAgreement {
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
export class UpdateAgreementInput implements AgreementEdit {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  id: string;

  @ExpectedRevision({ required: true, description: "The revision you last read; a newer one makes this a CONFLICT." })
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

@InputType({ description: "Removes a part (target or responsibility) of a DRAFT agreement." })
export class RemovePartInput implements PartRef {
  @Field(() => ID, { description: "The target or responsibility." })
  id: string;

  @ExpectedRevision({ description: "The agreement's revision you last read; checked when given." })
  expectedRevision?: number | null;
}

@InputType({ description: "Criteria for `agreements`; all given criteria must match." })
export class AgreementFilter implements AgreementCriteria {
  @Field(() => String, { nullable: true, description: "Text contained in the number or title (case-insensitive)." })
  search?: string | null;

  @Field(() => [AgreementStatus], { nullable: true, description: "Only agreements in any of these statuses." })
  status?: AgreementStatus[] | null;

  @Field(() => [AgreementType], { nullable: true, description: "Only agreements of any of these types." })
  type?: AgreementType[] | null;

  @Field(() => ID, { nullable: true, description: "Only agreements that cover this service." })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only agreements to which this customer is a party." })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only agreements of this provider." })
  providerId?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Only agreements whose end date is on or before this date (open-ended agreements never match).",
  })
  expiringBefore?: string | null;
}

/** Narrows the agreements listed on a service, customer or provider. */
@ArgsType()
export class RelatedAgreementsArgs implements RelatedAgreementCriteria {
  @Field(() => [AgreementStatus], {
    nullable: true,
    description: "Only agreements in any of these statuses (default: all).",
  })
  status?: AgreementStatus[] | null;

  @Field(() => [AgreementType], {
    nullable: true,
    description: "Only agreements of any of these types (default: all).",
  })
  type?: AgreementType[] | null;
}
