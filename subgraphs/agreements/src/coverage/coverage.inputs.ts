import { MoneyInput } from "@itsm/kit";
import { IsOptional, Length, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { AddedService, Coverage, CoverageCalendarChange, RemovedService } from "./coverage.commands";

@InputType({ description: "How the agreement covers one service." })
export class CoverageInput implements Coverage {
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

  @Field(() => ID, {
    nullable: true,
    description:
      'The service calendar its targets are measured in; omit for the 24×7 calendar "24X7" (UTC). INVALID_REFERENCE if there is none.',
  })
  @IsOptional()
  calendarId?: string | null;
}

@InputType({ description: "Adds a covered service to a DRAFT agreement." })
export class AddAgreementServiceInput extends CoverageInput implements AddedService {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}

@InputType({ description: "Removes a covered service, with its service level targets, from a DRAFT agreement." })
export class AgreementServiceInput implements RemovedService {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @Field(() => ID, { description: "The covered service to remove (the catalog's Service id)." })
  serviceId: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}

@InputType({ description: "Measures a covered service of a DRAFT agreement in another service calendar." })
export class SetCoverageCalendarInput implements CoverageCalendarChange {
  @Field(() => ID, { description: "The agreement (must be DRAFT; an ACTIVE one changes by revision)." })
  agreementId: string;

  @Field(() => ID, { description: "The covered service (the catalog's Service id)." })
  serviceId: string;

  @Field(() => ID, { description: "The service calendar; INVALID_REFERENCE if there is none." })
  calendarId: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}
