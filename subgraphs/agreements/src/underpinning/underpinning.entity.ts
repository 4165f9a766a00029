import { Entity, Index, PrimaryColumn } from "typeorm";

/** An OLA or underpinning contract (`underpinningId`) underpins an SLA (`agreementId`). */
@Entity("agreement_underpinnings")
export class AgreementUnderpinning {
  @PrimaryColumn({ type: "varchar", length: 36 })
  agreementId: string;

  @Index()
  @PrimaryColumn({ type: "varchar", length: 36 })
  underpinningId: string;
}
