import { STAFF, TrackedRecord } from "@itsm/kit";
import { Authorized, Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { ComponentKind } from "./component.enums";

/** A building block services are made of: hardware, software, network, data or facility. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: "A building block that services are made of (a server, an application, a link, a data centre).",
})
@Entity("components")
// Every field of a component is for staff (id, version and timestamps come from the kit's TrackedRecord and are not covered).
@Authorized(STAFF)
export class Component extends TrackedRecord {
  @Field({ description: "Display name." })
  @Index()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => ComponentKind, { description: "The kind of building block." })
  @Index()
  @Column({ type: "simple-enum", enum: ComponentKind })
  kind: ComponentKind;

  @Field({ description: "What the component is and where it runs." })
  @Column({ type: "text" })
  description: string;
}
