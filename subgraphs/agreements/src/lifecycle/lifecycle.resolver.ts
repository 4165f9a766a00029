import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementRefInput, TerminateAgreementInput } from "./lifecycle.inputs";

/** An agreement's lifecycle: activation, termination and revision. */
@Resolver(() => Agreement)
export class LifecycleResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "DRAFT → ACTIVE. Needs a service, a customer (SLA), a target per covered service, responsibilities of both parties, valid references, underpinnings at least as strict and, with REQUIRE_SIGNATURES, the provider's and every customer's signature of the current terms (SLA); lists every problem at once. Activating a revision supersedes the previous version. Targets its underpinnings cannot be shown to keep do not stop it: ask the answer for `feasibilityFindings` (UNSUPPORTED and UNKNOWN targets) to see the warnings.",
  })
  activateAgreement(@Arg("input") input: AgreementRefInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.lifecycle.activate(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "ACTIVE → TERMINATED, with the reason recorded in its history." })
  terminateAgreement(@Arg("input") input: TerminateAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.lifecycle.terminate(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Drafts version n+1 of an ACTIVE agreement (a copy to edit); the ACTIVE version stays in force until the draft is activated.",
  })
  reviseAgreement(@Arg("input") input: AgreementRefInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.lifecycle.revise(input, ctx.identity);
  }
}
