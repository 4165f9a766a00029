import { describeEnum } from "@itsm/kit";

/** A day of the week as service calendars name them, Monday first (the values of `@itsm/service-hours`). */
export enum Weekday {
  MON = "MON",
  TUE = "TUE",
  WED = "WED",
  THU = "THU",
  FRI = "FRI",
  SAT = "SAT",
  SUN = "SUN",
}

describeEnum(Weekday, "Weekday", "A day of the week, as service calendars name them (ISO order, Monday first).", {
  MON: "Monday.",
  TUE: "Tuesday.",
  WED: "Wednesday.",
  THU: "Thursday.",
  FRI: "Friday.",
  SAT: "Saturday.",
  SUN: "Sunday.",
});
