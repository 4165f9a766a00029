import { Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { AgreementRef, Termination } from "./lifecycle.commands";

@InputType({ description: "Identifies an agreement to change, with the revision last read." })
export class AgreementRefInput implements AgreementRef {
  @Field(() => ID, { description: "The agreement." })
  id: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}

@InputType({ description: "Ends an ACTIVE agreement early." })
export class TerminateAgreementInput implements Termination {
  @Field(() => ID, { description: "The agreement (must be ACTIVE)." })
  id: string;

  @ExpectedRevision({ required: true, description: "The revision you last read." })
  expectedRevision: number;

  @Field({ description: "Why it ends, recorded in its history (3–1000 characters)." })
  @Length(3, 1000)
  reason: string;
}
