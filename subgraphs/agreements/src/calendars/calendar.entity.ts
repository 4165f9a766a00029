import { TrackedRecord } from "@itsm/kit";
import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Weekday } from "./calendar.enums";

/** A weekly window of service on some days of the week, in the calendar's local time. */
@ObjectType({ description: "A weekly window of service: on each of `days`, from `from` to `to` local time." })
export class ServiceWindow {
  @Field(() => [Weekday], { description: "The days of the week the window applies to." })
  days: Weekday[];

  @Field({ description: 'Local start time, "HH:MM" (inclusive).' })
  from: string;

  @Field({ description: 'Local end time, "HH:MM" (exclusive); "24:00" ends at the next local midnight.' })
  to: string;
}

/** Service hours: weekly windows in an IANA time zone, minus holidays; what targets are measured in. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "Service hours that targets are measured in: weekly windows of local time in an IANA time zone, minus holidays.",
})
@Entity("service_calendars")
@Index(["code", "id"])
export class ServiceCalendar extends TrackedRecord {
  @Field({ description: 'Unique short code, upper case, e.g. "24X7-CET" or "BUSINESS-CET".' })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code: string;

  @Field({ description: "Display name." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: 'IANA time zone the windows and holidays are local to, e.g. "Europe/Berlin".' })
  @Column({ type: "varchar", length: 64 })
  timeZone: string;

  @Field(() => [ServiceWindow], { description: "The weekly windows of service." })
  @Column({ type: "simple-json" })
  windows: ServiceWindow[];

  @Field(() => [LocalDateResolver], { description: "Local dates on which there is no service, ascending." })
  @Column({ type: "simple-json" })
  holidays: string[];
}
