import { CodedRecord } from "@itsm/kit";
import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { ProviderKind } from "./provider.enums";

/** A service provider: the party that delivers services under agreements. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A service provider: internal IT, a shared-services unit or an external supplier." })
@Entity("providers")
export class Provider extends CodedRecord {
  @Field(() => ProviderKind, { description: "Internal, shared-services or external provider." })
  @Index()
  @Column({ type: "simple-enum", enum: ProviderKind })
  kind: ProviderKind;
}
