import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { ContactRole } from "./contact.enums";

/** A person at a customer that the provider deals with, in a given role. */
@ObjectType({ description: "A person at a customer the provider deals with, in one role." })
@Entity("contacts")
export class Contact {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Index()
  @Column({ type: "varchar", length: 36 })
  customerId: string;

  @Field({ description: "Full name." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "E-mail address." })
  @Column({ type: "varchar", length: 254 })
  email: string;

  @Field(() => ContactRole, { description: "The role this person plays for the customer." })
  @Index()
  @Column({ type: "simple-enum", enum: ContactRole })
  role: ContactRole;

  @Field(() => String, { nullable: true, description: "Telephone number in international format, if known." })
  @Column({ type: "varchar", length: 40, nullable: true, default: null })
  phone: string | null;
}
