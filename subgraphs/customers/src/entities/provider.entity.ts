import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { ProviderKind } from "./customers.enums";

/** A service provider: the party that delivers services under agreements. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A service provider: internal IT, a shared-services unit or an external supplier." })
@Entity("providers")
export class Provider {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field({ description: 'Unique short code, upper case, e.g. "CORP_IT".' })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code: string;

  @Field({ description: "Legal or organisational name." })
  @Index()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "Who the provider is and what it delivers." })
  @Column({ type: "text" })
  description: string;

  @Field(() => ProviderKind, { description: "Internal, shared-services or external provider." })
  @Index()
  @Column({ type: "simple-enum", enum: ProviderKind })
  kind: ProviderKind;

  @Field(() => Int, { description: "Incremented by every change; used for optimistic concurrency." })
  @VersionColumn()
  version: number;

  @Field({ description: "When the provider was recorded." })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: "When the provider was last changed." })
  @UpdateDateColumn()
  updatedAt: Date;
}
