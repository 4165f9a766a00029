import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, Directive, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";

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

/** The claim protocol's internal mutations, called by the catalog and the customers subgraph. */
@Resolver()
export class ClaimResolver {
  @Directive("@inaccessible")
  @Authorized(WRITERS)
  @Mutation(() => ReferenceClaimResult, {
    description: "Internal (catalog → agreements): claims the retirement of a service no ACTIVE agreement covers.",
  })
  async claimServiceRetirement(
    @Arg("serviceId", () => ID) serviceId: string,
    @Ctx() ctx: AgreementsContext,
  ): Promise<ReferenceClaimResult> {
    const blockingAgreements = await ctx.commands.claims.claim("Service", serviceId, ctx.identity);
    return { granted: blockingAgreements.length === 0, blockingAgreements };
  }

  @Directive("@inaccessible")
  @Authorized(WRITERS)
  @Mutation(() => Boolean, { description: "Internal (catalog → agreements): gives back a retirement claim." })
  async releaseServiceRetirement(
    @Arg("serviceId", () => ID) serviceId: string,
    @Ctx() ctx: AgreementsContext,
  ): Promise<boolean> {
    await ctx.commands.claims.release("Service", serviceId);
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
    const blockingAgreements = await ctx.commands.claims.claim("Customer", customerId, ctx.identity);
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
    await ctx.commands.claims.release("Customer", customerId);
    return true;
  }
}
