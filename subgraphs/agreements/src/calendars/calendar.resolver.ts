import { connectionType, HistoryEntry, loadRequired, PageArgs, STAFF, toPageRequest, WRITERS } from "@itsm/kit";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AgreementsContext } from "../agreements.context";
import { ServiceCalendar } from "./calendar.entity";
import { CalendarFilter, CreateCalendarInput, UpdateCalendarInput } from "./calendar.inputs";

const ServiceCalendarConnection = connectionType(ServiceCalendar, "ServiceCalendar", "calendars");

/** Service calendars: read by any signed-in caller (they are not confidential), written by editors. */
@Resolver(() => ServiceCalendar)
export class CalendarResolver {
  @Authorized()
  @Query(() => ServiceCalendarConnection, {
    nullable: true,
    description: "Service calendars, ordered by code, one page at a time. Null only when an error says why.",
  })
  calendars(
    @Args() page: PageArgs,
    @Arg("filter", () => CalendarFilter, { nullable: true, description: "Criteria the calendars must meet." })
    filter: CalendarFilter | null,
    @Ctx() ctx: AgreementsContext,
  ) {
    return ctx.calendars.list(filter, toPageRequest(page));
  }

  @Authorized()
  @Query(() => ServiceCalendar, {
    nullable: true,
    description: "The calendar with this id; NOT_FOUND if there is none.",
  })
  calendar(@Arg("id", () => ID) id: string, @Ctx() ctx: AgreementsContext): Promise<ServiceCalendar> {
    return loadRequired(ctx.loaders.calendarById, "ServiceCalendar", id);
  }

  @Authorized()
  @Query(() => ServiceCalendar, {
    nullable: true,
    description: 'The calendar with this code, e.g. "24X7-CET"; NOT_FOUND if there is none.',
  })
  calendarByCode(@Arg("code") code: string, @Ctx() ctx: AgreementsContext): Promise<ServiceCalendar> {
    return loadRequired(ctx.loaders.calendarByCode, "ServiceCalendar", code);
  }

  @Authorized(STAFF)
  @FieldResolver(() => [HistoryEntry], { description: "Every change to the calendar, newest first." })
  history(@Root() calendar: ServiceCalendar, @Ctx() { loaders }: AgreementsContext): Promise<HistoryEntry[]> {
    return loaders.calendarHistory.load(calendar.id);
  }

  @Authorized(WRITERS)
  @Mutation(() => ServiceCalendar, {
    description:
      "Creates a service calendar; its zone, windows and holidays are validated (BAD_USER_INPUT names each field).",
  })
  createCalendar(@Arg("input") input: CreateCalendarInput, @Ctx() ctx: AgreementsContext): Promise<ServiceCalendar> {
    return ctx.commands.calendars.create(input, ctx.identity);
  }

  @Authorized(WRITERS)
  @Mutation(() => ServiceCalendar, {
    description:
      "Changes a service calendar's name, zone, windows or holidays; coverage using it is measured in the new hours.",
  })
  updateCalendar(@Arg("input") input: UpdateCalendarInput, @Ctx() ctx: AgreementsContext): Promise<ServiceCalendar> {
    return ctx.commands.calendars.update(input, ctx.identity);
  }
}
