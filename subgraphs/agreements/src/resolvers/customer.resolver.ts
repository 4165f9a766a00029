import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Agreement, CustomerReference } from "../entities";
import type { AgreementsContext } from "../services/agreements.context";
import { RelatedAgreementsArgs } from "./agreement.inputs";
import { relatedAgreements } from "./related-agreements";

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
    return relatedAgreements(ctx, await ctx.loaders.agreementIdsByCustomer.load(customer.id), args);
  }
}
