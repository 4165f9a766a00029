import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { CalendarEdit, CalendarWindow, NewCalendar } from "./calendar.commands";
import { Weekday } from "./calendar.enums";
import type { CalendarCriteria } from "./calendar.filters";

const CALENDAR_CODE = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
const CALENDAR_CODE_MESSAGE =
  '$property must be 2 to 32 characters: upper-case letters, digits, - or _, e.g. "24X7-CET"';

// Times and dates are checked by the calendar rules (one place, with the paths operations uses too).
@InputType({ description: "A weekly window of service." })
export class ServiceWindowInput implements CalendarWindow {
  @Field(() => [Weekday], { description: "The days of the week the window applies to, each once." })
  @ArrayMaxSize(7)
  days: Weekday[];

  @Field({ description: 'Local start time, "HH:MM", 00:00–23:59.' })
  from: string;

  @Field({ description: 'Local end time, "HH:MM", after `from`; "24:00" for the end of the day.' })
  to: string;
}

@InputType({ description: "A new service calendar." })
export class CreateCalendarInput implements NewCalendar {
  @Field({ description: 'Unique code, e.g. "BUSINESS-CET": upper-case letters, digits, - or _.' })
  @Matches(CALENDAR_CODE, { message: CALENDAR_CODE_MESSAGE })
  code: string;

  @Field({ description: "Display name, 2–200 characters." })
  @Length(2, 200)
  name: string;

  @Field({ description: 'IANA time zone, e.g. "Europe/Berlin".' })
  @Length(1, 64)
  timeZone: string;

  @Field(() => [ServiceWindowInput], { description: "The weekly windows of service; at least one, not overlapping." })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  windows: ServiceWindowInput[];

  @Field(() => [LocalDateResolver], { defaultValue: [], description: "Local dates without service, each once." })
  @ArrayMaxSize(1000)
  holidays: string[];
}

@InputType({ description: "Changes to a service calendar; omitted fields keep their value." })
export class UpdateCalendarInput implements CalendarEdit {
  @Field(() => ID, { description: "The calendar." })
  id: string;

  @Field(() => Int, { description: "The version you last read; a newer one makes this a CONFLICT." })
  expectedVersion: number;

  @Field({ nullable: true, description: "Display name, 2–200 characters." })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: "IANA time zone." })
  @IsOptional()
  @Length(1, 64)
  timeZone?: string;

  @Field(() => [ServiceWindowInput], { nullable: true, description: "The weekly windows (replacing all of them)." })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  windows?: ServiceWindowInput[];

  @Field(() => [LocalDateResolver], { nullable: true, description: "The holidays (replacing all of them)." })
  @IsOptional()
  @ArrayMaxSize(1000)
  holidays?: string[];
}

@InputType({ description: "Criteria for `calendars`; all given criteria must match." })
export class CalendarFilter implements CalendarCriteria {
  @Field(() => [String], { nullable: true, description: "Only calendars with any of these codes." })
  codes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only calendars in this time zone, e.g. "Europe/Berlin".' })
  timeZone?: string | null;
}
