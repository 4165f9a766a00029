import { WRITERS } from "@itsm/kit";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus } from "../agreements/agreement.enums";
import { relatedAgreements } from "../agreements/agreement.filters";
import { RemovePartInput } from "../agreements/agreement.inputs";
import { ServiceReference } from "../references/service.reference";
import { ServiceLevelTarget } from "./target.entity";
import { SetTargetInput } from "./target.inputs";
import { sortTargets } from "./target.ordering";

/** The service level targets of a DRAFT agreement: setting and removing them. */
@Resolver(() => ServiceLevelTarget)
export class TargetResolver {
  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description:
      "Sets a service level target of a DRAFT agreement (replacing the one for the same service, metric and priority).",
  })
  setTarget(@Arg("input") input: SetTargetInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.targets.set(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Removes a service level target from a DRAFT agreement." })
  removeTarget(@Arg("input") input: RemovePartInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.targets.remove(input, ctx.identity);
  }

  @FieldResolver(() => Agreement, { description: "The agreement that sets this target." })
  async agreement(@Root() target: ServiceLevelTarget, @Ctx() { loaders }: AgreementsContext): Promise<Agreement> {
    return (await loaders.agreementById.load(target.agreementId)) as Agreement;
  }
}

/** What the agreements subgraph adds to the catalog's Service: the targets agreements set for it. */
@Resolver(() => ServiceReference)
export class ServiceTargetsResolver {
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
      ctx.loaders.agreementById,
      targets.map((t) => t.agreementId),
      { status: agreementStatus },
    );
    const included = new Set(agreements.map((a) => a.id));
    return sortTargets(targets.filter((t) => included.has(t.agreementId)));
  }
}
