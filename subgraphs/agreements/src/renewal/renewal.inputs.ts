import { IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { RenewalKind } from "../agreements/agreement.enums";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { Notice, RenewalTermsEdit, ReviewDate } from "./renewal.commands";

@InputType({ description: "The renewal terms of a DRAFT agreement; they replace the previous ones." })
export class SetRenewalTermsInput implements RenewalTermsEdit {
  @Field(() => ID, { description: "The agreement (must be DRAFT: an ACTIVE one changes by a new version)." })
  id: string;

  @ExpectedRevision()
  expectedRevision?: number | null;

  @Field(() => RenewalKind, { description: "NONE, TACIT (renews itself unless notice is given) or EXPRESS." })
  renewal: RenewalKind;

  @Field(() => Int, {
    nullable: true,
    description: "Months each renewal adds (1–120); required for TACIT, empty for NONE.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  renewalTermMonths?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Days before effectiveTo by which notice must be given (0–730); shorter than the renewal term.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  noticePeriodDays?: number | null;
}

@InputType({ description: "When an agreement is next due for review." })
export class SetReviewDueInput implements ReviewDate {
  @Field(() => ID, { description: "The agreement (DRAFT, SCHEDULED or ACTIVE)." })
  id: string;

  @ExpectedRevision()
  expectedRevision?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The review date; null: no review planned." })
  reviewDue: string | null;
}

@InputType({ description: "Notice on an ACTIVE agreement that renews tacitly: it expires at effectiveTo instead." })
export class GiveNoticeInput implements Notice {
  @Field(() => ID, { description: "The agreement (ACTIVE, TACIT renewal, notice deadline not passed)." })
  id: string;

  @ExpectedRevision({ required: true, description: "The revision you last read." })
  expectedRevision: number;

  @Field({ description: "Why notice is given, recorded in its history (3–1000 characters)." })
  @Length(3, 1000)
  reason: string;
}
