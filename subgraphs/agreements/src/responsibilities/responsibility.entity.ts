import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { AgreementPart } from "../agreements/agreement-part.entity";
import { Party, ResponsibilityCategory } from "./responsibility.enums";

/** Something one party to an agreement undertakes to do. */
@ObjectType({ description: "Something one party to an agreement undertakes to do." })
@Entity("responsibilities")
@Index(["agreementId"])
export class Responsibility extends AgreementPart {
  @Field(() => Party, { description: "Who holds the responsibility: the provider or the customer." })
  @Column({ type: "simple-enum", enum: Party })
  party: Party;

  @Field(() => ResponsibilityCategory, { description: "Area the responsibility belongs to." })
  @Column({ type: "simple-enum", enum: ResponsibilityCategory })
  category: ResponsibilityCategory;

  @Field({ description: "What the party undertakes to do." })
  @Column({ type: "text" })
  description: string;
}
