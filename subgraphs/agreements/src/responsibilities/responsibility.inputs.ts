import { Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ExpectedRevision } from "../agreements/expected-revision.field";
import type { NewResponsibility } from "./responsibility.commands";
import { Party, ResponsibilityCategory } from "./responsibility.enums";

@InputType({ description: "Adds a responsibility of one party to a DRAFT agreement." })
export class AddResponsibilityInput implements NewResponsibility {
  @Field(() => ID, { description: "The agreement (must be DRAFT)." })
  agreementId: string;

  @Field(() => Party, { description: "PROVIDER or CUSTOMER." })
  party: Party;

  @Field(() => ResponsibilityCategory, { description: "Area of the responsibility." })
  category: ResponsibilityCategory;

  @Field({ description: "What the party undertakes, 3–2000 characters." })
  @Length(3, 2000)
  description: string;

  @ExpectedRevision()
  expectedRevision?: number | null;
}
