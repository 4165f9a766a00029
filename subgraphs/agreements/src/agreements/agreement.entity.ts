import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { AgreementStatus, AgreementType, RenewalKind } from "./agreement.enums";
import { ProviderReference } from "../references/provider.reference";

/** A documented agreement between a provider and its customers (SLA), an internal group (OLA) or a supplier. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A documented agreement between a service provider and a customer (SLA), an internal group (OLA) or an external supplier (underpinning contract): the services covered, their service level targets and the responsibilities of both parties.",
})
@Entity("agreements")
@Index(["number", "version"], { unique: true })
// Pages are ordered by number, then id: SQLite's index on the number alone left the id to a temporary
// B-tree per page (InnoDB's secondary indexes end with the primary key anyway).
@Index(["number", "id"])
@Index(["providerId", "number"])
@Index(["status", "effectiveTo"])
export class Agreement {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field({ description: 'Agreement number, e.g. "SLA-2026-001"; shared by all versions of the agreement.' })
  @Column({ type: "varchar", length: 40 })
  number: string;

  @Field({ description: "Title of the agreement document." })
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Field({ description: "Scope and purpose of the agreement." })
  @Column({ type: "text" })
  description: string;

  @Field(() => AgreementType, { description: "SLA, OLA or underpinning contract." })
  @Index()
  @Column({ type: "simple-enum", enum: AgreementType })
  type: AgreementType;

  @Field(() => AgreementStatus, { description: "Lifecycle status: DRAFT, SCHEDULED, ACTIVE, EXPIRED or TERMINATED." })
  @Index()
  @Column({ type: "simple-enum", enum: AgreementStatus })
  status: AgreementStatus;

  @Field(() => Int, { description: "Version of the agreement's terms: 1 for the original, n+1 for each revision." })
  @Column({ type: "int" })
  version: number;

  @Field(() => LocalDateResolver, { description: "First day the agreement is in force." })
  @Column({ type: "date" })
  effectiveFrom: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Last day the agreement is in force; null when open-ended.",
  })
  @Index()
  @Column({ type: "date", nullable: true, default: null })
  effectiveTo: string | null;

  @Column({ type: "varchar", length: 36 })
  providerId: string;

  @Field(() => RenewalKind, { description: "What happens at effectiveTo: NONE (it ends), TACIT or EXPRESS renewal." })
  @Column({ type: "simple-enum", enum: RenewalKind, default: RenewalKind.NONE })
  renewal: RenewalKind;

  @Field(() => Int, {
    nullable: true,
    description: "Months each renewal adds to effectiveTo (required for TACIT renewal); null when none is agreed.",
  })
  @Column({ type: "int", nullable: true, default: null })
  renewalTermMonths: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Days before effectiveTo by which notice must be given (0 or null: up to effectiveTo itself).",
  })
  @Column({ type: "int", nullable: true, default: null })
  noticePeriodDays: number | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When the agreement is next due for a service review; null when none is planned.",
  })
  @Column({ type: "date", nullable: true, default: null })
  reviewDue: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The day notice was given (giveNotice): a TACIT agreement then expires instead of renewing.",
  })
  @Column({ type: "date", nullable: true, default: null })
  noticeGivenOn: string | null;

  /** The version this one replaces (a revision's predecessor). */
  @Index()
  @Column({ type: "varchar", length: 36, nullable: true, default: null })
  supersedesId: string | null;

  @Field(() => Int, {
    description:
      "Incremented by every change to this record; pass it back as `expectedRevision` to detect concurrent edits.",
  })
  @VersionColumn()
  revision: number;

  @Field({ description: "When the agreement was recorded." })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: "When the agreement was last changed." })
  @UpdateDateColumn()
  updatedAt: Date;

  @Field(() => ProviderReference, { description: "The service provider bound by the agreement." })
  get provider(): ProviderReference {
    return { id: this.providerId };
  }
}
