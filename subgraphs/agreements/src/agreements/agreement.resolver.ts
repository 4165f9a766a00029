import {
  connectionType,
  HistoryEntry,
  loadRequired,
  NotFoundError,
  PageArgs,
  STAFF,
  toPageRequest,
  WRITERS,
} from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { CustomerReference } from "../references/customer.reference";
import { ServiceReference } from "../references/service.reference";
import { Responsibility } from "../responsibilities/responsibility.entity";
import { sortResponsibilities } from "../responsibilities/responsibility.ordering";
import { ServiceLevelTarget } from "../targets/target.entity";
import { sortTargets } from "../targets/target.ordering";
import { Agreement } from "./agreement.entity";
import type { SelectedCoverage, SelectedTarget } from "./agreement.service";
import { relatedAgreements } from "./agreement.filters";
import { AgreementFilter, CreateAgreementInput, UpdateAgreementInput } from "./agreement.inputs";

const AgreementConnection = connectionType(Agreement, "Agreement", "agreements");

// The Agreement type's fields are all resolved here, parts included, in the order the schema lists them;
// each aggregate's own resolver holds its mutations and what it adds to other types.
@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized()
  @Query(() => Agreement, { nullable: true, description: "The agreement with this id; NOT_FOUND if there is none." })
  agreement(@Arg("id", () => ID) id: string, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return loadRequired(ctx.loaders.agreementById, "Agreement", id);
  }

  @Authorized()
  @Query(() => Agreement, {
    nullable: true,
    description:
      'The agreement with this number, e.g. "SLA-2026-001": the version in force, else the latest one, unless `version` is given; NOT_FOUND if there is none.',
  })
  async agreementByNumber(
    @Arg("number") number: string,
    @Arg("version", () => Int, { nullable: true, description: "A particular version of the agreement." })
    version: number | null,
    @Ctx() ctx: AgreementsContext,
  ): Promise<Agreement> {
    const agreement = version
      ? (await ctx.loaders.versionsByNumber.load(number)).find((a) => a.version === version)
      : await ctx.loaders.agreementByNumber.load(number);
    if (!agreement) throw new NotFoundError("Agreement", version ? `${number} version ${version}` : number);
    return agreement;
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to this version of the agreement, newest first." })
  history(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<HistoryEntry[]> {
    return loaders.agreementHistory.load(agreement.id);
  }

  @FieldResolver(() => [Agreement], { description: "Every version of this agreement (same number), oldest first." })
  versions(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<Agreement[]> {
    return loaders.versionsByNumber.load(agreement.number);
  }

  @FieldResolver(() => Agreement, {
    nullable: true,
    description: "The version this one replaces, if it is a revision.",
  })
  async supersedes(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<Agreement | null> {
    return agreement.supersedesId ? loaders.agreementById.load(agreement.supersedesId) : null;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The version drafted to replace this one, if any." })
  async supersededBy(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<Agreement | null> {
    const versions = await loaders.versionsByNumber.load(agreement.number);
    return versions.find((v) => v.supersedesId === agreement.id) ?? null;
  }

  @Authorized()
  @Query(() => AgreementConnection, {
    nullable: true,
    description: "Agreements, ordered by number, one page at a time. Null only when an error says why.",
  })
  async agreements(
    @Args() page: PageArgs,
    @Arg("filter", () => AgreementFilter, { nullable: true, description: "Criteria the agreements must meet." })
    filter: AgreementFilter | null,
    @Ctx() ctx: AgreementsContext,
  ) {
    return ctx.agreements.list(filter, toPageRequest(page), await ctx.scope(), ctx.selection);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, {
    description: "Creates an agreement as a DRAFT (version 1); references are checked with their owners.",
  })
  createAgreement(@Arg("input") input: CreateAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.agreements.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => Agreement, { description: "Changes a DRAFT agreement's title, description, dates or provider." })
  updateAgreement(@Arg("input") input: UpdateAgreementInput, @Ctx() ctx: AgreementsContext): Promise<Agreement> {
    return ctx.commands.agreements.update(input, ctx.identity);
  }

  @FieldResolver(() => [CustomerReference], {
    description: "The customers party to the agreement; empty for OLAs and underpinning contracts.",
  })
  async customers(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<CustomerReference[]> {
    const ids = await loaders.customerIdsByAgreement.load(agreement.id);
    return [...ids].sort().map((id) => ({ id }));
  }

  @FieldResolver(() => [ServiceReference], { description: "The services the agreement covers." })
  async services(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<ServiceReference[]> {
    const coverage = await loaders.selectedCoverageByAgreement.load(agreement.id);
    return [...new Set(coverage.map((c) => c.serviceId))].sort().map((id) => ({ id }));
  }

  @FieldResolver(() => [ServiceCoverage], {
    description: "How each covered service is provided under this agreement: as-agreed description, hours, charge.",
  })
  async coverage(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<SelectedCoverage[]> {
    const coverage = await loaders.selectedCoverageByAgreement.load(agreement.id);
    return [...coverage].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
  }

  @FieldResolver(() => [ServiceLevelTarget], { description: "The service level targets, by metric and priority." })
  async targets(@Root() agreement: Agreement, @Ctx() { loaders }: AgreementsContext): Promise<SelectedTarget[]> {
    return sortTargets(await loaders.selectedTargetsByAgreement.load(agreement.id));
  }

  @FieldResolver(() => [Responsibility], {
    description: "What each party undertakes: the provider's first, then the customer's.",
  })
  async responsibilities(
    @Root() agreement: Agreement,
    @Ctx() { loaders }: AgreementsContext,
  ): Promise<Responsibility[]> {
    return sortResponsibilities(await loaders.responsibilitiesByAgreement.load(agreement.id));
  }

  @FieldResolver(() => [Agreement], {
    description: "The OLAs and underpinning contracts this agreement relies on, by number.",
  })
  async underpinnedBy(@Root() agreement: Agreement, @Ctx() ctx: AgreementsContext): Promise<Agreement[]> {
    return relatedAgreements(
      ctx.loaders.agreementById,
      await ctx.loaders.underpinningIdsByAgreement.load(agreement.id),
    );
  }

  @FieldResolver(() => [Agreement], {
    description:
      "For an OLA or underpinning contract: the agreements it underpins (SLAs; for a contract also OLAs), by number.",
  })
  async underpins(@Root() agreement: Agreement, @Ctx() ctx: AgreementsContext): Promise<Agreement[]> {
    return relatedAgreements(ctx.loaders.agreementById, await ctx.loaders.underpinnedIdsByAgreement.load(agreement.id));
  }
}
