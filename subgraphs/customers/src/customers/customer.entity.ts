import { CodedRecord } from "@itsm/kit";
import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CustomerKind, CustomerStatus } from "./customer.enums";

/** A party that receives services under agreements: a business unit or an external company. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: "A customer: a business unit or external organisation that receives services under agreements.",
})
@Entity("customers")
export class Customer extends CodedRecord {
  @Field(() => CustomerKind, { description: "Internal business unit or external organisation." })
  @Index()
  @Column({ type: "simple-enum", enum: CustomerKind })
  kind: CustomerKind;

  @Field(() => CustomerStatus, { description: "Whether the customer may enter new agreements." })
  @Index()
  @Column({ type: "simple-enum", enum: CustomerStatus })
  status: CustomerStatus;
}
