import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { INSTANT } from "../records/sql-time";

/** A stretch in which an incident's clocks stood still because the provider waited on the customer. */
@ObjectType({
  description:
    "A stretch in which an incident waited on the customer (for information, access or a test): its clocks stand still.",
})
@Entity("incident_pauses")
export class IncidentPause {
  @PrimaryColumn({ type: "varchar", length: 36 })
  incidentId: string;

  /** 0-based, in chronological order. */
  @PrimaryColumn({ type: "int" })
  position: number;

  @Column(INSTANT)
  pausedAt: Date;

  @Column({ ...INSTANT, nullable: true, default: null })
  resumedAt: Date | null;

  @Field({ description: "When the incident began waiting on the customer (UTC)." })
  get from(): Date {
    return this.pausedAt;
  }

  @Field(() => Date, { nullable: true, description: "When work resumed (UTC); null while it is still waiting." })
  get to(): Date | null {
    return this.resumedAt;
  }
}
