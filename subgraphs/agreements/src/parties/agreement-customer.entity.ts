import { Entity, Index, PrimaryColumn } from "typeorm";

/** A customer is party to an agreement (many-to-many). */
@Entity("agreement_customers")
export class AgreementCustomer {
  @PrimaryColumn({ type: "varchar", length: 36 })
  agreementId: string;

  @Index()
  @PrimaryColumn({ type: "varchar", length: 36 })
  customerId: string;
}
