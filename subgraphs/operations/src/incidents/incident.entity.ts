import { TrackedRecord } from "@itsm/kit";
import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Priority } from "../references/agreements.enums";
import { CustomerReference } from "../references/customer.reference";
import { ServiceReference } from "../references/service.reference";
import { INSTANT } from "../records/sql-time";

/** A disruption a customer reported on a service, with the clocks that targets measure. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An incident: a disruption of a service that a customer reported, with when it was opened, responded to and resolved.",
})
@Entity("incidents")
@Index(["openedAt", "id"])
@Index(["serviceId", "openedAt"])
@Index(["customerId", "openedAt"])
export class Incident extends TrackedRecord {
  @Field({ description: "The incident's number in the ITSM tool it was recorded from; unique." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 100 })
  externalId: string;

  @Column({ type: "varchar", length: 36 })
  serviceId: string;

  @Column({ type: "varchar", length: 36 })
  customerId: string;

  @Field(() => Priority, { description: "Priority the incident was handled at; P1 is the most urgent." })
  @Column({ type: "simple-enum", enum: Priority })
  priority: Priority;

  @Field({ description: "When the incident was logged (UTC): where the response and resolution clocks start." })
  @Column(INSTANT)
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: "When work on it started (UTC); null until then." })
  @Column({ ...INSTANT, nullable: true, default: null })
  respondedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the service was restored (UTC); null while the incident is open.",
  })
  @Column({ ...INSTANT, nullable: true, default: null })
  resolvedAt: Date | null;

  @Field(() => ServiceReference, { description: "The service that was disrupted." })
  get service(): ServiceReference {
    return { id: this.serviceId };
  }

  @Field(() => CustomerReference, { description: "The customer who reported the incident." })
  get customer(): CustomerReference {
    return { id: this.customerId };
  }
}
