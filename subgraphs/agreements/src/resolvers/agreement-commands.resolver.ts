import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Directive, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { Agreement } from "../entities";
import type { AgreementsContext } from "../services/agreements.context";
import {
  AddAgreementServiceInput,
  AddResponsibilityInput,
  AgreementLinkInput,
  AgreementRefInput,
  CreateAgreementInput,
  RemovePartInput,
  SetTargetInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
} from "./agreement-commands.inputs";

/** The answer to a claim by another subgraph (internal: not part of the public graph). */
@Directive("@inaccessible")
@ObjectType({
  description: "Whether a retirement or deactivation was claimed, and which ACTIVE agreements prevent it.",
})
export class ReferenceClaimResult {
  @Field({ description: "True when the claim was granted." })
  granted: boolean;

  @Field(() => [String], { description: "Numbers of the ACTIVE agreements that refer to it (when not granted)." })
  blockingAgreements: string[];
}

@Resolver(() => Agreement)
export class AgreementCommandsResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Creates an agreement as a DRAFT (version 1); references are checked with their owners.",
  })
  createAgreement(@Arg("input") input: CreateAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Changes a DRAFT agreement's title, description, dates or provider." })
  updateAgreement(@Arg("input") input: UpdateAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.update(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Adds a covered service to a DRAFT agreement." })
  addAgreementService(
    @Arg("input") input: AddAgreementServiceInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.addService(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Removes a covered service (`targetId`) and its targets from a DRAFT agreement.",
  })
  removeAgreementService(@Arg("input") input: AgreementLinkInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.removeService(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Makes a customer (`targetId`, ACTIVE) party to a DRAFT SLA." })
  addAgreementCustomer(@Arg("input") input: AgreementLinkInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.addCustomer(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a customer (`targetId`) from a DRAFT SLA." })
  removeAgreementCustomer(@Arg("input") input: AgreementLinkInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.removeCustomer(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Sets a service level target of a DRAFT agreement (replacing the one for the same service, metric and priority).",
  })
  setTarget(@Arg("input") input: SetTargetInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.setTarget(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a service level target from a DRAFT agreement." })
  removeTarget(@Arg("input") input: RemovePartInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.removeTarget(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Adds a responsibility of the provider or the customer to a DRAFT agreement.",
  })
  addResponsibility(@Arg("input") input: AddResponsibilityInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.addResponsibility(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a responsibility from a DRAFT agreement." })
  removeResponsibility(@Arg("input") input: RemovePartInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.removeResponsibility(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Records that an OLA or underpinning contract (`targetId`) underpins an SLA (`agreementId`); one must be a DRAFT. Returns the SLA.",
  })
  linkUnderpinning(@Arg("input") input: AgreementLinkInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.linkUnderpinning(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Removes an underpinning link; one side must be a DRAFT. Returns the SLA.",
  })
  unlinkUnderpinning(@Arg("input") input: AgreementLinkInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.unlinkUnderpinning(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "DRAFT → ACTIVE. Needs a service, a customer (SLA), a target per covered service, responsibilities of both parties, valid references and underpinnings at least as strict; lists every problem at once. Activating a revision supersedes the previous version.",
  })
  activateAgreement(@Arg("input") input: AgreementRefInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.activate(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "ACTIVE → TERMINATED, with the reason recorded in its history." })
  terminateAgreement(@Arg("input") input: TerminateAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.terminate(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Drafts version n+1 of an ACTIVE agreement (a copy to edit); the ACTIVE version stays in force until the draft is activated.",
  })
  reviseAgreement(@Arg("input") input: AgreementRefInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.revise(input, ctx.identity);
  }

  @Directive("@inaccessible")
  @Authorized(WRITERS)
  @Mutation(() => ReferenceClaimResult, {
    description: "Internal (catalog → agreements): claims the retirement of a service no ACTIVE agreement covers.",
  })
  async claimServiceRetirement(
    @Arg("serviceId", () => ID) serviceId: string,
    @Ctx() ctx: AgreementsContext,
  ): Promise<ReferenceClaimResult> {
    const blockingAgreements = await ctx.commands.claim("Service", serviceId, ctx.identity);
    return { granted: blockingAgreements.length === 0, blockingAgreements };
  }

  @Directive("@inaccessible")
  @Authorized(WRITERS)
  @Mutation(() => Boolean, { description: "Internal (catalog → agreements): gives back a retirement claim." })
  async releaseServiceRetirement(
    @Arg("serviceId", () => ID) serviceId: string,
    @Ctx() ctx: AgreementsContext,
  ): Promise<boolean> {
    await ctx.commands.release("Service", serviceId);
    return true;
  }

  @Directive("@inaccessible")
  @Authorized(WRITERS)
  @Mutation(() => ReferenceClaimResult, {
    description:
      "Internal (customers → agreements): claims the deactivation of a customer party to no ACTIVE agreement.",
  })
  async claimCustomerDeactivation(
    @Arg("customerId", () => ID) customerId: string,
    @Ctx() ctx: AgreementsContext,
  ): Promise<ReferenceClaimResult> {
    const blockingAgreements = await ctx.commands.claim("Customer", customerId, ctx.identity);
    return { granted: blockingAgreements.length === 0, blockingAgreements };
  }

  @Directive("@inaccessible")
  @Authorized(WRITERS)
  @Mutation(() => Boolean, {
    description: "Internal (customers → agreements): gives back a deactivation claim (reactivation).",
  })
  async releaseCustomerDeactivation(
    @Arg("customerId", () => ID) customerId: string,
    @Ctx() ctx: AgreementsContext,
  ): Promise<boolean> {
    await ctx.commands.release("Customer", customerId);
    return true;
  }
}
