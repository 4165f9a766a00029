import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementUnderpinningInput } from "./underpinning.inputs";

/** Which OLAs and underpinning contracts underpin which SLAs: linking and unlinking them. */
@Resolver(() => Agreement)
export class UnderpinningResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Records that an OLA or underpinning contract (`underpinningId`) underpins an SLA (`agreementId`), or that a contract underpins an OLA (underpinnings chain); one must be a DRAFT. Returns the agreement underpinned.",
  })
  linkUnderpinning(@Arg("input") input: AgreementUnderpinningInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.underpinning.link(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Removes an underpinning link; one side must be a DRAFT. Returns the agreement that was underpinned.",
  })
  unlinkUnderpinning(
    @Arg("input") input: AgreementUnderpinningInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.underpinning.unlink(input, ctx.identity);
  }
}
