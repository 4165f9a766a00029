import { decimalTransformer, Money, toMoney } from "@itsm/kit";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { ServiceReference } from "../references/service.reference";

/** How an agreement covers one service: the service as agreed, its hours and its charge. */
@ObjectType({
  description: "How an agreement covers one service: the service as agreed, its service hours and its charge.",
})
@Entity("agreement_services")
@Index(["agreementId", "serviceId"], { unique: true })
export class ServiceCoverage {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  agreementId: string;

  @Index()
  @Column({ type: "varchar", length: 36 })
  serviceId: string;

  /** The service calendar the coverage's targets are measured in. */
  @Index()
  @Column({ type: "varchar", length: 36 })
  calendarId: string;

  @Field({ description: "The service as described in the agreement." })
  @Column({ type: "text" })
  description: string;

  @Field({ description: 'When the service is provided and supported, e.g. "24x7" or "Mon–Fri 08:00–18:00 CET".' })
  @Column({ type: "varchar", length: 200 })
  serviceHours: string;

  @Column({ type: "decimal", precision: 14, scale: 2, nullable: true, default: null, transformer: decimalTransformer })
  monthlyChargeAmount: string | null;

  @Column({ type: "varchar", length: 3, nullable: true, default: null })
  monthlyChargeCurrency: string | null;

  @Field(() => ServiceReference, { description: "The covered service." })
  get service(): ServiceReference {
    return { id: this.serviceId };
  }

  @Field(() => Money, {
    nullable: true,
    description: "What the customer is charged per month for this service; null when not charged.",
  })
  get monthlyCharge(): Money | null {
    return toMoney(this.monthlyChargeAmount, this.monthlyChargeCurrency);
  }
}
