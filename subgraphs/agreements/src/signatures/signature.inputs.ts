import { IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Party } from "../responsibilities/responsibility.enums";
import type { Signing } from "./signature.commands";

@InputType({ description: "A party's signature of the exact terms of an agreement version." })
export class SignAgreementInput implements Signing {
  @Field(() => ID, { description: "The agreement version signed (DRAFT, SCHEDULED or ACTIVE)." })
  agreementId: string;

  @Field(() => Party, { description: "The side signing: PROVIDER (staff writers) or CUSTOMER." })
  party: Party;

  @Field(() => ID, {
    nullable: true,
    description:
      "The customer signing, for CUSTOMER signatures; may be left out when the agreement has one customer (or the partner signing acts for one of them).",
  })
  @IsOptional()
  @Length(1, 36)
  customerId?: string | null;

  @Field({ description: "The name of the person who signs for the party (2–200 characters)." })
  @Length(2, 200)
  @Matches(/\S/, { message: "signedBy must name someone" })
  signedBy: string;

  @Field({
    description:
      "The SHA-256 of the terms signed, as the document shows it (`Agreement.documentSha256`, 64 hex digits); refused unless it is that of the current terms.",
  })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: "documentSha256 must be 64 hexadecimal digits" })
  documentSha256: string;
}
