import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Agreement, AgreementStatus, ServiceLevelTarget, ServiceReference } from "../entities";
import type { AgreementsContext } from "../services/agreements.context";
import { RelatedAgreementsArgs } from "./agreement.inputs";
import { relatedAgreements, sortTargets } from "./related-agreements";

/** What the agreements subgraph adds to the catalog's Service. */
@Resolver(() => ServiceReference)
export class ServiceAgreementsResolver {
  @Authorized()
  @FieldResolver(() => [Agreement], {
    nullable: true,
    description:
      "The agreements that cover this service, by number. Null only when the agreements subgraph cannot answer (an error says so).",
  })
  async agreements(
    @Root() service: ServiceReference,
    @Args() args: RelatedAgreementsArgs,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement[]> {
    return relatedAgreements(ctx, await ctx.loaders.agreementIdsByService.load(service.id), args);
  }

  @Authorized()
  @FieldResolver(() => [ServiceLevelTarget], {
    nullable: true,
    description:
      "The service level targets set for this service by agreements in the given statuses (default: ACTIVE). Null only when the agreements subgraph cannot answer (an error says so).",
  })
  async targets(
    @Root() service: ServiceReference,
    @Arg("agreementStatus", () => [AgreementStatus], {
      defaultValue: [AgreementStatus.ACTIVE],
      description: "Statuses of the agreements whose targets are returned.",
    })
    agreementStatus: AgreementStatus[],
    @Ctx() ctx: AgreementsContext,
  ): Promise<ServiceLevelTarget[]> {
    const targets = await ctx.loaders.targetsByService.load(service.id);
    const agreements = await relatedAgreements(
      ctx,
      targets.map((t) => t.agreementId),
      { status: agreementStatus },
    );
    const included = new Set(agreements.map((a) => a.id));
    return sortTargets(targets.filter((t) => included.has(t.agreementId)));
  }
}
