import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { CustomerReference } from "../references/customer.reference";
import { Party } from "../responsibilities/responsibility.enums";

/** Who accepted which exact terms of an agreement version, for which party. */
@ObjectType("AgreementSignature", {
  description:
    "A party's acceptance of an agreement version's exact terms: the terms are named by their SHA-256 (`Agreement.documentSha256` when signed).",
})
@Entity("agreement_signatures")
// One signature per party and terms: signing the same document twice is refused, new terms may be signed again.
@Index(["agreementId", "party", "partyId", "documentSha256"], { unique: true })
export class AgreementSignature {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** The agreement version signed. */
  @Column({ type: "varchar", length: 36 })
  agreementId: string;

  @Field(() => Party, { description: "The side that signed: PROVIDER or CUSTOMER." })
  @Column({ type: "simple-enum", enum: Party })
  party: Party;

  /** The provider's id, or the id of the customer signed for. */
  @Index()
  @Column({ type: "varchar", length: 36 })
  partyId: string;

  @Field({ description: "The person who signed for the party, as they gave their name." })
  @Column({ type: "varchar", length: 200 })
  signedBy: string;

  @Field({ description: "When the signature was recorded." })
  // Set by the command with milliseconds (as history entries are), so signatures list in the order given.
  @Column({ type: "datetime", precision: 3 })
  signedAt: Date;

  @Field({ description: "SHA-256 of the terms that were signed (lower-case hex)." })
  @Column({ type: "varchar", length: 64 })
  documentSha256: string;

  @Field({ description: "The signed-in user who recorded the signature (the token's subject)." })
  @Column({ type: "varchar", length: 200 })
  actor: string;

  @Field(() => CustomerReference, {
    nullable: true,
    description: "The customer signed for (CUSTOMER signatures); null for the provider.",
  })
  get customer(): CustomerReference | null {
    return this.party === Party.CUSTOMER ? { id: this.partyId } : null;
  }
}
