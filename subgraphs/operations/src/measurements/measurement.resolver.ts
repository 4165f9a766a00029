import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { OperationsContext } from "../operations.context";
import { RecordResult } from "../records/record-result";
import { Measurement } from "./measurement.entity";
import { MeasurementFilter, RecordMeasurementsInput } from "./measurement.inputs";

const MeasurementConnection = connectionType(Measurement, "Measurement", "measurements");

// Partners read only their own customers' figures; a figure over all customers is not theirs.
@Resolver(() => Measurement)
export class MeasurementResolver {
  @Authorized()
  @Query(() => Measurement, {
    nullable: true,
    description: "The measurement with this id; NOT_FOUND if there is none (or it is not the caller's to see).",
  })
  measurement(@Arg("id", () => ID) id: string, @Ctx() ctx: OperationsContext): Promise<Measurement> {
    return loadRequired(ctx.loaders.measurementById, "Measurement", id);
  }

  @Authorized()
  @Query(() => MeasurementConnection, {
    nullable: true,
    description:
      "Monthly figures, earliest month first, one page at a time; a partner sees only its own customers'. Null only when an error says why.",
  })
  async measurements(
    @Args() page: PageArgs,
    @Arg("filter", () => MeasurementFilter, { nullable: true, description: "Criteria the figures must meet." })
    filter: MeasurementFilter | null,
    @Ctx() ctx: OperationsContext,
  ) {
    const request = toPageRequest(page);
    return ctx.measurements.list(filter, request, await ctx.scope());
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to the figure's record, newest first." })
  history(@Root() measurement: Measurement, @Ctx() { loaders }: OperationsContext): Promise<HistoryEntry[]> {
    return loaders.measurementHistory.load(measurement.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => RecordResult, {
    description:
      "Records monthly figures, idempotently by `externalId`, in one transaction; every service and customer is checked with its owner (INVALID_REFERENCE, nothing written).",
  })
  recordMeasurements(
    @Arg("input") input: RecordMeasurementsInput,
    @Ctx() ctx: OperationsContext,
  ): Promise<RecordResult> {
    return ctx.measurementCommands.record(input, ctx.identity);
  }
}
