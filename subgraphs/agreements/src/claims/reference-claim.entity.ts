import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** What can be claimed: a service (being retired) or a customer (being deactivated). */
export type ClaimKind = "Service" | "Customer";

/**
 * A service being retired or a customer being deactivated, claimed here before its owner commits
 * the change: from then on no agreement that refers to it can be activated, and the claim could
 * only be made while no ACTIVE agreement referred to it. Checks and claims serialise on a named
 * lock per reference, so a retirement and an activation can never both succeed.
 */
@Entity("reference_claims")
export class ReferenceClaim {
  @PrimaryColumn({ type: "varchar", length: 20 })
  kind: ClaimKind;

  @PrimaryColumn({ type: "varchar", length: 36 })
  referenceId: string;

  @Column({ type: "varchar", length: 200 })
  claimedBy: string;

  @CreateDateColumn()
  claimedAt: Date;
}
