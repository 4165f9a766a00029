import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from "typeorm";

/** Columns and fields of every mutable record: its id, its version and when it changed. */
@ObjectType()
export abstract class TrackedRecord {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field(() => Int, { description: "Incremented by every change; pass it back to detect concurrent edits." })
  @VersionColumn()
  version: number;

  @Field({ description: "When the record was created." })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: "When the record was last changed." })
  @UpdateDateColumn()
  updatedAt: Date;
}

/**
 * A record people refer to by a short code (a service, a customer, a provider). Pages of them are
 * ordered by (code, id): MySQL/MariaDB cannot take that order from the unique index on code alone
 * and sorted the whole table for every page, hence the index on both.
 */
@ObjectType()
@Index(["code", "id"])
export abstract class CodedRecord extends TrackedRecord {
  @Field({ description: 'Unique short code, upper case, e.g. "EMAIL"; what people and integrations refer to.' })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code: string;

  @Field({ description: "Display name." })
  @Index()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "What it is, in a sentence or two." })
  @Column({ type: "text" })
  description: string;
}
