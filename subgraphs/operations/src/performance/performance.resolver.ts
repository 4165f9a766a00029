import { BadUserInputError, connectionType, DomainError, ErrorCode, PageArgs, toPageRequest } from "@itsm/kit";
import type { Period } from "@itsm/service-hours";
import { InvalidPeriodError, parsePeriod } from "@itsm/service-hours";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { OperationsContext } from "../operations.context";
import { AgreementReference } from "../references/agreement.reference";
import { ServiceReference } from "../references/service.reference";
import { ServiceLevelTargetReference } from "../references/target.reference";
import { performanceKey } from "./performance.loaders";
import { ServiceLevelReportFilter } from "./performance.inputs";
import { pageOf, reportPage } from "./performance.report";
import { canSee, checkCustomer } from "./performance.scope";
import type { TargetResult } from "./performance.service";
import { compareResults, inForceDuring } from "./performance.service";
import type { ErrorBudgetUnit, PerformanceStatus } from "./performance.types";
import { ServicePerformance, TargetPerformance } from "./performance.types";

const TargetPerformanceConnection = connectionType(TargetPerformance, "TargetPerformance", "target performances");

const PERIOD =
  'The period: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"); anything else is BAD_USER_INPUT.';
const CUSTOMER =
  "Limit the figures to this customer's tickets and measurements; a partner may name only its own customers (FORBIDDEN otherwise).";

function periodOf(label: string): Period {
  try {
    return parsePeriod(label);
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw new BadUserInputError(error.message, { argumentName: "period" });
    throw error;
  }
}

/** A computed result as the GraphQL type. */
export function toTargetPerformance(result: TargetResult): TargetPerformance {
  const { target, period, performance } = result;
  return {
    target: { id: target.targetId },
    agreement: { id: target.agreementId },
    service: { id: target.serviceId },
    period: { label: period.label, from: period.from, to: period.to },
    achieved: performance.achieved,
    status: performance.status as PerformanceStatus,
    sampleSize: performance.sampleSize,
    breaches: performance.breaches,
    errorBudget: performance.errorBudget
      ? { ...performance.errorBudget, unit: performance.errorBudget.unit as ErrorBudgetUnit }
      : null,
    forecast: result.forecast,
    customer: result.customerId ? { id: result.customerId } : null,
  };
}

/** Checks the arguments every performance field takes: the period, and a partner's customer. */
async function argumentsOf(ctx: OperationsContext, label: string, customerId: string | null | undefined) {
  const period = periodOf(label);
  checkCustomer(await ctx.viewer(), customerId);
  return period;
}

async function loadTargets(
  ctx: OperationsContext,
  period: Period,
  customerId: string | null | undefined,
  ids: string[],
) {
  const results = await ctx.loaders.targetPerformance.loadMany(ids.map((id) => performanceKey(period, customerId, id)));
  return results.flatMap((r) => {
    if (r instanceof Error) throw r;
    return r ? [r] : [];
  });
}

// Every figure is computed from the catalogue agreements serves (SERVICE_UNAVAILABLE without it),
// for signed-in callers only, within the caller's view (see performance.scope.ts).
@Resolver(() => ServiceLevelTargetReference)
export class TargetPerformanceResolver {
  @Authorized()
  @FieldResolver(() => TargetPerformance, {
    nullable: true,
    description:
      "How the target did in a period: achieved against target, status and error budget. Null when the target is not one the caller may see; NO_DATA when its agreement was not in force in the period.",
  })
  async performance(
    @Root() target: ServiceLevelTargetReference,
    @Arg("period", { description: PERIOD }) label: string,
    @Arg("customerId", () => ID, { nullable: true, description: CUSTOMER }) customerId: string | null,
    @Ctx() ctx: OperationsContext,
  ): Promise<TargetPerformance | null> {
    const period = await argumentsOf(ctx, label, customerId);
    const result = await ctx.loaders.targetPerformance.load(performanceKey(period, customerId, target.id));
    return result ? toTargetPerformance(result) : null;
  }
}

@Resolver(() => AgreementReference)
export class AgreementPerformanceResolver {
  @Authorized()
  @FieldResolver(() => [TargetPerformance], {
    nullable: true,
    description:
      "How each of the agreement's targets did in a period, worst first (empty for an agreement the caller may not see). Null only when an error says why.",
  })
  async performance(
    @Root() agreement: AgreementReference,
    @Arg("period", { description: PERIOD }) label: string,
    @Arg("customerId", () => ID, { nullable: true, description: CUSTOMER }) customerId: string | null,
    @Ctx() ctx: OperationsContext,
  ): Promise<TargetPerformance[]> {
    const period = await argumentsOf(ctx, label, customerId);
    const catalogue = await ctx.catalogue();
    const ids = (catalogue.targetsByAgreement.get(agreement.id) ?? []).map((t) => t.targetId);
    return (await loadTargets(ctx, period, customerId, ids)).sort(compareResults).map(toTargetPerformance);
  }
}

@Resolver(() => ServiceReference)
export class ServicePerformanceResolver {
  @Authorized()
  @FieldResolver(() => ServicePerformance, {
    nullable: true,
    description:
      "How the service did in a period: its availability and every target on it in force during the period that the caller may see. Null only when an error says why.",
  })
  async performance(
    @Root() service: ServiceReference,
    @Arg("period", { description: PERIOD }) label: string,
    @Arg("customerId", () => ID, { nullable: true, description: CUSTOMER }) customerId: string | null,
    @Ctx() ctx: OperationsContext,
  ): Promise<ServicePerformance> {
    const period = await argumentsOf(ctx, label, customerId);
    const [catalogue, viewer] = await Promise.all([ctx.catalogue(), ctx.viewer()]);
    const ids = (catalogue.targetsByService.get(service.id) ?? [])
      .filter((t) => canSee(viewer, t) && inForceDuring(t, period))
      .map((t) => t.targetId);
    const [availability, targets] = await Promise.all([
      ctx.loaders.serviceAvailability.load(performanceKey(period, null, service.id)),
      loadTargets(ctx, period, customerId, ids),
    ]);
    return { availability, targets: targets.sort(compareResults).map(toTargetPerformance) };
  }
}

@Resolver()
export class ServiceLevelReportResolver {
  @Authorized()
  @Query(() => TargetPerformanceConnection, {
    nullable: true,
    description:
      "Every target of an agreement in force during the period that the caller may see, with its performance, worst first: BREACHED, AT_RISK, MET, NO_DATA; then most error budget consumed; then agreement number. A partner sees only its own SLAs and its own customers' figures. Null only when an error says why.",
  })
  async serviceLevelReport(
    @Arg("period", { description: PERIOD }) label: string,
    @Arg("filter", () => ServiceLevelReportFilter, { nullable: true, description: "Criteria the targets must meet." })
    filter: ServiceLevelReportFilter | null,
    @Args() pageArgs: PageArgs,
    @Ctx() ctx: OperationsContext,
  ) {
    const page = toPageRequest(pageArgs);
    const customerId = filter?.customerId ?? null;
    const period = await argumentsOf(ctx, label, customerId);
    const viewer = await ctx.viewer();
    if (viewer.kind === "staff" && !customerId) {
      // Staff's whole report: read from the stored figures once the period's are ready (performance.store.ts).
      const stored = await ctx.performanceStore.read(
        period,
        { status: filter?.status, agreementType: filter?.agreementType, providerId: filter?.providerId },
        page,
        ctx.catalogueRevision,
        ctx.catalogue,
      );
      if (stored) return pageOf(stored.results, stored.hasNextPage, page, stored.totalCount, toTargetPerformance);
    }
    const catalogue = await ctx.catalogue();
    const ids = catalogue.allTargets
      .filter(
        (t) =>
          canSee(viewer, t) &&
          inForceDuring(t, period) &&
          (!filter?.agreementType || t.agreementType === filter.agreementType) &&
          (!filter?.providerId || t.providerId === filter.providerId) &&
          (!customerId || t.customerIds.includes(customerId)),
      )
      .map((t) => t.targetId);
    if (ids.length > ctx.inRequestTargetLimit) {
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `The figures of ${period.label} are not stored yet and ${ids.length} targets are too many to compute in one request (at most ${ctx.inRequestTargetLimit}): the figures job has been asked to keep them — retry in a few minutes, or narrow the report (filter.customerId, filter.providerId)`,
        { period: period.label, targets: ids.length, limit: ctx.inRequestTargetLimit },
      );
    }
    const results = (await loadTargets(ctx, period, customerId, ids)).filter(
      (r) => !filter?.status || r.performance.status === filter.status,
    );
    return reportPage(results, page, toTargetPerformance);
  }
}
