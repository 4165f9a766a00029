import { CodedRecord, decimalTransformer, Money, STAFF, toMoney } from "@itsm/kit";
import { Authorized, Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Criticality, ServiceLifecycle, ServiceType } from "./service.enums";

/** An IT service in the catalogue: what is delivered, by whom, at what cost. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An IT service: something the provider delivers that creates value for customers." })
@Entity("services")
export class Service extends CodedRecord {
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

  @Authorized(STAFF)
  @Field(() => Money, { description: "What delivering the service costs the provider per month." })
  get monthlyCost(): Money {
    return toMoney(this.monthlyCostAmount, this.monthlyCostCurrency) as Money;
  }
}
