import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Agreement, ProviderReference } from "../entities";
import type { AgreementsContext } from "../services/agreements.context";
import { RelatedAgreementsArgs } from "./agreement.inputs";
import { relatedAgreements } from "./related-agreements";

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
    return relatedAgreements(ctx, await ctx.loaders.agreementIdsByProvider.load(provider.id), args);
  }
}
