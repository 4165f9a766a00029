import { ForbiddenError, loadRequired } from "@itsm/kit";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { Party } from "../responsibilities/responsibility.enums";
import { AgreementSignature } from "./signature.entity";
import { SignAgreementInput } from "./signature.inputs";
import { signingRefusal } from "./signature.rules";

/** Signatures of agreement versions, and the hash of the terms they sign. */
@Resolver(() => Agreement)
export class SignatureResolver {
  @FieldResolver(() => String, {
    description:
      "SHA-256 (hex) of this version's terms in their canonical form (see the README, Agreement documents): shown on the agreement's document and what a signature names. The same terms always give the same hash; any change to them another.",
  })
  async documentSha256(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<string> {
    return (await loaders.documentSha256ByAgreement.load(agreement.id)) as string;
  }

  @FieldResolver(() => [AgreementSignature], {
    description:
      "The signatures of this version, oldest first, with the SHA-256 of the terms each signed (a partner sees the provider's and its own customers').",
  })
  async signatures(@Root() agreement: Agreement, @Ctx() ctx: AgreementsContext): Promise<AgreementSignature[]> {
    const [signatures, scope] = await Promise.all([ctx.loaders.signaturesByAgreement.load(agreement.id), ctx.scope()]);
    if (scope.kind !== "partner") return signatures;
    return signatures.filter((s) => s.party === Party.PROVIDER || scope.customerIds.includes(s.partyId));
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description:
      "Records that a party accepted the exact terms of an agreement version, named by their SHA-256 (`documentSha256`). Writers sign for the provider and record customers' signatures; a partner signs for its own customers. Refused (CONFLICT, `reason`) when the hash is not the current terms' (DOCUMENT_CHANGED), the status is not DRAFT, SCHEDULED or ACTIVE (NOT_SIGNABLE) or the party already signed these terms (ALREADY_SIGNED); FORBIDDEN for anyone else.",
  })
  async signAgreement(@Arg("input") input: SignAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    // Who may not sign at all hears so first; then an agreement out of reach is answered as one that does not exist.
    const refusal = signingRefusal(ctx.identity, input.party, undefined, []);
    if (refusal) throw new ForbiddenError(refusal);
    await loadRequired(ctx.loaders.agreementById, "Agreement", input.agreementId);
    const scope = await ctx.scope();
    return ctx.commands.signatures.sign(input, ctx.identity, scope.kind === "partner" ? scope.customerIds : []);
  }
}
