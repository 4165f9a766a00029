import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { OperationsContext } from "../operations.context";
import { ServiceReference } from "../references/service.reference";
import { RecordResult } from "../records/record-result";
import { Outage } from "./outage.entity";
import { OutageFilter, RecordOutagesInput } from "./outage.inputs";

const OutageConnection = connectionType(Outage, "Outage", "outages");

// Outages carry no customer data: every signed-in caller, partners included, reads all of them.
@Resolver(() => Outage)
export class OutageResolver {
  @Authorized()
  @Query(() => Outage, { nullable: true, description: "The outage with this id; NOT_FOUND if there is none." })
  outage(@Arg("id", () => ID) id: string, @Ctx() ctx: OperationsContext): Promise<Outage> {
    return loadRequired(ctx.loaders.outageById, "Outage", id);
  }

  @Authorized()
  @Query(() => OutageConnection, {
    nullable: true,
    description: "Outages, earliest start first, one page at a time. Null only when an error says why.",
  })
  outages(
    @Args() page: PageArgs,
    @Arg("filter", () => OutageFilter, { nullable: true, description: "Criteria the outages must meet." })
    filter: OutageFilter | null,
    @Ctx() ctx: OperationsContext,
  ) {
    return ctx.outages.list(filter, toPageRequest(page));
  }

  @FieldResolver(() => [ServiceReference], {
    description:
      "The services the outage reached: for a service outage the service itself; for a component outage every service using the component at any dependency depth, as the catalog's impact analysis (`Component.impactedServices`) said when the outage was recorded — stored here, so availability can be aggregated in the database.",
  })
  async impactedServices(@Root() outage: Outage, @Ctx() { loaders }: OperationsContext): Promise<ServiceReference[]> {
    return (await loaders.impactedServiceIdsByOutage.load(outage.id)).map((id) => ({ id }));
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to the outage's record, newest first." })
  history(@Root() outage: Outage, @Ctx() { loaders }: OperationsContext): Promise<HistoryEntry[]> {
    return loaders.outageHistory.load(outage.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => RecordResult, {
    description:
      "Records outages exported by monitoring or the ITSM tool, idempotently by `externalId`, in one transaction; every service and component is checked with the catalog (INVALID_REFERENCE, nothing written).",
  })
  recordOutages(@Arg("input") input: RecordOutagesInput, @Ctx() ctx: OperationsContext): Promise<RecordResult> {
    return ctx.outageCommands.record(input, ctx.identity);
  }
}
