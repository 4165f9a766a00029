import { decimalTransformer, Money, toMoney } from "@itsm/kit";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { Criticality, ServiceLifecycle, ServiceType } from "./catalog.enums";

/** An IT service in the catalogue: what is delivered, by whom, at what cost. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An IT service: something the provider delivers that creates value for customers." })
@Entity("services")
export class Service {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field({ description: 'Unique short code, upper case, e.g. "EMAIL".' })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code: string;

  @Field({ description: "Display name." })
  @Index()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "What the service provides, in the words of the catalogue." })
  @Column({ type: "text" })
  description: string;

  @Field({ description: 'Catalogue category, e.g. "Communication & Collaboration".' })
  @Index()
  @Column({ type: "varchar", length: 100 })
  category: string;

  @Field(() => ServiceType, { description: "Customer-facing or supporting." })
  @Index()
  @Column({ type: "simple-enum", enum: ServiceType })
  type: ServiceType;

  @Field(() => ServiceLifecycle, { description: "Lifecycle stage: PIPELINE, LIVE or RETIRED." })
  @Index()
  @Column({ type: "simple-enum", enum: ServiceLifecycle })
  lifecycle: ServiceLifecycle;

  @Field(() => Criticality, { description: "Business impact when the service is unavailable." })
  @Index()
  @Column({ type: "simple-enum", enum: Criticality })
  criticality: Criticality;

  @Field({ description: "Service owner: the team or person accountable for the service." })
  @Column({ type: "varchar", length: 200 })
  owner: string;

  @Column({ type: "decimal", precision: 14, scale: 2, transformer: decimalTransformer })
  monthlyCostAmount: string;

  @Column({ type: "varchar", length: 3 })
  monthlyCostCurrency: string;

  @Field(() => Int, { description: "Incremented by every change; used for optimistic concurrency." })
  @VersionColumn()
  version: number;

  @Field({ description: "When the service was added to the catalogue." })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: "When the service was last changed." })
  @UpdateDateColumn()
  updatedAt: Date;

  @Field(() => Money, { description: "What delivering the service costs the provider per month." })
  get monthlyCost(): Money {
    return toMoney(this.monthlyCostAmount, this.monthlyCostCurrency) as Money;
  }
}
