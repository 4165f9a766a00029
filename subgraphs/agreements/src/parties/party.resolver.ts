import { WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { relatedAgreements } from "../agreements/agreement.filters";
import { RelatedAgreementsArgs } from "../agreements/agreement.inputs";
import { CustomerReference } from "../references/customer.reference";
import { ProviderReference } from "../references/provider.reference";
import { AgreementCustomerInput } from "./party.inputs";

/** The customers party to a DRAFT SLA: adding and removing them. */
@Resolver(() => Agreement)
export class PartyResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Makes a customer (`customerId`, ACTIVE) party to a DRAFT SLA." })
  addAgreementCustomer(@Arg("input") input: AgreementCustomerInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.parties.addCustomer(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a customer (`customerId`) from a DRAFT SLA." })
  removeAgreementCustomer(
    @Arg("input") input: AgreementCustomerInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.parties.removeCustomer(input, ctx.identity);
  }
}

/** What the agreements subgraph adds to the customers subgraph's Customer. */
@Resolver(() => CustomerReference)
export class CustomerAgreementsResolver {
  @Authorized()
  @FieldResolver(() => [Agreement], {
    nullable: true,
    description:
      "The agreements this customer is party to, by number. Null only when the agreements subgraph cannot answer (an error says so).",
  })
  async agreements(
    @Root() customer: CustomerReference,
    @Args() args: RelatedAgreementsArgs,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement[]> {
    const ids = await ctx.loaders.agreementIdsByCustomer.load(customer.id);
    return relatedAgreements(ctx.loaders.agreementById, ids, args);
  }
}

/** What the agreements subgraph adds to the customers subgraph's Provider. */
@Resolver(() => ProviderReference)
export class ProviderAgreementsResolver {
  @Authorized()
  @FieldResolver(() => [Agreement], {
    nullable: true,
    description:
      "The agreements this provider is bound by, by number. Null only when the agreements subgraph cannot answer (an error says so).",
  })
  async agreements(
    @Root() provider: ProviderReference,
    @Args() args: RelatedAgreementsArgs,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement[]> {
    const ids = await ctx.loaders.agreementIdsByProvider.load(provider.id);
    return relatedAgreements(ctx.loaders.agreementById, ids, args);
  }
}
