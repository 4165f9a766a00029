import { defineEnum, type EnumValue } from "@itsm/kit";

/** The values of `@itsm/service-hours`' Weekday. */
export const Weekday = defineEnum(
  "Weekday",
  "A day of the week, as service calendars name them (ISO order, Monday first).",
  {
    MON: "Monday.",
    TUE: "Tuesday.",
    WED: "Wednesday.",
    THU: "Thursday.",
    FRI: "Friday.",
    SAT: "Saturday.",
    SUN: "Sunday.",
  },
);
export type Weekday = EnumValue<typeof Weekday>;
