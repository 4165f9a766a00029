import { connectionType, PageArgs, STAFF, toPageRequest } from "@itsm/kit";
import type { Page } from "@itsm/kit";
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { Agreement } from "../agreements/agreement.entity";
import { ServiceLevelTarget } from "../targets/target.entity";
import { sortTargets } from "../targets/target.ordering";
import { FeasibilityStatus } from "./feasibility.rules";
import { FeasibilityLink, TargetFeasibility, toTargetFeasibility, UnsupportedTarget } from "./feasibility.types";

const UnsupportedTargetConnection = connectionType(UnsupportedTarget, "UnsupportedTarget", "unsupported targets");

/** Whether a target's promise can be kept by what underpins it, and the list of those that cannot. */
@Resolver(() => ServiceLevelTarget)
export class FeasibilityResolver {
  @FieldResolver(() => TargetFeasibility, {
    nullable: true,
    description:
      "Whether the ACTIVE OLAs and underpinning contracts behind this target can deliver it (availability, response and resolution times); null for other metrics.",
  })
  async feasibility(
    @Root() target: ServiceLevelTarget,
    @Ctx() { loaders }: AgreementsContext,
  ): Promise<TargetFeasibility | null> {
    const verdict = await loaders.feasibilityByTarget.load(target);
    return verdict && toTargetFeasibility(verdict);
  }

  @Authorized(STAFF)
  @Query(() => UnsupportedTargetConnection, {
    description:
      "Every target of an ACTIVE or SCHEDULED agreement whose underpinnings cannot keep it (feasibility UNSUPPORTED), by agreement number. Staff only.",
  })
  async unsupportedTargets(@Args() page: PageArgs, @Ctx() ctx: AgreementsContext): Promise<Page<UnsupportedTarget>> {
    return ctx.feasibility.unsupported(toPageRequest(page), await ctx.scope());
  }
}

/** What a link shows: its agreement and target only to callers who may read that agreement. */
@Resolver(() => FeasibilityLink)
export class FeasibilityLinkResolver {
  @FieldResolver(() => Agreement, {
    nullable: true,
    description: "The agreement whose target bounds this link; null when the caller may not read it (a partner).",
  })
  agreement(@Root() link: FeasibilityLink, @Ctx() { loaders }: AgreementsContext): Promise<Agreement | null> {
    return loaders.agreementById.load(link.agreementId);
  }

  @FieldResolver(() => [Agreement], {
    description:
      "The chain of underpinnings this link came through, from the one directly behind the target's agreement to `agreement`; only those the caller may read.",
  })
  async chain(@Root() link: FeasibilityLink, @Ctx() { loaders }: AgreementsContext): Promise<Agreement[]> {
    const rows = await loaders.agreementById.loadMany(link.chainIds);
    return rows.filter((row): row is Agreement => row !== null && !(row instanceof Error));
  }

  @FieldResolver(() => ServiceLevelTarget, {
    nullable: true,
    description: "The underpinning target that bounds this link; null when the caller may not read its agreement.",
  })
  async target(
    @Root() link: FeasibilityLink,
    @Ctx() { loaders }: AgreementsContext,
  ): Promise<ServiceLevelTarget | null> {
    return (await loaders.agreementById.load(link.agreementId)) ? link.targetRow : null;
  }
}

/** The warnings an agreement carries: its targets whose underpinnings cannot be shown to keep them. */
@Resolver(() => Agreement)
export class AgreementFeasibilityResolver {
  @FieldResolver(() => [ServiceLevelTarget], {
    description:
      "This agreement's availability and time targets whose feasibility is UNSUPPORTED or UNKNOWN (see `ServiceLevelTarget.feasibility`), by service and metric. Activation warns with these in its answer but does not refuse.",
  })
  async feasibilityFindings(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: AgreementsContext,
  ): Promise<ServiceLevelTarget[]> {
    const targets = sortTargets(await loaders.wholeTargetsByAgreement.load(agreement.id));
    const verdicts = await Promise.all(targets.map((t) => loaders.feasibilityByTarget.load(t)));
    return targets.filter((_, i) => verdicts[i] !== null && verdicts[i].status !== FeasibilityStatus.SUPPORTED);
  }
}
