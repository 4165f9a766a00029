import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { CustomerKind, CustomerStatus } from "./customers.enums";

/** A party that receives services under agreements: a business unit or an external company. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: "A customer: a business unit or external organisation that receives services under agreements.",
})
@Entity("customers")
export class Customer {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field({ description: 'Unique short code, upper case, e.g. "ACME_RETAIL".' })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code: string;

  @Field({ description: "Legal or organisational name." })
  @Index()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "Who the customer is and what it uses IT services for." })
  @Column({ type: "text" })
  description: string;

  @Field(() => CustomerKind, { description: "Internal business unit or external organisation." })
  @Index()
  @Column({ type: "simple-enum", enum: CustomerKind })
  kind: CustomerKind;

  @Field(() => CustomerStatus, { description: "Whether the customer may enter new agreements." })
  @Index()
  @Column({ type: "simple-enum", enum: CustomerStatus })
  status: CustomerStatus;

  @Field(() => Int, { description: "Incremented by every change; used for optimistic concurrency." })
  @VersionColumn()
  version: number;

  @Field({ description: "When the customer was recorded." })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: "When the customer was last changed." })
  @UpdateDateColumn()
  updatedAt: Date;
}
