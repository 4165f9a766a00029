import { TrackedRecord } from "@itsm/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { TargetMetric } from "../references/agreements.enums";
import { CustomerReference } from "../references/customer.reference";
import { ServiceReference } from "../references/service.reference";

/** A monthly figure for a metric that is not a clock (satisfaction, first-contact resolution, ...). */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A monthly figure of a service for a metric that no clock measures: customer satisfaction, first-contact resolution, change success, recovery tests.",
})
@Entity("measurements")
@Index(["month", "id"])
@Index(["serviceId", "month"])
@Index(["customerId", "month"])
export class Measurement extends TrackedRecord {
  @Field({ description: "The figure's id in the system it was recorded from; unique." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 100 })
  externalId: string;

  @Column({ type: "varchar", length: 36 })
  serviceId: string;

  @Column({ type: "varchar", length: 36, nullable: true, default: null })
  customerId: string | null;

  @Field(() => TargetMetric, { description: "What was measured." })
  @Column({ type: "simple-enum", enum: TargetMetric })
  metric: TargetMetric;

  @Field(() => LocalDateResolver, { description: "The month measured, as its first day." })
  @Column({ type: "date" })
  month: string;

  @Field(() => Float, {
    description:
      "The figure: percent (0–100) for first-contact resolution and change success, the survey's score for satisfaction, minutes for recovery time and recovery point tests.",
  })
  @Column({ type: "double" })
  value: number;

  @Field(() => ServiceReference, { description: "The service measured." })
  get service(): ServiceReference {
    return { id: this.serviceId };
  }

  @Field(() => CustomerReference, {
    nullable: true,
    description: "The customer the figure is for; null when it covers all customers of the service.",
  })
  get customer(): CustomerReference | null {
    return this.customerId ? { id: this.customerId } : null;
  }
}
