import { WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { relatedAgreements } from "../agreements/agreement.filters";
import { RelatedAgreementsArgs } from "../agreements/agreement.inputs";
import { ServiceReference } from "../references/service.reference";
import { AddAgreementServiceInput, AgreementServiceInput } from "./coverage.inputs";

/** The services a DRAFT agreement covers: adding and removing them. */
@Resolver(() => Agreement)
export class CoverageResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Adds a covered service to a DRAFT agreement." })
  addAgreementService(
    @Arg("input") input: AddAgreementServiceInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.coverage.add(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Removes a covered service (`serviceId`) and its targets from a DRAFT agreement.",
  })
  removeAgreementService(
    @Arg("input") input: AgreementServiceInput,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    return ctx.commands.coverage.remove(input, ctx.identity);
  }
}

/** What the agreements subgraph adds to the catalog's Service: the agreements that cover it. */
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
    return relatedAgreements(ctx.loaders.agreementById, await ctx.loaders.agreementIdsByService.load(service.id), args);
  }
}
