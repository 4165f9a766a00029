import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { OperationsContext } from "../operations.context";
import { RecordResult } from "../records/record-result";
import { IncidentPause } from "./incident-pause.entity";
import { Incident } from "./incident.entity";
import { IncidentFilter, RecordIncidentsInput } from "./incident.inputs";

const IncidentConnection = connectionType(Incident, "Incident", "incidents");

// Partners read only the incidents of their own customers (the scope is applied in SQL).
@Resolver(() => Incident)
export class IncidentResolver {
  @Authorized()
  @Query(() => Incident, {
    nullable: true,
    description: "The incident with this id; NOT_FOUND if there is none (or it is not the caller's to see).",
  })
  incident(@Arg("id", () => ID) id: string, @Ctx() ctx: OperationsContext): Promise<Incident> {
    return loadRequired(ctx.loaders.incidentById, "Incident", id);
  }

  @Authorized()
  @Query(() => IncidentConnection, {
    nullable: true,
    description:
      "Incidents, earliest opened first, one page at a time; a partner sees only its own customers'. Null only when an error says why.",
  })
  async incidents(
    @Args() page: PageArgs,
    @Arg("filter", () => IncidentFilter, { nullable: true, description: "Criteria the incidents must meet." })
    filter: IncidentFilter | null,
    @Ctx() ctx: OperationsContext,
  ) {
    const request = toPageRequest(page);
    return ctx.incidents.list(filter, request, await ctx.scope());
  }

  @FieldResolver(() => [IncidentPause], { description: "Stretches spent waiting on the customer, in order." })
  pauses(@Root() incident: Incident, @Ctx() { loaders }: OperationsContext): Promise<IncidentPause[]> {
    return loaders.pausesByIncident.load(incident.id);
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to the incident's record, newest first." })
  history(@Root() incident: Incident, @Ctx() { loaders }: OperationsContext): Promise<HistoryEntry[]> {
    return loaders.incidentHistory.load(incident.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => RecordResult, {
    description:
      "Records incidents exported by the ITSM tool, idempotently by `externalId`, in one transaction; every service and customer is checked with its owner (INVALID_REFERENCE, nothing written).",
  })
  recordIncidents(@Arg("input") input: RecordIncidentsInput, @Ctx() ctx: OperationsContext): Promise<RecordResult> {
    return ctx.incidentCommands.record(input, ctx.identity);
  }
}
