import { registerEnumType } from "type-graphql";

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

registerEnumType(Weekday, {
  name: "Weekday",
  description: "A day of the week, as service calendars name them (ISO order, Monday first).",
  valuesConfig: {
    MON: { description: "Monday." },
    TUE: { description: "Tuesday." },
    WED: { description: "Wednesday." },
    THU: { description: "Thursday." },
    FRI: { description: "Friday." },
    SAT: { description: "Saturday." },
    SUN: { description: "Sunday." },
  },
});
