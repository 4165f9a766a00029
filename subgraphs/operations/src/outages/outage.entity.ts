import { TrackedRecord } from "@itsm/kit";
import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { ComponentReference } from "../references/component.reference";
import { ServiceReference } from "../references/service.reference";
import { INSTANT } from "../records/sql-time";
import { OutageKind } from "./outage-kind.enum";

/** A period in which a service, or a component services are made of, was down. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A period in which a service, or a component that services are made of, was unavailable — planned maintenance or a failure.",
})
@Entity("outages")
@Index(["startedAt", "id"])
export class Outage extends TrackedRecord {
  @Field({ description: "The outage's id in the system it was recorded from (monitoring, ITSM tool); unique." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 100 })
  externalId: string;

  @Index()
  @Column({ type: "varchar", length: 36, nullable: true, default: null })
  serviceId: string | null;

  @Index()
  @Column({ type: "varchar", length: 36, nullable: true, default: null })
  componentId: string | null;

  @Field(() => OutageKind, { description: "PLANNED (agreed maintenance) or UNPLANNED (a failure)." })
  @Column({ type: "simple-enum", enum: OutageKind })
  kind: OutageKind;

  @Field({ description: "When the outage began (UTC)." })
  @Column(INSTANT)
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the outage ended (UTC); null while it is ongoing." })
  @Index()
  @Column({ ...INSTANT, nullable: true, default: null })
  endedAt: Date | null;

  @Field({ description: "What happened, in a sentence or two." })
  @Column({ type: "text" })
  description: string;

  @Field(() => ServiceReference, {
    nullable: true,
    description: "The service that was down; null when the outage was of a component.",
  })
  get service(): ServiceReference | null {
    return this.serviceId ? { id: this.serviceId } : null;
  }

  @Field(() => ComponentReference, {
    nullable: true,
    description: "The component that was down; null when the outage was of a service.",
  })
  get component(): ComponentReference | null {
    return this.componentId ? { id: this.componentId } : null;
  }
}
